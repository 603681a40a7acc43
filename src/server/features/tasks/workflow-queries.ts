import type { Executor } from '../../db';
import type { TaskScope } from './scope';

/**
 * Small facts about a task's workflow that its page and its commands need. The caller has already
 * found the task in its scope; these only add workspace filters.
 */

/** A revision round waiting for a coordinator's decision (R21), or undefined. */
export async function findPendingRound(db: Executor, scope: TaskScope, taskId: string) {
  return db
    .selectFrom('revision_rounds')
    .select(['id', 'number', 'source', 'request_id'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('task_id', '=', taskId)
    .where('approval_status', '=', 'pending')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function countVersions(db: Executor, scope: TaskScope, taskId: string) {
  const row = await db
    .selectFrom('deliverable_versions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The subtasks R22 re-plans: the revision window, the final version and QA. */
export async function findLateSubtasks(db: Executor, scope: TaskScope, taskId: string) {
  return db
    .selectFrom('subtasks')
    .select(['id', 'kind', 'start_date', 'due_date', 'status'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('task_id', '=', taskId)
    .where('kind', 'in', ['revision', 'final', 'qa'])
    .orderBy('sort')
    .execute();
}

/** R22: the date a revision request affects is the final version's due date (else the task's). */
export async function finalDueDate(
  db: Executor,
  scope: TaskScope,
  task: { id: string; due_date: string },
): Promise<string> {
  const subtasks = await findLateSubtasks(db, scope, task.id);
  return subtasks.find((s) => s.kind === 'final')?.due_date ?? task.due_date;
}

/** Tasks with a revision round waiting for a coordinator's decision (R21), oldest first. */
export async function tasksWithPendingRounds(db: Executor, scope: TaskScope, limit: number) {
  const rows = await db
    .selectFrom('revision_rounds')
    .select('task_id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('approval_status', '=', 'pending')
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return [...new Set(rows.map((r) => r.task_id))];
}
