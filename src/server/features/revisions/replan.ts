import { addCalendarDays, type IsoDate } from '../../../domain/calendar';
import { formatDayMonthNear } from '../../../domain/format';
import { type ReplanResult, replanAfterLateRevision } from '../../../domain/revision-replan';
import { RuleViolation } from '../../../domain/rule-violation';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { unavailableRanges } from '../availability';
import { addSystemComment, findLateSubtasks, type TaskRow, taskScopeOf } from '../tasks';
import type { WorkflowContext } from './rounds';

/**
 * R22: moves the final version, the revision window and QA forward for a late revision request,
 * around the contractor's time away (R8), and tells everyone on the task in a system comment.
 * The task's due date is written by the caller with its version bump.
 */
export async function applyReplan(
  tx: Executor,
  actor: Actor,
  task: TaskRow,
  requested: IsoDate,
  ctx: WorkflowContext,
  at: string,
): Promise<ReplanResult> {
  const scope = taskScopeOf(actor);
  const subtasks = await findLateSubtasks(tx, scope, task.id);
  const unavailable = await unavailableRanges(tx, {
    workspaceId: actor.workspaceId,
    contractorId: task.contractor_id,
    from: ctx.today,
    to: addCalendarDays(requested, 400),
  });
  let plan: ReplanResult;
  try {
    plan = replanAfterLateRevision({
      requestedFinalDue: requested,
      currentTaskDue: task.due_date,
      qaDays: Math.max(1, ctx.policy.qaDays),
      calendar: ctx.calendar,
      unavailable,
      today: ctx.today,
    });
  } catch (err) {
    throw new RuleViolation('R22', (err as Error).message, { moveDueDateTo: requested });
  }
  const set = (kind: string) => {
    if (kind === 'qa') return { start_date: plan.qaStart, due_date: plan.qaDue };
    if (kind === 'final') return { start_date: plan.finalDue, due_date: plan.finalDue };
    return { due_date: plan.finalDue };
  };
  for (const s of subtasks) {
    await tx
      .updateTable('subtasks')
      .set(set(s.kind))
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', s.id)
      .execute();
  }
  const before = {
    finalDue: subtasks.find((s) => s.kind === 'final')?.due_date ?? null,
    qaDue: subtasks.find((s) => s.kind === 'qa')?.due_date ?? null,
    taskDue: task.due_date,
  };
  await recordAudit(tx, actor, {
    entityType: 'task',
    entityId: task.id,
    taskId: task.id,
    action: 'replanned',
    before,
    after: {
      finalDue: plan.finalDue,
      qaDue: plan.qaDue,
      taskDue: plan.taskDue,
      version: task.version + 1,
    },
  });
  const fmt = (d: IsoDate) => formatDayMonthNear(d, ctx.today);
  const lines = [
    `Revision requested with less than 3 business days' notice, so the due dates moved (R22): ` +
      `Final version — ${fmt(plan.finalDue)}; QA review — ${fmt(plan.qaDue)}; ` +
      `client-ready by ${fmt(plan.taskDue)}.`,
    ...plan.notes.map((n) => `Note: ${n}`),
  ];
  await addSystemComment(tx, actor, task.id, lines.join('\n'), at);
  return plan;
}
