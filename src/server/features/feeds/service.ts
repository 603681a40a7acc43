import type { FeedList } from '../../../contracts/notifications';
import { STAFF_ROLES } from '../../../contracts/roles';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { AppContext } from '../../context';
import type { Executor } from '../../db';
import { forbidden } from '../../errors';
import { newId, newSecret, nowIso } from '../../lib/ids';

/**
 * Calendar feeds of due dates, on the feed_tokens of the availability feature: kind 'person'
 * (my subtasks) and 'team' (every due date; staff only). Both belong to the person who made
 * them (subject_id = their user id); a new link replaces the old one, and revoking turns it off.
 */
export type FeedKind = 'person' | 'team';
export const FEED_TOKEN_KINDS: Record<FeedKind, string> = { person: 'person', team: 'team' };

export const isStaff = (role: string) => (STAFF_ROLES as readonly string[]).includes(role);

function assertMayHave(actor: Actor, kind: FeedKind): void {
  if (kind === 'team' && !isStaff(actor.role)) {
    throw forbidden('The team calendar is for agency staff');
  }
}

export async function listFeeds(db: Executor, actor: Actor): Promise<FeedList> {
  const rows = await db
    .selectFrom('feed_tokens')
    .select(['kind', 'created_at'])
    .where('workspace_id', '=', actor.workspaceId)
    .where('subject_id', '=', actor.userId)
    .where('kind', 'in', ['person', 'team'])
    .where('revoked_at', 'is', null)
    .execute();
  const kinds: FeedKind[] = isStaff(actor.role) ? ['person', 'team'] : ['person'];
  return {
    items: kinds.map((kind) => {
      const row = rows.find((r) => r.kind === kind);
      return { kind, active: Boolean(row), createdAt: row?.created_at ?? null };
    }),
  };
}

async function revokeAll(tx: Executor, actor: Actor, kind: FeedKind, at: string) {
  const res = await tx
    .updateTable('feed_tokens')
    .set({ revoked_at: at })
    .where('workspace_id', '=', actor.workspaceId)
    .where('kind', '=', FEED_TOKEN_KINDS[kind])
    .where('subject_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** A secret .ics link; shown once (only its hash is stored), replacing any earlier link. */
export async function createFeed(ctx: AppContext, actor: Actor, kind: FeedKind): Promise<string> {
  assertMayHave(actor, kind);
  const { token, hash } = newSecret();
  const id = newId();
  await ctx.database.db.transaction().execute(async (tx) => {
    const now = nowIso();
    await revokeAll(tx, actor, kind, now);
    await tx
      .insertInto('feed_tokens')
      .values({
        id,
        workspace_id: actor.workspaceId,
        kind: FEED_TOKEN_KINDS[kind],
        subject_id: actor.userId,
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
      after: { kind, subjectId: actor.userId },
    });
  });
  return `${ctx.config.publicUrl}/api/feeds/due/${token}.ics`;
}

export async function revokeFeed(db: Executor, actor: Actor, kind: FeedKind): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const n = await revokeAll(tx, actor, kind, nowIso());
    await recordAudit(tx, actor, {
      entityType: 'feed_token',
      entityId: actor.userId,
      action: 'revoked',
      after: { kind, revoked: n },
    });
  });
}
