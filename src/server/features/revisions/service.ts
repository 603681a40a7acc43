import type { z } from 'zod';
import type { RevisionRequestBody } from '../../../contracts/workflow';
import { revisionNoticeVerdict } from '../../../domain/revision-notice';
import { revisionRoundVerdict } from '../../../domain/revision-rounds';
import { RuleViolation } from '../../../domain/rule-violation';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError, forbidden } from '../../errors';
import { newId } from '../../lib/ids';
import { nextVersionNumber } from '../deliverables';
import {
  assertMayTake,
  assertVersion,
  completeSubtasksOfKinds,
  finalDueDate,
  findPendingRound,
  loadTask,
  type TaskRow,
  taskScopeOf,
  writeTask,
} from '../tasks';
import { onRevisionRequested, onRoundNeedsApproval } from './events';
import { applyReplan } from './replan';
import {
  loadWorkflowContext,
  openRound,
  reopenRevisionSubtasks,
  type WorkflowContext,
} from './rounds';
import { revisionsOf } from './views';

type Body = z.infer<typeof RevisionRequestBody>;

/** R20: every item needs its why; the refusal names the item (1-based in words, 0-based in details). */
export function assertEveryWhy(items: Body['items']): void {
  items.forEach((item, i) => {
    if (!item.why?.trim()) {
      throw new RuleViolation(
        'R20',
        `Item ${i + 1} (“${item.what.slice(0, 60)}”) has no why: every piece of feedback needs a what and a why`,
        { itemIndex: i, field: `items.${i}.why` },
      );
    }
  });
}

/** Who may file this request: the task's strategist or an admin; a coordinator only to override (R22). */
function assertRequester(actor: Actor, body: Body): void {
  if (body.overrideReason && actor.role === 'strategist') {
    throw forbidden(
      'Only a coordinator or an admin can override the 3-business-day notice (R22): move the due date instead, or ask a coordinator',
    );
  }
  if (actor.role === 'coordinator' && !body.overrideReason) {
    throw forbidden(
      "Coordinators file a revision request only to override the notice rule (R22); the task's strategist requests revisions",
    );
  }
}

/** R22: the notice verdict, and the re-plan or the override that answers a late request. */
async function noticeFor(
  tx: Executor,
  actor: Actor,
  task: TaskRow,
  body: Body,
  ctx: WorkflowContext,
) {
  const affected = await finalDueDate(tx, taskScopeOf(actor), task);
  const notice = revisionNoticeVerdict({
    requestedOn: ctx.today,
    affectedDueDate: affected,
    calendar: ctx.calendar,
  });
  const details = {
    affectedDueDate: affected,
    noticeBusinessDays: notice.noticeBusinessDays,
    earliestCompliantDueDate: notice.earliestCompliantDueDate,
  };
  if (body.strategistTweak) return { affected, notice, move: null };
  if (body.moveDueDateTo) {
    if (body.moveDueDateTo < notice.earliestCompliantDueDate || body.moveDueDateTo < affected) {
      throw new RuleViolation(
        'R22',
        `Move the final due date to ${notice.earliestCompliantDueDate} or later: revisions need 3 business days' notice`,
        details,
      );
    }
    return { affected, notice, move: body.moveDueDateTo };
  }
  if (notice.status === 'late' && !body.overrideReason) {
    throw new RuleViolation('R22', notice.message, details);
  }
  return { affected, notice, move: null };
}

/**
 * POST /api/tasks/:id/revision-requests. A tweak closes small copy changes without a round; a
 * round within the agreement sends the task to revision at once; a further one waits (in
 * internal review) for a coordinator to approve it as billable or escalate it (R21).
 */
