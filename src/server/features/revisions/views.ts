import type { RevisionsView } from '../../../contracts/workflow';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { ensureContractorLinked, loadTask, type TaskRow, taskScopeOf } from '../tasks';
import { presentRequest, presentRound } from './present';
import * as q from './queries';

/** A task's revision requests and rounds as the viewer may see them. */
export async function revisionsOf(
  db: Executor,
  actor: Actor,
  task: TaskRow,
): Promise<RevisionsView> {
  const scope = taskScopeOf(actor);
  const requests = await q.listRequests(db, scope, task.id);
  const items = await q.itemsOf(
    db,
    scope,
    requests.map((r) => r.id),
  );
  const rounds = await q.listRounds(db, scope, task.id);
  return {
    includedRounds: task.included_rounds,
    roundsUsed: task.rounds_used,
    requests: requests.map((r) => presentRequest(r, items, actor)),
    rounds: rounds.map((r) => presentRound(r, actor)),
  };
}

/** GET /api/tasks/:id/revisions. */
export async function getRevisions(db: Executor, actor: Actor, taskId: string) {
  await ensureContractorLinked(db, actor);
  const task = await loadTask(db, actor, taskId);
  return revisionsOf(db, actor, task);
}
