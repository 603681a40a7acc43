import type { z } from 'zod';
import type { RoundDecisionBody } from '../../../contracts/workflow';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError, notFound } from '../../errors';
import {
  assertMayTake,
  completeSubtasksOfKinds,
  finalDueDate,
  loadTask,
  taskScopeOf,
  writeTask,
} from '../tasks';
import { onRevisionRequested } from './events';
import { presentRound } from './present';
import * as q from './queries';
import { loadWorkflowContext, reopenRevisionSubtasks } from './rounds';

type Body = z.infer<typeof RoundDecisionBody>;

const VERBS: Record<Body['decision'], string> = {
  approved_billable: 'approved as billable',
  escalated: 'escalated',
  rejected: 'rejected',
};

/**
 * POST /api/revision-rounds/:id/decision (R21). Approved (billable at the policy rate) or
 * escalated, a request's round starts: the task goes to revision and the contractor is asked to
 * work. Rejected, the request is closed and the task stays in internal review. A QA failure's round
 * only changes what is counted and billed: the fixes are due either way.
 */
export async function decideRound(
  db: Executor,
  actor: Actor,
  roundId: string,
  body: Body,
  now: Date,
) {
  return db.transaction().execute(async (tx) => {
    const scope = taskScopeOf(actor);
    const round = await q.findRound(tx, scope, roundId);
    if (!round) throw notFound('Revision round');
    if (round.approval_status !== 'pending') {
      throw new AppError(
        'CONFLICT',
        `Revision round ${round.number} was already decided (${round.approval_status.replace('_', ' ')})`,
        { details: { current: round.approval_status } },
      );
    }
    const task = await loadTask(tx, actor, round.task_id);
    const ctx = await loadWorkflowContext(tx, actor.workspaceId, now);
    const at = now.toISOString();
    const go = body.decision !== 'rejected';
    const fromRequest = round.source === 'revision_request';
    // The state machine's check comes first: an approval cannot start a round on a closed task.
    const to =
      fromRequest && go
        ? assertMayTake(actor, task, 'request_revision', { asRole: 'strategist' })
        : null;
    const billable = body.decision === 'approved_billable';
    const decided = await tx
      .updateTable('revision_rounds')
      .set({
        approval_status: body.decision,
        billable: billable ? 1 : 0,
        amount_minor: billable ? ctx.policy.extraRoundRateMinor : 0,
        currency: ctx.currency,
        decided_by: actor.userId,
        decided_at: at,
        reason: body.reason,
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', roundId)
      .where('approval_status', '=', 'pending')
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) !== 1) {
      throw new AppError('CONFLICT', `Revision round ${round.number} was decided meanwhile`);
    }
    if (fromRequest && round.request_id) {
      await tx
        .updateTable('revision_requests')
        .set({ status: go ? 'active' : 'rejected' })
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', round.request_id)
        .execute();
    }
    const change = await writeTask(tx, actor, task, {
      to: to ?? task.status,
      action: to ? 'request_revision' : null,
      patch: go ? { rounds_used: Math.max(task.rounds_used, round.number) } : {},
      reason: `Round ${round.number} ${VERBS[body.decision]}`,
      at,
    });
    if (to) {
      await completeSubtasksOfKinds(tx, actor, task.id, ['scrub'], at);
      await reopenRevisionSubtasks(tx, actor, task.id);
    }
    await recordAudit(tx, actor, {
      entityType: 'revision_round',
      entityId: roundId,
      taskId: task.id,
      action: 'decided',
      before: { approvalStatus: 'pending' },
      after: {
        decision: body.decision,
        number: round.number,
        amountMinor: billable ? ctx.policy.extraRoundRateMinor : 0,
        currency: ctx.currency,
        reason: body.reason,
        version: change.version,
      },
    });
    if (to && round.request_id) {
      const items = await q.itemsOf(tx, scope, [round.request_id]);
      await onRevisionRequested(tx, task, {
        workspaceId: actor.workspaceId,
        requestId: round.request_id,
        roundNumber: round.number,
        items: items.length,
        finalDue: await finalDueDate(tx, scope, task),
      });
    }
    const after = await q.findRound(tx, scope, roundId);
    if (!after) throw notFound('Revision round');
    return { round: presentRound(after, actor), task: change };
  });
}
