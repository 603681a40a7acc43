import type { TaskStatusChange } from '../../../contracts/workflow';
import {
  TASK_STATUS_LABELS,
  type TaskAction,
  type TaskStatus,
  taskTransition,
} from '../../../domain/task-status';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import type { TasksTable } from '../../db/tables/tasks';
import { AppError, forbidden, notFound } from '../../errors';
import { staleTask } from './history';
import { rowRefusal } from './policy';
import { findTask, type TaskRow } from './queries';
import { taskScopeOf } from './scope';

/**
 * The one way a workflow command changes the parent task: the task is loaded in the actor's scope
 * (another workspace's or another contractor's task is a 404), the version the person saw is
 * checked (409 STALE_VERSION with what changed), every status change goes through `taskTransition`
 * plus the row checks, and the version is bumped and audited with the task id (R30).
 */

type TaskPatch = Partial<Pick<TasksTable, 'due_date' | 'rounds_used' | 'qa_fail_count'>>;

/** Loads the task for a command, or 404. */
export async function loadTask(tx: Executor, actor: Actor, taskId: string): Promise<TaskRow> {
  const task = await findTask(tx, taskScopeOf(actor), taskId);
  if (!task) throw notFound('Task');
  return task;
}

/** 409 with the changes since `seen` unless the person saw the current version. */
export async function assertVersion(
  tx: Executor,
  actor: Actor,
  task: TaskRow,
  seen: number,
): Promise<void> {
  if (task.version !== seen) throw await staleTask(tx, taskScopeOf(actor), task, seen);
}

/** Throws the state machine's refusal (409/403) or the row check's (403). */
export function assertMayTake(
  actor: Actor,
  task: TaskRow,
  action: TaskAction,
  opts: { asRole?: Actor['role'] } = {},
): TaskStatus {
  const move = taskTransition(task.status as TaskStatus, action, opts.asRole ?? actor.role);
  if (!move.ok) throw new AppError(move.code, move.reason);
  const refusal = rowRefusal(actor, task, action);
  if (refusal) throw forbidden(refusal);
  return move.to;
}

export function statusChange(
  task: { id: string },
  status: string,
  version: number,
): TaskStatusChange {
  return {
    taskId: task.id,
    status: status as TaskStatus,
    statusLabel: TASK_STATUS_LABELS[status as TaskStatus] ?? status,
    version,
  };
}

/**
 * Writes a new status (or only a patch when `to` is the current status), bumps the version with a
 * compare-and-set on the version read, and audits it. Call after `assertVersion`/`assertMayTake`.
 */
export async function writeTask(
  tx: Executor,
  actor: Actor,
  task: TaskRow,
  change: { to: string; action: TaskAction | null; patch?: TaskPatch; reason?: string; at: string },
): Promise<TaskStatusChange> {
  const version = task.version + 1;
  const updated = await tx
    .updateTable('tasks')
    .set({ ...change.patch, status: change.to, updated_at: change.at, version })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', task.id)
    .where('version', '=', task.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    const now = await findTask(tx, taskScopeOf(actor), task.id);
    throw await staleTask(tx, taskScopeOf(actor), now ?? task, task.version);
  }
  if (change.action && change.to !== task.status) {
    await recordAudit(tx, actor, {
      entityType: 'task',
      entityId: task.id,
      taskId: task.id,
      action: 'status_changed',
      before: { status: task.status, version: task.version },
      after: {
        status: change.to,
        action: change.action,
        version,
        ...(change.reason ? { reason: change.reason } : {}),
        ...change.patch,
      },
    });
  }
  return statusChange(task, change.to, version);
}

/** Marks the task's open subtasks of these kinds done (the work they stand for happened). */
export async function completeSubtasksOfKinds(
  tx: Executor,
  actor: Actor,
  taskId: string,
  kinds: string[],
  at: string,
): Promise<void> {
  await tx
    .updateTable('subtasks')
    .set({ status: 'done', completed_at: at, completed_by: actor.userId })
    .where('workspace_id', '=', actor.workspaceId)
    .where('task_id', '=', taskId)
    .where('kind', 'in', kinds)
    .where('status', '=', 'todo')
    .execute();
}
