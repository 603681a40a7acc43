import type { Executor } from '../../db';
import type { Keyset } from '../escalations/cursor';

/**
 * Whose announcements a query may return (R26): staff read every one; contractors the ones for
 * everyone. Every query takes a viewer, so forgetting the audience check does not compile.
 */
export interface Viewer {
  workspaceId: string;
  userId: string;
  staff: boolean;
}

/** Pinned ones on the first page; more than this many pinned is no longer a pin. */
export const MAX_PINNED = 20;

function visible(db: Executor, viewer: Viewer) {
  let q = db
    .selectFrom('announcements as a')
    .leftJoin('announcement_reads as r', (j) =>
      j.onRef('r.announcement_id', '=', 'a.id').on('r.user_id', '=', viewer.userId),
    )
    .where('a.workspace_id', '=', viewer.workspaceId);
  if (!viewer.staff) q = q.where('a.audience', '=', 'everyone');
  return q;
}

function withColumns(db: Executor, viewer: Viewer) {
  return visible(db, viewer)
    .leftJoin('user', 'user.id', 'a.author_id')
    .select([
      'a.id',
      'a.title',
      'a.body',
      'a.audience',
      'a.pinned',
      'a.author_id',
      'a.published_at',
      'a.updated_at',
      'a.version',
      'r.read_at',
      'user.name as author_name',
    ]);
}

export type AnnouncementRow = NonNullable<Awaited<ReturnType<typeof findAnnouncement>>>;

export async function findAnnouncement(db: Executor, viewer: Viewer, id: string) {
  return withColumns(db, viewer).where('a.id', '=', id).executeTakeFirst();
}

/** Pinned first (first page only), then the rest newest first, keyset-paginated. */
export async function listAnnouncements(
  db: Executor,
  viewer: Viewer,
  page: { limit: number; before: Keyset | null },
) {
  const pinned = page.before
    ? []
    : await withColumns(db, viewer)
        .where('a.pinned', '=', 1)
        .orderBy('a.published_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(MAX_PINNED)
        .execute();
  let q = withColumns(db, viewer).where('a.pinned', '=', 0);
  if (page.before) {
    const { at, id } = page.before;
    q = q.where((eb) =>
      eb.or([
        eb('a.published_at', '<', at),
        eb.and([eb('a.published_at', '=', at), eb('a.id', '<', id)]),
      ]),
    );
  }
  const rest = await q
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return { pinned, rest };
}

export async function unreadCount(db: Executor, viewer: Viewer): Promise<number> {
  const row = await visible(db, viewer)
    .where('r.read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function unreadIds(db: Executor, viewer: Viewer): Promise<string[]> {
  const rows = await visible(db, viewer)
    .where('r.read_at', 'is', null)
    .select('a.id')
    .limit(1000)
    .execute();
  return rows.map((r) => r.id);
}

export async function markRead(db: Executor, userId: string, ids: readonly string[], at: string) {
  if (ids.length === 0) return;
  await db
    .insertInto('announcement_reads')
    .values(ids.map((id) => ({ announcement_id: id, user_id: userId, read_at: at })))
    .onConflict((oc) => oc.columns(['announcement_id', 'user_id']).doNothing())
    .execute();
}
