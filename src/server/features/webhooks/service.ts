import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  CreateWebhookBody,
  Webhook,
  WebhookCreated,
  WebhookDelivery,
} from '../../../contracts/notifications';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { deliverNow, emitWebhookEvent } from './deliver';

/** Outgoing webhooks: admins register URLs for events; deliveries are signed and logged. */

type WebhookRow = {
  id: string;
  url: string;
  events_json: string;
  active: number;
  created_at: string;
};

export function presentWebhook(r: WebhookRow): Webhook {
  return {
    id: r.id,
    url: r.url,
    events: JSON.parse(r.events_json) as string[],
    active: r.active === 1,
    createdAt: r.created_at,
  };
}

export function presentDelivery(r: {
  id: string;
  webhook_id: string;
  event: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
}): WebhookDelivery {
  const status = r.delivered_at ? 'delivered' : r.next_attempt_at ? 'pending' : 'failed';
  return {
    id: r.id,
    webhookId: r.webhook_id,
    event: r.event,
    attempt: r.attempt,
    statusCode: r.status_code,
    error: r.error,
    status,
    nextAttemptAt: r.next_attempt_at,
    deliveredAt: r.delivered_at,
    createdAt: r.created_at,
  };
}

export async function listWebhooks(db: Executor, workspaceId: string): Promise<Webhook[]> {
  const rows = await db
    .selectFrom('webhooks')
    .select(['id', 'url', 'events_json', 'active', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .limit(100)
    .execute();
  return rows.map(presentWebhook);
}

async function findWebhook(db: Executor, workspaceId: string, id: string) {
  const row = await db
    .selectFrom('webhooks')
    .select(['id', 'url', 'events_json', 'active', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Webhook');
  return row;
}

export async function createWebhook(
  db: Executor,
  actor: Actor,
  body: z.infer<typeof CreateWebhookBody>,
): Promise<z.infer<typeof WebhookCreated>> {
  const events = body.events.includes('*') ? ['*'] : [...new Set(body.events)];
  const row = {
    id: newId(),
    workspace_id: actor.workspaceId,
    url: body.url,
    events_json: JSON.stringify(events),
    secret: `whsec_${randomBytes(24).toString('base64url')}`,
    active: 1,
    created_at: nowIso(),
  };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('webhooks').values(row).execute();
    // The secret is never written to the audit trail.
    await recordAudit(tx, actor, {
      entityType: 'webhook',
      entityId: row.id,
      action: 'created',
      after: { url: row.url, events },
    });
  });
  return { ...presentWebhook(row), secret: row.secret };
}

export async function deleteWebhook(db: Executor, actor: Actor, id: string): Promise<void> {
  const row = await findWebhook(db, actor.workspaceId, id);
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('webhooks')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, {
      entityType: 'webhook',
      entityId: id,
      action: 'deleted',
      before: { url: row.url, events: JSON.parse(row.events_json) },
    });
  });
}

/** Sends a signed `ping` to one webhook now and returns how it went (it is logged too). */
export async function testWebhook(db: Executor, actor: Actor, id: string) {
  await findWebhook(db, actor.workspaceId, id);
  const [deliveryId] = await db
    .transaction()
    .execute((tx) =>
      emitWebhookEvent(
        tx,
        actor.workspaceId,
        'ping',
        { message: 'Test delivery from Handoff', sentBy: actor.name },
        { onlyWebhookId: id },
      ),
    );
  if (!deliveryId) throw notFound('Webhook');
  await deliverNow(db, deliveryId);
  return findDelivery(db, actor.workspaceId, deliveryId);
}

async function findDelivery(db: Executor, workspaceId: string, id: string) {
  const row = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return presentDelivery(row);
}

/** Recent deliveries of one webhook (newest first), for the settings screen. */
export async function listDeliveries(
  db: Executor,
  workspaceId: string,
  webhookId: string,
  limit: number,
): Promise<WebhookDelivery[]> {
  await findWebhook(db, workspaceId, webhookId);
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(presentDelivery);
}
