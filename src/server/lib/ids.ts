import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * Row ids are time-ordered UUIDs (RFC 9562 version 7: 48 bits of milliseconds, a 12-bit counter
 * within the millisecond, then random bits). A new row's key then lands next to the last one in
 * every id index instead of on a random page, so the writes that share a commit
 * (db/group-commit.ts) share its pages too; and rows made in the same millisecond (a thread's
 * comments share their `created_at` then) keep the order they were made in, id being the
 * tie-breaker everywhere. Made from Node's randomUUID (which draws from a cached entropy pool;
 * the `uuid` package asks the system for 16 bytes per id, a measurable cost per write). An id is
 * no secret either way: every route checks access (R5).
 */
let lastMs = 0;
let counter = 0;

export function newId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    // Same millisecond (or the clock stepped back): count on; past 4,095, borrow the next ms.
    ms = lastMs;
    counter += 1;
    if (counter > 0xfff) {
      ms += 1;
      counter = 0;
    }
  } else {
    counter = 0;
  }
  lastMs = ms;
  const time = ms.toString(16).padStart(12, '0');
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, '0')}${random.slice(18)}`;
}
export const nowIso = (): string => new Date().toISOString();

/** A random secret for links (invitations, feeds); only its hash is stored. */
export function newSecret(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
