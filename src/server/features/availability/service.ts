import type { z } from 'zod';
import type { CreateUnavailabilityBody, Unavailability } from '../../../contracts/contractors';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { AppContext } from '../../context';
import type { Executor } from '../../db';
import { AppError, notFound } from '../../errors';
import { newId, newSecret, nowIso } from '../../lib/ids';
import { loadAvailabilityEditable } from '../contractors';
import * as q from './queries';

export const FEED_KIND = 'unavailability';

export function presentUnavailability(row: q.UnavailabilityRow): Unavailability {
  return {
    id: row.id,
    contractorId: row.contractor_id,
    start: row.start_date,
    end: row.end_date,
    kind: asKind(row.kind),
    note: row.note,
    createdAt: row.created_at,
  };
}

export function asKind(kind: string | null): Unavailability['kind'] {
  return kind === 'travel' || kind === 'time_off' ? kind : 'other';
}

/** R8: a contractor (for himself) or a coordinator records a range he cannot work. */
export async function addUnavailability(
  db: Executor,
  actor: Actor,
  contractorId: string,
  body: z.infer<typeof CreateUnavailabilityBody>,
): Promise<Unavailability> {
  const contractor = await loadAvailabilityEditable(db, actor, contractorId);
  const row = {
    id: newId(),
    workspace_id: actor.workspaceId,
    contractor_id: contractor.id,
    start_date: body.start,
    end_date: body.end,
    kind: body.kind,
    note: body.note,
    created_by: actor.userId,
    created_at: nowIso(),
  };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('unavailability').values(row).execute();
    await recordAudit(tx, actor, {
      entityType: 'unavailability',
      entityId: row.id,
      action: 'created',
      after: row,
    });
  });
  return presentUnavailability(row);
}

export async function deleteUnavailability(db: Executor, actor: Actor, id: string) {
  const row = await q.findUnavailability(db, { workspaceId: actor.workspaceId, id });
  if (!row) throw notFound('Unavailability');
  // Someone else's range is "not found" to a contractor, like the contractor himself (R5).
  await loadAvailabilityEditable(db, actor, row.contractor_id).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'NOT_FOUND' ? notFound('Unavailability') : err;
  });
  await db.transaction().execute(async (tx) => {
    const gone = await tx
      .deleteFrom('unavailability')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) !== 1) throw notFound('Unavailability');
    await recordAudit(tx, actor, {
      entityType: 'unavailability',
      entityId: id,
      action: 'deleted',
      before: row,
    });
  });
}

/** A secret calendar link to a contractor's unavailability; a new link revokes the old one. */
export async function createFeed(
  ctx: AppContext,
  actor: Actor,
  contractorId: string,
): Promise<string> {
  const db = ctx.database.db;
  const contractor = await loadAvailabilityEditable(db, actor, contractorId);
  const { token, hash } = newSecret();
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const now = nowIso();
    await revokeFeeds(tx, actor.workspaceId, contractor.id, now);
    await tx
      .insertInto('feed_tokens')
      .values({
        id,
        workspace_id: actor.workspaceId,
        kind: FEED_KIND,
        subject_id: contractor.id,
        token_hash: hash,
        created_by: actor.userId,
        created_at: now,
        revoked_at: null,
      })
      .execute();
    await recordAudit(tx, actor, {
      entityType: 'feed_token',
      entityId: id,
      action: 'created',
      after: { kind: FEED_KIND, subjectId: contractor.id },
    });
  });
  return `${ctx.config.publicUrl}/api/feeds/${token}.ics`;
}

/** Turns off every calendar link of a contractor's unavailability. */
export async function revokeFeed(db: Executor, actor: Actor, contractorId: string) {
  const contractor = await loadAvailabilityEditable(db, actor, contractorId);
  await db.transaction().execute(async (tx) => {
    const n = await revokeFeeds(tx, actor.workspaceId, contractor.id, nowIso());
    await recordAudit(tx, actor, {
      entityType: 'feed_token',
      entityId: contractor.id,
      action: 'revoked',
      after: { kind: FEED_KIND, subjectId: contractor.id, revoked: n },
    });
  });
}

async function revokeFeeds(tx: Executor, workspaceId: string, subjectId: string, at: string) {
  const res = await tx
    .updateTable('feed_tokens')
    .set({ revoked_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', FEED_KIND)
    .where('subject_id', '=', subjectId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
