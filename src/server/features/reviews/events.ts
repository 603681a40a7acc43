import type { Executor } from '../../db';
import { notify, taskLink } from '../notifications';
import type { TaskRow } from '../tasks';
import { emitWebhookEvent } from '../webhooks';

/** Who hears about a QA verdict (R23, R31), in the command's transaction. */
export async function onQaVerdict(
  tx: Executor,
  task: TaskRow,
  e: {
    workspaceId: string;
    reviewId: string;
    result: 'pass' | 'fail';
    reasons: string | null;
    actorUserId: string;
  },
): Promise<void> {
  const passed = e.result === 'pass';
  const recipients = [task.contractor_user_id, task.strategist_user_id].filter(
    (id): id is string => Boolean(id) && id !== e.actorUserId,
  );
  for (const userId of recipients) {
    const role = userId === task.contractor_user_id ? 'contractor' : 'strategist';
    await notify(tx, {
      workspaceId: e.workspaceId,
      recipients: [userId],
      kind: passed ? 'qa_passed' : 'qa_failed',
      title: passed ? `Client-ready: ${task.client_name}` : `QA failed: ${task.client_name}`,
      body: passed
        ? `${task.title} passed internal QA and is client-ready.`
        : `${task.title}: ${e.reasons ?? 'see the reasons on the task'}`,
      link: taskLink(task.id, role),
      dedupeKey: `qa:${e.reviewId}`,
      clientId: task.client_id,
    });
  }
  await emitWebhookEvent(tx, e.workspaceId, passed ? 'qa.passed' : 'qa.failed', {
    taskId: task.id,
    reviewId: e.reviewId,
    clientId: task.client_id,
    contractorId: task.contractor_id,
    ...(passed ? {} : { reasons: e.reasons }),
  });
}
