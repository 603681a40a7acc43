import type { WebhookEvent } from '../../../contracts/notifications';
import type { AppContext } from '../../context';
import type { Executor } from '../../db';
import { requestRun } from '../../jobs/kick';
import { newId, nowIso } from '../../lib/ids';
import { nextRetryAt, signatureOf } from './signature';

export const DELIVER_WEBHOOKS_JOB = 'deliver-webhooks';
const BATCH = 50;
const MAX_BATCHES = 10;

function subscribes(eventsJson: string, event: string): boolean {
  try {
    const events = JSON.parse(eventsJson) as string[];
    return events.includes('*') || events.includes(event);
  } catch {
    return false;
  }
}

/**
 * Queues `event` for every active webhook of the workspace that subscribed to it, in the
 * caller's transaction (so an event is sent only if its change committed). The delivery job
 * sends it right after the commit and retries failures with backoff. Returns the delivery ids.
 */
export async function emitWebhookEvent(
  tx: Executor,
  workspaceId: string,
  event: WebhookEvent,
  data: Record<string, unknown>,
  options: { onlyWebhookId?: string } = {},
): Promise<string[]> {
  let q = tx
    .selectFrom('webhooks')
    .select(['id', 'events_json'])
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', 1);
  if (options.onlyWebhookId) q = q.where('id', '=', options.onlyWebhookId);
  const hooks = (await q.execute()).filter(
    (h) => options.onlyWebhookId || subscribes(h.events_json, event),
  );
  if (hooks.length === 0) return [];
  const createdAt = nowIso();
  const rows = hooks.map((h) => {
    const id = newId();
    // The delivery id travels in the body: retries carry the same id, so receivers can dedupe.
    const payload = JSON.stringify({ id, event, workspaceId, createdAt, data });
    return {
      id,
      workspace_id: workspaceId,
      webhook_id: h.id,
      event,
      payload,
      attempt: 0,
      status_code: null,
      error: null,
      next_attempt_at: createdAt,
      delivered_at: null,
      created_at: createdAt,
    };
  });
  await tx.insertInto('webhook_deliveries').values(rows).execute();
  requestRun(DELIVER_WEBHOOKS_JOB);
  return rows.map((r) => r.id);
}

interface DueDelivery {
  id: string;
  event: string;
  payload: string;
  attempt: number;
  url: string;
  secret: string;
  active: number;
}

function selectDue(db: Executor) {
  return db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.event',
      'webhook_deliveries.payload',
      'webhook_deliveries.attempt',
      'webhooks.url',
      'webhooks.secret',
      'webhooks.active',
    ])
    .where('webhook_deliveries.delivered_at', 'is', null)
    .where('webhook_deliveries.next_attempt_at', 'is not', null);
}

/** One signed POST; the outcome (status, error, next retry) is logged on the delivery row. */
export async function attemptDelivery(db: Executor, d: DueDelivery, now = new Date()) {
  const attempt = d.attempt + 1;
  // Claim the attempt first (the attempt counter is the version): a test send and the job
  // racing for one delivery send it once. A crash after this retries when the lease is over.
  const claimed = await db
    .updateTable('webhook_deliveries')
    .set({ attempt, next_attempt_at: new Date(Date.now() + 5 * 60_000).toISOString() })
    .where('id', '=', d.id)
    .where('attempt', '=', d.attempt)
    .where('delivered_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return null;
  let statusCode: number | null = null;
  let error: string | null = null;
  if (d.active !== 1) error = 'The webhook is turned off';
  else {
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Handoff-Webhooks/1',
          'x-handoff-event': d.event,
          'x-handoff-delivery': d.id,
          'x-handoff-signature': signatureOf(d.secret, d.payload, Math.floor(Date.now() / 1000)),
        },
        body: d.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      statusCode = res.status;
      await res.body?.cancel().catch(() => {});
      if (res.status < 200 || res.status >= 300) error = `The receiver answered ${res.status}`;
    } catch (err) {
      error = String((err as Error).message ?? err).slice(0, 500);
    }
  }
  const delivered = error === null;
  const next = delivered || d.active !== 1 ? null : nextRetryAt(attempt, now);
  await db
    .updateTable('webhook_deliveries')
    .set({
      attempt,
      status_code: statusCode,
      error,
      delivered_at: delivered ? new Date().toISOString() : null,
      next_attempt_at: next ? next.toISOString() : null,
    })
    .where('id', '=', d.id)
    .execute();
  return { delivered, statusCode, error };
}

/** The deliver-webhooks job: every delivery whose time has come, in bounded batches. */
export async function deliverWebhooks(
  ctx: AppContext,
  now = new Date(),
): Promise<{ delivered: number; failed: number }> {
  const db = ctx.database.db;
  let delivered = 0;
  let failed = 0;
  for (let round = 0; round < MAX_BATCHES; round++) {
    const due = await selectDue(db)
      .where('webhook_deliveries.next_attempt_at', '<=', now.toISOString())
      .orderBy('webhook_deliveries.next_attempt_at')
      .orderBy('webhook_deliveries.id')
      .limit(BATCH)
      .execute();
    for (const d of due) {
      const r = await attemptDelivery(db, d, now);
      if (r?.delivered) delivered++;
      else if (r) failed++;
    }
    if (due.length < BATCH) break;
  }
  return { delivered, failed };
}

/** Sends one delivery now, whatever its schedule (the admin's "send test"). */
export async function deliverNow(db: Executor, deliveryId: string) {
  const d = await selectDue(db).where('webhook_deliveries.id', '=', deliveryId).executeTakeFirst();
  if (!d) return null;
  return attemptDelivery(db, d);
}
