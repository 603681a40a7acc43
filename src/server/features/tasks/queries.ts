import type { IsoDate } from '../../../domain/calendar';
import { TASK_STATUSES } from '../../../domain/task-status';
import type { Executor } from '../../db';
import { LIST_ROW_COLUMNS } from './board-queries';
import type { TaskScope } from './scope';

/** Parent tasks and subtasks. Every read takes a TaskScope: a contractor sees only his own. */

const CLOSED = ['closed', 'cancelled'];
/** Named rather than `NOT IN CLOSED`, so an index on status can seek them. */
const OPEN = TASK_STATUSES.filter((s) => !CLOSED.includes(s));

function selectTasks(db: Executor, scope: TaskScope) {
  let q = db
    .selectFrom('tasks')
    .innerJoin('clients', 'clients.id', 'tasks.client_id')
    .innerJoin('contractors', 'contractors.id', 'tasks.contractor_id')
    .leftJoin('user as strategist', 'strategist.id', 'tasks.strategist_user_id')
    .selectAll('tasks')
    .select([
      'clients.name as client_name',
      'contractors.name as contractor_name',
      'contractors.user_id as contractor_user_id',
      'contractors.time_zone as contractor_time_zone',
      'strategist.name as strategist_name',
    ])
    .where('tasks.workspace_id', '=', scope.workspaceId);
  if (scope.kind === 'contractor') q = q.where('contractors.user_id', '=', scope.userId);
  return q;
}

export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

export async function findTask(db: Executor, scope: TaskScope, id: string) {
  return selectTasks(db, scope).where('tasks.id', '=', id).executeTakeFirst();
}

export interface TaskFilter {
  statuses?: string[];
  clientId?: string;
  contractorId?: string;
  strategistUserId?: string;
  month?: string;
  /** Keyset: (due date, id) of the last row of the previous page. */
  after?: { dueDate: string; id: string };
  limit: number;
}

/** The board: one page by due date, then id. */
export async function listTasks(db: Executor, scope: TaskScope, f: TaskFilter) {
  const statuses = [...new Set(f.statuses ?? [])];
  if (statuses.length <= 1) return pageOfTasks(db, scope, f, statuses[0]).execute();
  // Several statuses: one ordered range of tasks_status_due per status, merged. A page then costs
  // the same with 600 or 60,000 tasks; `status IN (…)` read every task in due order, closed
  // ones of past years included, or sorted all matches (bench/, BENCHMARKS.md).
  const branches = statuses.map((s) =>
    db.selectFrom(pageOfTasks(db, scope, f, s).as('page')).selectAll(),
  );
  let union = branches[0];
  for (const branch of branches.slice(1)) union = union.unionAll(branch);
  return union.orderBy('due_date').orderBy('id').limit(f.limit).execute();
}

function pageOfTasks(db: Executor, scope: TaskScope, f: TaskFilter, status: string | undefined) {
  let q = db
    .selectFrom('tasks')
    .innerJoin('clients', 'clients.id', 'tasks.client_id')
    .innerJoin('contractors', 'contractors.id', 'tasks.contractor_id')
    .leftJoin('user as strategist', 'strategist.id', 'tasks.strategist_user_id')
    .select(LIST_ROW_COLUMNS)
    .where('tasks.workspace_id', '=', scope.workspaceId);
  if (scope.kind === 'contractor') q = q.where('contractors.user_id', '=', scope.userId);
  if (status) q = q.where('tasks.status', '=', status);
  if (f.clientId) q = q.where('tasks.client_id', '=', f.clientId);
  if (f.contractorId) q = q.where('tasks.contractor_id', '=', f.contractorId);
  if (f.strategistUserId) q = q.where('tasks.strategist_user_id', '=', f.strategistUserId);
  if (f.month) q = q.where('tasks.month', '=', f.month);
  if (f.after) {
    const { dueDate, id } = f.after;
    q = q.where((eb) =>
      eb.or([
        eb('tasks.due_date', '>', dueDate),
        eb.and([eb('tasks.due_date', '=', dueDate), eb('tasks.id', '>', id)]),
      ]),
    );
  }
  return q.orderBy('tasks.due_date').orderBy('tasks.id').limit(f.limit);
}

