import type { z } from 'zod';
import type { TaskStatusChange, TransitionBody } from '../../../contracts/workflow';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { ensureContractorLinked } from './scope';
import { assertMayTake, assertVersion, loadTask, writeTask } from './workflow';

/**
 * POST /api/tasks/:id/transition: the workflow actions that carry no payload of their own —
 * close (client-ready → closed), cancel (any open status) and reopen (closed → revision, so the
 * work passes the scrub and QA again before it is client-ready, R23).
 */
export async function transitionTask(
  db: Executor,
  actor: Actor,
  taskId: string,
  body: z.infer<typeof TransitionBody>,
  now: Date,
): Promise<TaskStatusChange> {
  await ensureContractorLinked(db, actor);
  return db.transaction().execute(async (tx) => {
    const task = await loadTask(tx, actor, taskId);
    await assertVersion(tx, actor, task, body.version);
    const to = assertMayTake(actor, task, body.action);
    return writeTask(tx, actor, task, {
      to,
      action: body.action,
      reason: body.reason || undefined,
      at: now.toISOString(),
    });
  });
}
