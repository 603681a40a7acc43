import type { PlanPolicy } from '../../../contracts/workspace';
import { calendarDayIn, type IsoDate, type WorkCalendar } from '../../../domain/calendar';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import { newId } from '../../lib/ids';
import { findWorkspace } from '../workspaces/queries';
import { parsePolicy } from '../workspaces/service';

/** Revision rounds (R21) and the workspace facts revision rules need. */

export interface WorkflowContext {
  today: IsoDate;
  calendar: WorkCalendar;
  policy: PlanPolicy;
  currency: string;
}

/** Today in the workspace's zone, its business days, its policy and currency. */
export async function loadWorkflowContext(
  db: Executor,
  workspaceId: string,
  now: Date,
): Promise<WorkflowContext> {
  const ws = await findWorkspace(db, workspaceId);
  if (!ws) throw notFound('Workspace');
  return {
    today: calendarDayIn(now, ws.time_zone),
    calendar: {
      weekendDays: JSON.parse(ws.weekend_days) as number[],
      holidays: ws.holidays.map((h) => h.date),
    },
    policy: parsePolicy(ws.policy),
    currency: ws.currency,
  };
}

export interface NewRound {
  taskId: string;
  number: number;
  source: 'revision_request' | 'qa_fail';
  requestId?: string | null;
  reviewId?: string | null;
  needsApproval: boolean;
  currency: string;
  at: string;
}

/**
 * Opens a counted round: 'not_needed' within the agreement, else 'pending' until a coordinator
 * approves it as billable or escalates it. Invoices (R29) read approved billable rounds.
 */
export async function openRound(tx: Executor, actor: Actor, r: NewRound): Promise<string> {
  const id = newId();
  const status = r.needsApproval ? 'pending' : 'not_needed';
  await tx
    .insertInto('revision_rounds')
    .values({
      id,
      workspace_id: actor.workspaceId,
      task_id: r.taskId,
      number: r.number,
      source: r.source,
      request_id: r.requestId ?? null,
      review_id: r.reviewId ?? null,
      needs_approval: r.needsApproval ? 1 : 0,
      approval_status: status,
      billable: 0,
      amount_minor: 0,
      currency: r.currency,
      decided_by: null,
      decided_at: null,
      reason: null,
      created_at: r.at,
    })
    .execute();
  await recordAudit(tx, actor, {
    entityType: 'revision_round',
    entityId: id,
    taskId: r.taskId,
    action: r.needsApproval ? 'created' : 'opened',
    after: { number: r.number, source: r.source, approvalStatus: status },
  });
  return id;
}

/** A new round puts the contractor's revision work back on their list. */
export async function reopenRevisionSubtasks(tx: Executor, actor: Actor, taskId: string) {
  await tx
    .updateTable('subtasks')
    .set({ status: 'todo', completed_at: null, completed_by: null })
    .where('workspace_id', '=', actor.workspaceId)
    .where('task_id', '=', taskId)
    .where('kind', 'in', ['revision', 'final'])
    .execute();
}
