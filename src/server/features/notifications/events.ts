import { formatDayMonth } from '../../../domain/format';
import type { Executor } from '../../db';
import { emitWebhookEvent } from '../webhooks';
import { notify, taskLink } from './notify';

/**
 * Event hooks other features call inside their own transaction, after the change is written.
 * Each one notifies the right people (deduplicated) and emits the matching webhook event.
 */

/**
 * R13/R17: a request was assigned. The contractor learns of the new work (and that the brief
 * must be acknowledged first); the strategist who scrubs it is told too, unless they assigned it.
 */
export async function onTaskAssigned(
  tx: Executor,
  event: { workspaceId: string; taskId: string; actorUserId?: string | null },
): Promise<void> {
  const task = await tx
    .selectFrom('tasks')
    .innerJoin('clients', 'clients.id', 'tasks.client_id')
    .innerJoin('contractors', 'contractors.id', 'tasks.contractor_id')
    .select([
      'tasks.id',
      'tasks.title',
      'tasks.due_date',
      'tasks.client_id',
      'tasks.request_id',
      'tasks.strategist_user_id',
      'clients.name as client_name',
      'contractors.id as contractor_id',
      'contractors.name as contractor_name',
      'contractors.user_id as contractor_user_id',
    ])
    .where('tasks.workspace_id', '=', event.workspaceId)
    .where('tasks.id', '=', event.taskId)
    .executeTakeFirst();
  if (!task) return;
  const due = formatDayMonth(task.due_date);
  if (task.contractor_user_id) {
    await notify(tx, {
      workspaceId: event.workspaceId,
      recipients: [task.contractor_user_id],
      kind: 'assigned',
      title: `New work: ${task.client_name}`,
      body: `${task.title}. Final due ${due}. Read and acknowledge the brief before starting the first draft.`,
      link: taskLink(task.id, 'contractor'),
      dedupeKey: `assigned:${task.id}`,
      clientId: task.client_id,
    });
  }
  if (task.strategist_user_id !== event.actorUserId) {
    await notify(tx, {
      workspaceId: event.workspaceId,
      recipients: [task.strategist_user_id],
      kind: 'assigned',
      title: `Assigned to ${task.contractor_name}: ${task.client_name}`,
      body: `${task.title}. You scrub the draft; final due ${due}.`,
      link: taskLink(task.id, 'strategist'),
      dedupeKey: `assigned:${task.id}`,
      clientId: task.client_id,
    });
  }
  await emitWebhookEvent(tx, event.workspaceId, 'task.assigned', {
    taskId: task.id,
    requestId: task.request_id,
    clientId: task.client_id,
    contractorId: task.contractor_id,
    strategistUserId: task.strategist_user_id,
    title: task.title,
    dueDate: task.due_date,
  });
}
