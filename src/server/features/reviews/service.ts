import type { z } from 'zod';
import type { QaBody, ReviewsView, ScrubBody } from '../../../contracts/workflow';
import { formatList } from '../../../domain/format';
import { revisionRoundVerdict } from '../../../domain/revision-rounds';
import { RuleViolation } from '../../../domain/rule-violation';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError, notFound } from '../../errors';
import { newId } from '../../lib/ids';
import { nextVersionNumber } from '../deliverables';
import {
  findRound,
  loadWorkflowContext,
  openRound,
  presentRound,
  reopenRevisionSubtasks,
} from '../revisions';
import {
  assertMayTake,
  assertVersion,
  completeSubtasksOfKinds,
  ensureContractorLinked,
  findPendingRound,
  loadTask,
  type TaskRow,
  taskScopeOf,
  writeTask,
} from '../tasks';
import { getScrubChecklist } from './checklists';
import { onQaVerdict } from './events';
import { presentReview } from './present';
import * as q from './queries';

/** R23: the strategist scrub, then internal QA; only QA-passed work is client-ready. */

type Checked = { item: string; ok: boolean; note?: string };

/** Every item asked must be present and ticked; the refusal lists what is not. */
function assertAllTicked(required: string[], given: Checked[], what: string): void {
  const norm = (s: string) => s.trim().toLowerCase();
  const open = required.filter((r) => !given.some((g) => norm(g.item) === norm(r) && g.ok));
  const extra = given.filter((g) => !g.ok).map((g) => g.item);
  const unchecked = [...new Set([...open, ...extra])];
  if (unchecked.length > 0) {
    throw new RuleViolation(
      'R23',
      `${what} passes only with every check ticked; not ticked: ${formatList(unchecked)}`,
      { unchecked },
    );
  }
}

async function insertReview(
  tx: Executor,
  actor: Actor,
  task: TaskRow,
  r: {
    kind: 'scrub' | 'qa';
    result: 'pass' | 'fail';
    checklist: Checked[];
    reasons: string | null;
    note: string | null;
    at: string;
  },
) {
  const latest = (await nextVersionNumber(tx, taskScopeOf(actor), task.id)) - 1;
  const row = {
    id: newId(),
    workspace_id: actor.workspaceId,
    task_id: task.id,
    kind: r.kind,
    result: r.result,
    checklist_json: JSON.stringify(
      r.checklist.map((c) => ({ item: c.item, ok: c.ok, note: c.note ?? '' })),
    ),
    reasons: r.reasons,
    note: r.note,
    deliverable_version: latest > 0 ? latest : null,
    reviewer_id: actor.userId,
    created_at: r.at,
  };
  await tx.insertInto('reviews').values(row).execute();
  return { ...row, reviewer_name: actor.name };
}

/** POST /api/tasks/:id/scrub: every scrub check ticked → QA (pass_scrub). */
export async function passScrub(
  db: Executor,
  actor: Actor,
  taskId: string,
  body: z.infer<typeof ScrubBody>,
  now: Date,
) {
  return db.transaction().execute(async (tx) => {
    const task = await loadTask(tx, actor, taskId);
    await assertVersion(tx, actor, task, body.version);
    const to = assertMayTake(actor, task, 'pass_scrub');
    const pending = await findPendingRound(tx, taskScopeOf(actor), taskId);
    if (pending) {
      throw new RuleViolation(
        'R21',
        `Revision round ${pending.number} is waiting for a coordinator's decision`,
        {
          roundId: pending.id,
        },
      );
    }
    const { items } = await getScrubChecklist(tx, actor.workspaceId);
    assertAllTicked(items, body.checklist, 'The strategist scrub');
    const at = now.toISOString();
    const review = await insertReview(tx, actor, task, {
      kind: 'scrub',
      result: 'pass',
      checklist: body.checklist,
      reasons: null,
      note: body.note || null,
      at,
    });
    const change = await writeTask(tx, actor, task, { to, action: 'pass_scrub', at });
    await completeSubtasksOfKinds(tx, actor, taskId, ['scrub'], at);
    await recordAudit(tx, actor, {
      entityType: 'review',
      entityId: review.id,
      taskId,
      action: 'created',
      after: { kind: 'scrub', result: 'pass', checklist: body.checklist, version: change.version },
    });
    return { review: presentReview(review, actor), task: change, round: null };
  });
}