export async function requestRevision(
  db: Executor,
  actor: Actor,
  taskId: string,
  body: Body,
  now: Date,
) {
  assertEveryWhy(body.items);
  assertRequester(actor, body);
  return db.transaction().execute(async (tx) => {
    const scope = taskScopeOf(actor);
    const task = await loadTask(tx, actor, taskId);
    await assertVersion(tx, actor, task, body.version);
    // A coordinator relays the strategist's request with an override: the strategist's move.
    const to = assertMayTake(actor, task, 'request_revision', {
      asRole: actor.role === 'coordinator' ? 'strategist' : undefined,
    });
    const pending = await findPendingRound(tx, scope, taskId);
    if (pending) {
      throw new RuleViolation(
        'R21',
        `Revision round ${pending.number} is waiting for a coordinator's decision`,
        { roundId: pending.id },
      );
    }
    const ctx = await loadWorkflowContext(tx, actor.workspaceId, now);
    const verdict = revisionRoundVerdict({
      includedRounds: task.included_rounds,
      roundsUsed: task.rounds_used,
      strategistTweak: body.strategistTweak,
    });
    const { affected, notice, move } = await noticeFor(tx, actor, task, body, ctx);
    const at = now.toISOString();
    const requestId = newId();
    const status = !verdict.counts
      ? 'tweak'
      : verdict.needsApproval
        ? 'pending_approval'
        : 'active';
    const late = verdict.counts && notice.status === 'late';
    const latest = (await nextVersionNumber(tx, scope, taskId)) - 1;
    const roundId =
      verdict.counts && verdict.roundNumber !== null
        ? await openRound(tx, actor, {
            taskId,
            number: verdict.roundNumber,
            source: 'revision_request',
            requestId,
            needsApproval: verdict.needsApproval,
            currency: ctx.currency,
            at,
          })
        : null;
    await tx
      .insertInto('revision_requests')
      .values({
        id: requestId,
        workspace_id: actor.workspaceId,
        task_id: taskId,
        round_id: roundId,
        round_number: verdict.roundNumber,
        counts: verdict.counts ? 1 : 0,
        strategist_tweak: body.strategistTweak ? 1 : 0,
        status,
        deliverable_version: latest > 0 ? latest : null,
        affected_due_date: affected,
        notice_business_days: notice.noticeBusinessDays,
        late: late ? 1 : 0,
        override_reason: late && !move ? (body.overrideReason ?? null) : null,
        override_by: late && !move && body.overrideReason ? actor.userId : null,
        moved_due_date_to: move,
        created_by: actor.userId,
        created_at: at,
      })
      .execute();
    await tx
      .insertInto('revision_items')
      .values(
        body.items.map((item, sort) => ({
          id: newId(),
          workspace_id: actor.workspaceId,
          request_id: requestId,
          sort,
          what: item.what,
          why: item.why?.trim() ?? '',
          client_feedback_raw: item.clientFeedbackRaw || null,
          scrubbed_text: item.scrubbedText || null,
        })),
      )
      .execute();
    const plan = move ? await applyReplan(tx, actor, task, move, ctx, at) : null;
    const starts = status === 'active';
    const change = await writeTask(tx, actor, task, {
      to: starts ? to : task.status,
      action: starts ? 'request_revision' : null,
      patch: {
        ...(starts ? { rounds_used: verdict.roundNumber ?? task.rounds_used } : {}),
        ...(plan ? { due_date: plan.taskDue } : {}),
      },
      at,
    });
    if (starts) {
      await completeSubtasksOfKinds(tx, actor, taskId, ['scrub'], at);
      await reopenRevisionSubtasks(tx, actor, taskId);
    }
    await recordAudit(tx, actor, {
      entityType: 'revision_request',
      entityId: requestId,
      taskId,
      action: 'created',
      after: {
        status,
        roundNumber: verdict.roundNumber,
        strategistTweak: body.strategistTweak,
        items: body.items.length,
        late,
        overrideReason: late && !move ? (body.overrideReason ?? null) : null,
        movedDueDateTo: move,
        version: change.version,
      },
    });
    if (starts && verdict.roundNumber !== null) {
      await onRevisionRequested(tx, task, {
        workspaceId: actor.workspaceId,
        requestId,
        roundNumber: verdict.roundNumber,
        items: body.items.length,
        finalDue: plan?.finalDue ?? affected,
      });
    }
    if (status === 'pending_approval' && roundId && verdict.roundNumber !== null) {
      await onRoundNeedsApproval(tx, task, {
        workspaceId: actor.workspaceId,
        roundId,
        roundNumber: verdict.roundNumber,
        actorUserId: actor.userId,
      });
    }
    const view = await revisionsOf(tx, actor, task);
    const request = view.requests.find((r) => r.id === requestId);
    if (!request) throw new AppError('INTERNAL', 'The revision request was not saved');
    return {
      request,
      round: view.rounds.find((r) => r.id === roundId) ?? null,
      task: change,
      message: verdict.message,
    };
  });
}
