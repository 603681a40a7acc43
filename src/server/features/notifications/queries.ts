import {
  NOTIFICATION_KIND_INFO,
  NOTIFICATION_KINDS,
  type Notification,
  NotificationKindSchema,
  type PreferenceItem,
} from '../../../contracts/notifications';
import type { Executor } from '../../db';
import { AppError } from '../../errors';

/** A person's own notifications in one workspace; every query is scoped to both. */
export interface InboxScope {
  workspaceId: string;
  userId: string;
}

export function encodeCursor(row: { created_at: string; id: string }): string {
  return Buffer.from(`${row.created_at}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id) {
    throw new AppError('VALIDATION', 'Invalid cursor', { fields: { 'query.cursor': 'Invalid' } });
  }
  return { createdAt, id };
}

/** Newest first, keyset-paginated by (created_at, id). */
export async function listNotifications(
  db: Executor,
  scope: InboxScope,
  opts: { unreadOnly: boolean; cursor?: string; limit: number },
) {
  let q = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'read_at', 'created_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('user_id', '=', scope.userId)
    .where('in_app', '=', 1);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor);
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', c.createdAt),
        eb.and([eb('created_at', '=', c.createdAt), eb('id', '<', c.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
  const page = rows.slice(0, opts.limit);
  return {
    items: page.map(presentNotification),
    nextCursor: rows.length > opts.limit ? encodeCursor(page[page.length - 1]) : null,
  };
}

function presentNotification(r: {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  read_at: string | null;
  created_at: string;
}): Notification {
  const kind = NotificationKindSchema.safeParse(r.kind);
  return {
    id: r.id,
    kind: kind.success ? kind.data : 'assigned',
    title: r.title,
    body: r.body,
    link: r.link,
    readAt: r.read_at,
    createdAt: r.created_at,
  };
}

export async function unreadCount(db: Executor, scope: InboxScope): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('user_id', '=', scope.userId)
    .where('in_app', '=', 1)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the person's own notifications read; false when it is not theirs (→ 404). */
export async function markRead(db: Executor, scope: InboxScope, id: string): Promise<boolean> {
  const found = await db
    .selectFrom('notifications')
    .select(['id', 'read_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('user_id', '=', scope.userId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) return false;
  if (found.read_at) return true;
  await db
    .updateTable('notifications')
    .set({ read_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', scope.userId)
    .execute();
  return true;
}

export async function markAllRead(db: Executor, scope: InboxScope): Promise<number> {
  const res = await db
    .updateTable('notifications')
    .set({ read_at: new Date().toISOString() })
    .where('workspace_id', '=', scope.workspaceId)
    .where('user_id', '=', scope.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Every kind with the person's choice (saved, or the kind's defaults). */
export async function listPreferences(db: Executor, scope: InboxScope): Promise<PreferenceItem[]> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['kind', 'in_app', 'email', 'slack'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('user_id', '=', scope.userId)
    .execute();
  const saved = new Map(rows.map((r) => [r.kind, r]));
  return NOTIFICATION_KINDS.map((kind) => {
    const r = saved.get(kind);
    return r
      ? { kind, inApp: r.in_app === 1, email: r.email === 1, slack: r.slack === 1 }
      : { kind, ...NOTIFICATION_KIND_INFO[kind].defaults };
  });
}

export async function savePreferences(
  db: Executor,
  scope: InboxScope,
  items: readonly PreferenceItem[],
): Promise<void> {
  for (const item of items) {
    const values = {
      in_app: item.inApp ? 1 : 0,
      email: item.email ? 1 : 0,
      slack: item.slack ? 1 : 0,
    };
    await db
      .insertInto('notification_preferences')
      .values({
        workspace_id: scope.workspaceId,
        user_id: scope.userId,
        kind: item.kind,
        ...values,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'user_id', 'kind']).doUpdateSet(values))
      .execute();
  }
}