/**
 * POST /api/tasks/:id/qa: pass (every check of the task's types ticked) → client-ready, the only
 * way there; fail (with reasons of 10+ characters) → revision, counted in qa_fail_count and, when
 * the policy says so, as a revision round (R21).
 */
export async function recordQa(
  db: Executor,
  actor: Actor,
  taskId: string,
  body: z.infer<typeof QaBody>,
  now: Date,
) {
  return db.transaction().execute(async (tx) => {
    const scope = taskScopeOf(actor);
    const task = await loadTask(tx, actor, taskId);
    await assertVersion(tx, actor, task, body.version);
    const passed = body.result === 'pass';
    const to = assertMayTake(actor, task, passed ? 'qa_pass' : 'qa_fail');
    const reasons = body.reasons?.trim() ?? '';
    if (passed) {
      const required = (await q.qaChecklistFor(tx, scope, taskId)).map((c) => c.item);
      assertAllTicked(required, body.checklist, 'QA');
    } else if (reasons.length < 10) {
      throw new AppError(
        'RULE_VIOLATION',
        'QA fails with reasons: say what to fix (at least 10 characters)',
        {
          rule: 'R23',
          fields: { 'body.reasons': 'At least 10 characters' },
        },
      );
    }
    const at = now.toISOString();
    const review = await insertReview(tx, actor, task, {
      kind: 'qa',
      result: body.result,
      checklist: body.checklist,
      reasons: passed ? null : reasons,
      note: null,
      at,
    });
    const ctx = await loadWorkflowContext(tx, actor.workspaceId, now);
    let roundId: string | null = null;
    let roundsUsed = task.rounds_used;
    if (!passed && ctx.policy.qaFailCountsAsRound) {
      const verdict = revisionRoundVerdict({
        includedRounds: task.included_rounds,
        roundsUsed: task.rounds_used,
        strategistTweak: false,
      });
      const number = verdict.roundNumber ?? task.rounds_used + 1;
      roundId = await openRound(tx, actor, {
        taskId,
        number,
        source: 'qa_fail',
        reviewId: review.id,
        needsApproval: verdict.needsApproval,
        currency: ctx.currency,
        at,
      });
      if (!verdict.needsApproval) roundsUsed = number;
    }
    const change = await writeTask(tx, actor, task, {
      to,
      action: passed ? 'qa_pass' : 'qa_fail',
      patch: passed ? {} : { qa_fail_count: task.qa_fail_count + 1, rounds_used: roundsUsed },
      at,
    });
    if (passed) await completeSubtasksOfKinds(tx, actor, taskId, ['qa'], at);
    else await reopenRevisionSubtasks(tx, actor, taskId);
    await recordAudit(tx, actor, {
      entityType: 'review',
      entityId: review.id,
      taskId,
      action: 'created',
      after: {
        kind: 'qa',
        result: body.result,
        checklist: body.checklist,
        reasons: review.reasons,
        version: change.version,
      },
    });
    await onQaVerdict(tx, task, {
      workspaceId: actor.workspaceId,
      reviewId: review.id,
      result: body.result,
      reasons: review.reasons,
      actorUserId: actor.userId,
    });
    const round = roundId ? await findRound(tx, scope, roundId) : undefined;
    return {
      review: presentReview(review, actor),
      task: change,
      round: round ? presentRound(round, actor) : null,
    };
  });
}

/** GET /api/tasks/:id/reviews: the reviews and the checklists that apply to this task. */
export async function getReviews(db: Executor, actor: Actor, taskId: string): Promise<ReviewsView> {
  await ensureContractorLinked(db, actor);
  const scope = taskScopeOf(actor);
  const task = await loadTask(db, actor, taskId).catch(() => null);
  if (!task) throw notFound('Task');
  const [reviews, scrub, qa] = [
    await q.listReviews(db, scope, taskId),
    await getScrubChecklist(db, actor.workspaceId),
    await q.qaChecklistFor(db, scope, taskId),
  ];
  return {
    reviews: reviews.map((r) => presentReview(r, actor)),
    scrubChecklist: scrub.items,
    qaChecklist: qa,
  };
}