/** Subtasks of some tasks (already scoped by the caller's task read), in plan order. */
export async function listSubtasksOf(db: Executor, scope: TaskScope, taskIds: string[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('subtasks')
    .leftJoin('user as assignee', 'assignee.id', 'subtasks.assignee_user_id')
    .leftJoin('user as completer', 'completer.id', 'subtasks.completed_by')
    .selectAll('subtasks')
    .select(['assignee.name as assignee_name', 'completer.name as completed_by_name'])
    .where('subtasks.workspace_id', '=', scope.workspaceId)
    .where('subtasks.task_id', 'in', taskIds)
    .orderBy('subtasks.task_id')
    .orderBy('subtasks.sort')
    .execute();
}

export type SubtaskRow = Awaited<ReturnType<typeof listSubtasksOf>>[number];

export async function listTaskItems(db: Executor, scope: TaskScope, taskId: string) {
  return db
    .selectFrom('task_items')
    .innerJoin('deliverable_types', 'deliverable_types.id', 'task_items.deliverable_type_id')
    .selectAll('task_items')
    .select('deliverable_types.name')
    .where('task_items.workspace_id', '=', scope.workspaceId)
    .where('task_items.task_id', '=', taskId)
    .orderBy('deliverable_types.sort')
    .orderBy('deliverable_types.name')
    .execute();
}

/** One subtask with what the permission checks need from its parent task, or undefined. */
export async function findSubtask(db: Executor, scope: TaskScope, id: string) {
  let q = db
    .selectFrom('subtasks')
    .innerJoin('tasks', 'tasks.id', 'subtasks.task_id')
    .innerJoin('contractors', 'contractors.id', 'tasks.contractor_id')
    .selectAll('subtasks')
    .select([
      'tasks.client_id',
      'tasks.contractor_id',
      'tasks.strategist_user_id',
      'tasks.brief_acknowledged_at',
      'tasks.status as task_status',
      'contractors.user_id as contractor_user_id',
    ])
    .where('subtasks.workspace_id', '=', scope.workspaceId)
    .where('subtasks.id', '=', id);
  if (scope.kind === 'contractor') q = q.where('contractors.user_id', '=', scope.userId);
  return q.executeTakeFirst();
}

export type SubtaskWithTask = NonNullable<Awaited<ReturnType<typeof findSubtask>>>;

export interface SubtaskFilter {
  /** Due on or after / on or before (inclusive). */
  from?: IsoDate;
  to?: IsoDate;
  openOnly?: boolean;
  assigneeUserId?: string;
  assigneeRoles?: string[];
  taskStatuses?: string[];
  limit: number;
}

/** Subtasks with their task, client and contractor, for the calendar and "my work". */
export async function listSubtasksWithTasks(db: Executor, scope: TaskScope, f: SubtaskFilter) {
  let q = db
    .selectFrom('subtasks')
    .innerJoin('tasks', 'tasks.id', 'subtasks.task_id')
    .innerJoin('clients', 'clients.id', 'tasks.client_id')
    .innerJoin('contractors', 'contractors.id', 'tasks.contractor_id')
    .selectAll('subtasks')
    .select([
      'tasks.title as task_title',
      'tasks.client_id',
      'tasks.contractor_id',
      'clients.name as client_name',
      'contractors.name as contractor_name',
    ])
    .where('tasks.status', '!=', 'cancelled');
  if (scope.kind === 'contractor') {
    // A contractor's own tasks first (tasks_contractor), then their subtasks. Filtering on
    // subtasks.workspace_id let the planner walk every open subtask of the workspace in due
    // order instead (60 ms at 60,000 tasks; 1.5 ms this way — BENCHMARKS.md).
    q = q
      .where('tasks.workspace_id', '=', scope.workspaceId)
      .where('contractors.user_id', '=', scope.userId)
      .where('tasks.contractor_id', 'in', (eb) =>
        eb
          .selectFrom('contractors as self')
          .select('self.id')
          .where('self.workspace_id', '=', scope.workspaceId)
          .where('self.user_id', '=', scope.userId),
      );
  } else {
    q = q.where('subtasks.workspace_id', '=', scope.workspaceId);
  }
  if (f.from) q = q.where('subtasks.due_date', '>=', f.from);
  if (f.to) q = q.where('subtasks.due_date', '<=', f.to);
  if (f.openOnly) q = q.where('subtasks.status', '=', 'todo').where('tasks.status', 'in', OPEN);
  if (f.assigneeUserId) q = q.where('subtasks.assignee_user_id', '=', f.assigneeUserId);
  if (f.assigneeRoles) q = q.where('subtasks.assignee_role', 'in', f.assigneeRoles);
  if (f.taskStatuses) q = q.where('tasks.status', 'in', f.taskStatuses);
  return q
    .orderBy('subtasks.due_date')
    .orderBy('subtasks.sort')
    .orderBy('subtasks.id')
    .limit(f.limit)
    .execute();
}

export type SubtaskWithTaskRow = Awaited<ReturnType<typeof listSubtasksWithTasks>>[number];

/** Unavailability overlapping [from, to] with the contractor's name (read-only, R8). */
export async function unavailabilityInRange(
  db: Executor,
  scope: TaskScope,
  range: { from: IsoDate; to: IsoDate },
) {
  let q = db
    .selectFrom('unavailability')
    .innerJoin('contractors', 'contractors.id', 'unavailability.contractor_id')
    .select([
      'unavailability.id',
      'unavailability.contractor_id',
      'unavailability.start_date',
      'unavailability.end_date',
      'unavailability.kind',
      'contractors.name as contractor_name',
    ])
    .where('unavailability.workspace_id', '=', scope.workspaceId)
    .where('unavailability.end_date', '>=', range.from)
    .where('unavailability.start_date', '<=', range.to);
  if (scope.kind === 'contractor') q = q.where('contractors.user_id', '=', scope.userId);
  return q.orderBy('unavailability.start_date').orderBy('unavailability.id').limit(2000).execute();
}
