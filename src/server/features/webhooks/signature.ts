import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, in the scheme receivers know from Stripe:
 * `X-Handoff-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 * The timestamp is signed too, so a captured delivery cannot be replayed later.
 */
export const SIGNATURE_HEADER = 'x-handoff-signature';

export function signatureOf(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** What a receiver does: recompute, compare in constant time, refuse stale timestamps. */
export function verifySignature(
  secret: string,
  body: string,
  header: string | undefined,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(
    header.split(',').map((kv) => {
      const i = kv.indexOf('=');
      return [kv.slice(0, i).trim(), kv.slice(i + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1) return false;
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(secret, body, t).split('v1=')[1], 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Waits before each retry of a failed delivery: 1 m, 5 m, 30 m, 2 h, 6 h; then it has failed. */
export const WEBHOOK_RETRY_MINUTES = [1, 5, 30, 120, 360] as const;

/** When to try again after `attemptsMade` failed attempts; null once the retries are used up. */
export function nextRetryAt(attemptsMade: number, from: Date): Date | null {
  const minutes = WEBHOOK_RETRY_MINUTES[attemptsMade - 1];
  return minutes === undefined ? null : new Date(from.getTime() + minutes * 60_000);
}
