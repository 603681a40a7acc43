import { RuleViolation } from '../../../domain/rule-violation';
import { type TaskStatus, taskTransition } from '../../../domain/task-status';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError, forbidden, notFound, staleVersion } from '../../errors';
import { getClientForAssignment } from '../clients';
import { markBrandTrainingDone } from '../contractors';
import { addSystemComment } from './create';
import { mayWorkOnSubtask, subtaskBlockedReason } from './policy';
import * as q from './queries';
import { ensureContractorLinked, taskScopeOf } from './scope';

/** Task commands: acknowledging the brief (R17) and completing subtasks (R16, R17). */

/**
 * R17: the assigned contractor confirms he read the brief (the client's current one-sheeter);
 * the task moves from scheduled to in production and the draft may start.
 */
export async function acknowledgeBrief(db: Executor, actor: Actor, taskId: string, now: Date) {
  await ensureContractorLinked(db, actor);
  return db.transaction().execute(async (tx) => {
    const scope = taskScopeOf(actor);
    const task = await q.findTask(tx, scope, taskId);
    // Staff never pass the route guard; a contractor only finds his own task.
    if (!task || task.contractor_user_id !== actor.userId) throw notFound('Task');
    const move = taskTransition(task.status as TaskStatus, 'acknowledge_brief', actor.role);
    if (!move.ok) throw new AppError(move.code, move.reason);
    const client = await getClientForAssignment(tx, {
      workspaceId: actor.workspaceId,
      clientId: task.client_id,
    });
    const at = now.toISOString();
    const set = {
      status: move.to,
      brief_acknowledged_at: at,
      brief_version: client.oneSheeter.version,
      updated_at: at,
      version: task.version + 1,
    };
    const updated = await tx
      .updateTable('tasks')
      .set(set)
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', taskId)
      .where('version', '=', task.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleVersion('This task', task.version);
    await addSystemComment(
      tx,
      actor,
      taskId,
      `${task.contractor_name} acknowledged the brief (one-sheeter v${client.oneSheeter.version}).`,
      at,
    );
    await recordAudit(tx, actor, {
      entityType: 'task',
      entityId: taskId,
      taskId,
      action: 'brief_acknowledged',
      before: { status: task.status },
      after: set,
    });
    return {
      taskId,
      status: move.to,
      briefAcknowledgedAt: at,
      briefVersion: client.oneSheeter.version,
    };
  });
}

async function loadWorkableSubtask(tx: Executor, actor: Actor, id: string) {
  const subtask = await q.findSubtask(tx, taskScopeOf(actor), id);
  if (!subtask) throw notFound('Subtask');
  if (!mayWorkOnSubtask(actor, subtask)) {
    throw forbidden('Only the person this subtask is assigned to, or a coordinator, can change it');
  }
  if (subtask.task_status === 'cancelled' || subtask.task_status === 'closed') {
    throw new AppError('CONFLICT', `The task is ${subtask.task_status}: its subtasks are final`);
  }
  return subtask;
}

/** Marks a subtask done. R17: the draft waits for the brief; R16: brand training is recorded. */
export async function completeSubtask(db: Executor, actor: Actor, id: string, now: Date) {
  await ensureContractorLinked(db, actor);
  await db.transaction().execute(async (tx) => {
    const subtask = await loadWorkableSubtask(tx, actor, id);
    const blocked = subtaskBlockedReason(subtask);
    if (blocked) throw new RuleViolation('R17', blocked, { subtaskId: id });
    if (subtask.status === 'done') return; // completing twice changes nothing
    const at = now.toISOString();
    await tx
      .updateTable('subtasks')
      .set({ status: 'done', completed_at: at, completed_by: actor.userId })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute();
    if (subtask.kind === 'brand_training') {
      await markBrandTrainingDone(tx, actor, {
        clientId: subtask.client_id,
        contractorId: subtask.contractor_id,
        at,
      });
    }
    await touchTask(tx, actor.workspaceId, subtask.task_id, at);
    await recordAudit(tx, actor, {
      entityType: 'subtask',
      entityId: id,
      taskId: subtask.task_id,
      action: 'completed',
      before: { status: subtask.status },
      after: { status: 'done', completedAt: at, kind: subtask.kind },
    });
  });
}

export async function reopenSubtask(db: Executor, actor: Actor, id: string, now: Date) {
  await db.transaction().execute(async (tx) => {
    const subtask = await loadWorkableSubtask(tx, actor, id);
    if (subtask.status === 'todo') return;
    await tx
      .updateTable('subtasks')
      .set({ status: 'todo', completed_at: null, completed_by: null })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute();
    await touchTask(tx, actor.workspaceId, subtask.task_id, now.toISOString());
    await recordAudit(tx, actor, {
      entityType: 'subtask',
      entityId: id,
      taskId: subtask.task_id,
      action: 'reopened',
      before: { status: 'done', completedAt: subtask.completed_at },
      after: { status: 'todo' },
    });
  });
}

async function touchTask(tx: Executor, workspaceId: string, taskId: string, at: string) {
  await tx
    .updateTable('tasks')
    .set({ updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', taskId)
    .execute();
}
