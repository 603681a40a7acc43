import type { Executor } from '../../db';
import type { TaskScope } from './scope';

/**
 * The parent task's thread (R18). The scope is required: a contractor's reads never return an
 * internal comment or client feedback (R19) — the filter is in SQL, not in a presenter.
 */

export interface CommentPageQuery {
  /** Keyset: (created_at, id) of the oldest comment already shown. */
  before?: { createdAt: string; id: string };
  limit: number;
}

/** The latest `limit` comments before the cursor, newest first. */
export async function listThread(
  db: Executor,
  scope: TaskScope,
  taskId: string,
  page: CommentPageQuery,
) {
  let q = db
    .selectFrom('comments')
    .leftJoin('user as author', 'author.id', 'comments.author_user_id')
    .select([
      'comments.id',
      'comments.author_user_id',
      'comments.body',
      'comments.visibility',
      'comments.kind',
      'comments.created_at',
      'author.name as author_name',
    ])
    .where('comments.workspace_id', '=', scope.workspaceId)
    .where('comments.task_id', '=', taskId);
  if (scope.kind === 'contractor') {
    q = q.where('comments.visibility', '=', 'all').where('comments.kind', '!=', 'client_feedback');
  }
  if (page.before) {
    const { createdAt, id } = page.before;
    q = q.where((eb) =>
      eb.or([
        eb('comments.created_at', '<', createdAt),
        eb.and([eb('comments.created_at', '=', createdAt), eb('comments.id', '<', id)]),
      ]),
    );
  }
  return q
    .orderBy('comments.created_at', 'desc')
    .orderBy('comments.id', 'desc')
    .limit(page.limit)
    .execute();
}

export type ThreadRow = Awaited<ReturnType<typeof listThread>>[number];

/** Who the given comments mention, with names. */
export async function mentionsOf(db: Executor, scope: TaskScope, commentIds: string[]) {
  if (commentIds.length === 0) return [];
  return db
    .selectFrom('comment_mentions')
    .innerJoin('user', 'user.id', 'comment_mentions.user_id')
    .select(['comment_mentions.comment_id', 'comment_mentions.user_id', 'user.name'])
    .where('comment_mentions.workspace_id', '=', scope.workspaceId)
    .where('comment_mentions.comment_id', 'in', commentIds)
    .execute();
}

/**
 * People who can be @mentioned on a task: the workspace's staff, and the task's own contractor
 * (never another contractor, R5). `includeContractor` is false for internal comments.
 */
export async function mentionablePeople(
  db: Executor,
  scope: TaskScope,
  task: { contractor_user_id: string | null },
  includeContractor: boolean,
) {
  const contractorUserId = includeContractor ? task.contractor_user_id : null;
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('user', 'user.id', 'memberships.user_id')
    .select(['user.id as userId', 'user.name', 'user.email', 'memberships.role'])
    .where('memberships.workspace_id', '=', scope.workspaceId)
    .where((eb) =>
      contractorUserId
        ? eb.or([
            eb('memberships.role', '!=', 'contractor'),
            eb('memberships.user_id', '=', contractorUserId),
          ])
        : eb('memberships.role', '!=', 'contractor'),
    )
    // The task's contractor first, so the limit never cuts them off; listed after the staff.
    .orderBy((eb) => eb('memberships.user_id', '=', contractorUserId ?? ''), 'desc')
    .orderBy('user.name')
    .limit(501)
    .execute();
  const own = rows.filter((r) => r.userId === contractorUserId);
  return [...rows.filter((r) => r.userId !== contractorUserId), ...own];
}
