import type { z } from 'zod';
import type {
  Announcement,
  AnnouncementAudience,
  CreateAnnouncementBody,
  UpdateAnnouncementBody,
} from '../../../contracts/community';
import { STAFF_ROLES } from '../../../contracts/roles';
import type { Role } from '../../../domain/roles';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { notFound, staleVersion } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import * as q from './queries';

/** Who publishes, edits and deletes announcements (R26). */
export const ANNOUNCERS: readonly Role[] = ['admin', 'coordinator'];

export const viewerOf = (actor: Actor): q.Viewer => ({
  workspaceId: actor.workspaceId,
  userId: actor.userId,
  staff: STAFF_ROLES.includes(actor.role),
});

export function present(row: q.AnnouncementRow, actor: Actor): Announcement {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    audience: row.audience as AnnouncementAudience,
    pinned: row.pinned === 1,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? 'Someone' } : null,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    read: row.read_at !== null,
    version: row.version,
    abilities: { edit: ANNOUNCERS.includes(actor.role) },
  };
}

export async function loadAnnouncement(db: Executor, actor: Actor, id: string) {
  const row = await q.findAnnouncement(db, viewerOf(actor), id);
  if (!row) throw notFound('Announcement');
  return present(row, actor);
}

const snapshotOf = (r: { title: string; body: string; audience: string; pinned: number }) => ({
  title: r.title,
  body: r.body,
  audience: r.audience,
  pinned: r.pinned === 1,
});

/** R26: publish to everyone (contractors included) or to staff only. Read by its author. */
export async function publishAnnouncement(
  db: Executor,
  actor: Actor,
  body: CreateAnnouncementBody,
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    const row = {
      id,
      workspace_id: actor.workspaceId,
      title: body.title.trim(),
      body: body.body.trim(),
      audience: body.audience ?? 'everyone',
      pinned: body.pinned ? 1 : 0,
      author_id: actor.userId,
      published_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('announcements').values(row).execute();
    await q.markRead(tx, actor.userId, [id], now);
    await recordAudit(tx, actor, {
      entityType: 'announcement',
      entityId: id,
      action: 'published',
      after: snapshotOf(row),
    });
  });
  return id;
}

export async function editAnnouncement(
  db: Executor,
  actor: Actor,
  id: string,
  patch: z.infer<typeof UpdateAnnouncementBody>,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('announcements')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('Announcement');
    if (before.version !== patch.version) throw staleVersion('This announcement', before.version);
    const set = {
      title: patch.title?.trim() ?? before.title,
      body: patch.body?.trim() ?? before.body,
      audience: patch.audience ?? before.audience,
      pinned: patch.pinned === undefined ? before.pinned : patch.pinned ? 1 : 0,
    };
    const updated = await tx
      .updateTable('announcements')
      .set({ ...set, updated_at: nowIso(), version: before.version + 1 })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw staleVersion('This announcement', before.version);
    }
    await recordAudit(tx, actor, {
      entityType: 'announcement',
      entityId: id,
      action: 'edited',
      before: snapshotOf(before),
      after: snapshotOf(set),
    });
  });
}

export async function deleteAnnouncement(db: Executor, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('announcements')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('Announcement');
    await tx.deleteFrom('announcement_reads').where('announcement_id', '=', id).execute();
    await tx
      .deleteFrom('announcements')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, {
      entityType: 'announcement',
      entityId: id,
      action: 'deleted',
      before: snapshotOf(before),
    });
  });
}

/** Marks one visible announcement read for the actor (not audited: personal state). */
export async function markAnnouncementRead(db: Executor, actor: Actor, id: string) {
  const row = await q.findAnnouncement(db, viewerOf(actor), id);
  if (!row) throw notFound('Announcement');
  await q.markRead(db, actor.userId, [id], nowIso());
}

export async function markAllAnnouncementsRead(db: Executor, actor: Actor) {
  const ids = await q.unreadIds(db, viewerOf(actor));
  await q.markRead(db, actor.userId, ids, nowIso());
}
