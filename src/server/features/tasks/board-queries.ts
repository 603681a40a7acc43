import { sql } from 'kysely';
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

/** What a board or list row shows of a parent task: the same columns for both. */
export const LIST_ROW_COLUMNS = [
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
] as const;

export async function listBoardTasks(db: Executor, scope: TaskScope, f: BoardFilter) {
  return monthTasks(db, scope, f)
    .innerJoin('clients', 'clients.id', 'tasks.client_id')
    .leftJoin('user as strategist', 'strategist.id', 'tasks.strategist_user_id')
    .select(LIST_ROW_COLUMNS)
    .limit(f.limit)
    .execute();
}

export type ListRow = Awaited<ReturnType<typeof listBoardTasks>>[number];

/** Open subtasks of the board's tasks, in no particular order. */
export async function listBoardOpenSubtasks(db: Executor, scope: TaskScope, f: BoardFilter) {
  return monthTasks(db, scope, f)
    .innerJoin('subtasks', 'subtasks.task_id', 'tasks.id')
    .where('subtasks.status', '=', 'todo')
    .select(OPEN_SUBTASK_COLUMNS)
    .execute();
}

const OPEN_SUBTASK_COLUMNS = [
  'subtasks.id',
  'subtasks.task_id',
  'subtasks.kind',
  'subtasks.title',
  'subtasks.due_date',
  'subtasks.sort',
] as const;

/**
 * The open subtasks of a page of parent tasks (already scoped by the caller's task read): on
 * subtasks_task_open, delivered tasks cost nothing — reading all their subtasks to find none
 * open was most of a list page's time.
 */
export async function listOpenSubtasksOf(db: Executor, scope: TaskScope, taskIds: string[]) {
  if (taskIds.length === 0) return [];
  return (
    db
      .selectFrom('subtasks')
      .where('subtasks.task_id', 'in', taskIds)
      .where('subtasks.status', '=', 'todo')
      // An expression, not the bare column, keeps SQLite on subtasks_task_open: on the column it
      // picks subtasks_open_due and walks every open subtask of the workspace (20 ms at size L).
      .where(sql<string>`${sql.ref('subtasks.workspace_id')} || ''`, '=', scope.workspaceId)
      .select(OPEN_SUBTASK_COLUMNS)
      .execute()
  );
}

export type OpenSubtaskRow = Awaited<ReturnType<typeof listOpenSubtasksOf>>[number];

/** Each task's next subtask: the earliest due open one, then plan order. */
export function nextOpenSubtasks(open: readonly OpenSubtaskRow[]): Map<string, OpenSubtaskRow> {
  const next = new Map<string, OpenSubtaskRow>();
  for (const s of open) {
    const seen = next.get(s.task_id);
    if (!seen || s.due_date < seen.due_date || (s.due_date === seen.due_date && s.sort < seen.sort))
      next.set(s.task_id, s);
  }
  return next;
}
