import { formatDayMonth } from '../../../domain/format';
import type { Executor } from '../../db';
import { notify, taskLink, triagers } from '../notifications';
import type { TaskRow } from '../tasks';
import { emitWebhookEvent } from '../webhooks';

/**
 * Who hears about a revision (R31), in the command's transaction. Never the client's raw words:
 * messages carry counts and dates; the items are read on the task.
 */

/** The contractor is asked to work on a round (at once, or once a coordinator approved it). */
export async function onRevisionRequested(
  tx: Executor,
  task: TaskRow,
  e: {
    workspaceId: string;
    requestId: string;
    roundNumber: number;
    items: number;
    finalDue: string;
  },
): Promise<void> {
  if (task.contractor_user_id) {
    await notify(tx, {
      workspaceId: e.workspaceId,
      recipients: [task.contractor_user_id],
      kind: 'revision_requested',
      title: `Revision round ${e.roundNumber}: ${task.client_name}`,
      body: `${e.items} item${e.items === 1 ? '' : 's'} with the why, from ${task.strategist_name ?? 'your strategist'}. Final version due ${formatDayMonth(e.finalDue)}.`,
      link: taskLink(task.id, 'contractor'),
      dedupeKey: `revision:${e.requestId}`,
      clientId: task.client_id,
    });
  }
  await emitWebhookEvent(tx, e.workspaceId, 'revision.requested', {
    taskId: task.id,
    requestId: e.requestId,
    roundNumber: e.roundNumber,
    items: e.items,
    finalDueDate: e.finalDue,
  });
}

/** R21: a round past the agreement waits for a coordinator. */
export async function onRoundNeedsApproval(
  tx: Executor,
  task: TaskRow,
  e: { workspaceId: string; roundId: string; roundNumber: number; actorUserId: string },
): Promise<void> {
  const coordinators = (await triagers(tx, e.workspaceId)).filter((id) => id !== e.actorUserId);
  await notify(tx, {
    workspaceId: e.workspaceId,
    recipients: coordinators,
    kind: 'revision_requested',
    title: `Approve revision round ${e.roundNumber}? ${task.client_name}`,
    body: `${task.title}: round ${e.roundNumber} exceeds the ${task.included_rounds} included in ${task.contractor_name}'s agreement. Approve it as billable or escalate it (R21).`,
    link: taskLink(task.id, 'coordinator'),
    dedupeKey: `round-approval:${e.roundId}`,
    clientId: task.client_id,
  });
}
