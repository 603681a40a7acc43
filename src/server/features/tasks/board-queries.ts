import type { Executor } from '../../db';
import type { TaskScope } from './scope';

/**
 * The month board in two set-based reads, whatever the number of tasks: the month's parent tasks
 * with their client, contractor and strategist names (one joined query on tasks_board), and the
 * open subtasks of those same tasks (one query joined on the same filter, no id list) from which
 * the caller picks each task's next one. Only the columns the board shows are read.
 *
 * Neither query sorts: the caller orders the rows. Asked for `ORDER BY due_date`, SQLite (without
 * statistics) walks tasks_due through every task of the workspace to skip a sort of one month —
 * 120 ms instead of 6 ms at 60,000 tasks (BENCHMARKS.md).
 */

export interface BoardFilter {
  month: string;
  clientId?: string;
  contractorId?: string;
  strategistUserId?: string;
  limit: number;
}

function monthTasks(db: Executor, scope: TaskScope, f: BoardFilter) {
  let q = db
    .selectFrom('tasks')
    .innerJoin('contractors', 'contractors.id', 'tasks.contractor_id')
    .where('tasks.workspace_id', '=', scope.workspaceId)
    .where('tasks.month', '=', f.month);
  if (scope.kind === 'contractor') q = q.where('contractors.user_id', '=', scope.userId);
  if (f.clientId) q = q.where('tasks.client_id', '=', f.clientId);
  if (f.contractorId) q = q.where('tasks.contractor_id', '=', f.contractorId);
  if (f.strategistUserId) q = q.where('tasks.strategist_user_id', '=', f.strategistUserId);
  return q;
}

export async function listBoardTasks(db: Executor, scope: TaskScope, f: BoardFilter) {
  return monthTasks(db, scope, f)
    .innerJoin('clients', 'clients.id', 'tasks.client_id')
    .leftJoin('user as strategist', 'strategist.id', 'tasks.strategist_user_id')
    .select([
      'tasks.id',
      'tasks.title',
      'tasks.client_id',
      'tasks.contractor_id',
      'tasks.strategist_user_id',
      'tasks.status',
      'tasks.due_date',
      'tasks.month',
      'tasks.brief_acknowledged_at',
      'clients.name as client_name',
      'contractors.name as contractor_name',
      'strategist.name as strategist_name',
    ])
    .limit(f.limit)
    .execute();
}

export type BoardTaskRow = Awaited<ReturnType<typeof listBoardTasks>>[number];

/** Open subtasks of the board's tasks, in no particular order. */
export async function listBoardOpenSubtasks(db: Executor, scope: TaskScope, f: BoardFilter) {
  return monthTasks(db, scope, f)
    .innerJoin('subtasks', 'subtasks.task_id', 'tasks.id')
    .where('subtasks.status', '=', 'todo')
    .select([
      'subtasks.id',
      'subtasks.task_id',
      'subtasks.kind',
      'subtasks.title',
      'subtasks.due_date',
      'subtasks.sort',
    ])
    .execute();
}
