import type { Executor } from '../../db';
import type { TaskScope } from '../tasks';

/** Time log reads (R28). Every read takes a TaskScope: a contractor sees only his own time. */

function selectLogs(db: Executor, scope: TaskScope) {
  let q = db
    .selectFrom('time_logs')
    .innerJoin('tasks', 'tasks.id', 'time_logs.task_id')
    .innerJoin('contractors', 'contractors.id', 'time_logs.contractor_id')
    .innerJoin('task_items', 'task_items.id', 'time_logs.task_item_id')
    .innerJoin('deliverable_types', 'deliverable_types.id', 'task_items.deliverable_type_id')
    .leftJoin('user as reviewer', 'reviewer.id', 'time_logs.reviewed_by')
    .leftJoin('billed_items', (join) =>
      join
        .onRef('billed_items.source_id', '=', 'time_logs.id')
        .on('billed_items.source_type', '=', 'time_log'),
    )
    .selectAll('time_logs')
    .select([
      'tasks.title as task_title',
      'tasks.strategist_user_id',
      'contractors.name as contractor_name',
      'contractors.user_id as contractor_user_id',
      'contractors.weekly_capacity',
      'contractors.capacity_unit',
      'deliverable_types.name as item_name',
      'reviewer.name as reviewer_name',
      'billed_items.invoice_id as billed_invoice_id',
    ])
    .where('time_logs.workspace_id', '=', scope.workspaceId);
  if (scope.kind === 'contractor') q = q.where('contractors.user_id', '=', scope.userId);
  return q;
}

export type TimeLogRow = Awaited<ReturnType<typeof listTaskLogs>>[number];

export async function listTaskLogs(db: Executor, scope: TaskScope, taskId: string) {
  return selectLogs(db, scope)
    .where('time_logs.task_id', '=', taskId)
    .orderBy('time_logs.date', 'desc')
    .orderBy('time_logs.created_at', 'desc')
    .limit(1000)
    .execute();
}

export async function findLog(db: Executor, scope: TaskScope, id: string) {
  return selectLogs(db, scope).where('time_logs.id', '=', id).executeTakeFirst();
}

export async function listWeekLogs(
  db: Executor,
  scope: TaskScope,
  f: { from: string; to: string; contractorId?: string; status?: string },
) {
  let q = selectLogs(db, scope)
    .where('time_logs.date', '>=', f.from)
    .where('time_logs.date', '<=', f.to);
  if (f.contractorId) q = q.where('time_logs.contractor_id', '=', f.contractorId);
  if (f.status) q = q.where('time_logs.status', '=', f.status);
  return q
    .orderBy('time_logs.date')
    .orderBy('contractors.name')
    .orderBy('time_logs.id')
    .limit(2000)
    .execute();
}

/** The task as the time log rules need it, within the viewer's scope. */
export async function findTaskForTime(db: Executor, scope: TaskScope, taskId: string) {
  let q = db
    .selectFrom('tasks')
    .innerJoin('contractors', 'contractors.id', 'tasks.contractor_id')
    .select([
      'tasks.id',
      'tasks.status',
      'tasks.contractor_id',
      'tasks.strategist_user_id',
      'contractors.user_id as contractor_user_id',
    ])
    .where('tasks.workspace_id', '=', scope.workspaceId)
    .where('tasks.id', '=', taskId);
  if (scope.kind === 'contractor') q = q.where('contractors.user_id', '=', scope.userId);
  return q.executeTakeFirst();
}

export async function hourlyItems(db: Executor, workspaceId: string, taskId: string) {
  return db
    .selectFrom('task_items')
    .innerJoin('deliverable_types', 'deliverable_types.id', 'task_items.deliverable_type_id')
    .select(['task_items.id', 'task_items.quantity', 'deliverable_types.name'])
    .where('task_items.workspace_id', '=', workspaceId)
    .where('task_items.task_id', '=', taskId)
    .where('task_items.unit', '=', 'hour')
    .orderBy('deliverable_types.name')
    .execute();
}

/** Minutes a contractor already logged on a day (pending or approved). */
export async function minutesOnDay(
  db: Executor,
  scope: { workspaceId: string; contractorId: string; date: string },
): Promise<number> {
  const row = await db
    .selectFrom('time_logs')
    .select((eb) => eb.fn.sum<number>('minutes').as('minutes'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('contractor_id', '=', scope.contractorId)
    .where('date', '=', scope.date)
    .where('status', '!=', 'rejected')
    .executeTakeFirst();
  return Number(row?.minutes ?? 0);
}
