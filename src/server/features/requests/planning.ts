import type { PlanPreview } from '../../../contracts/requests';
import {
  addCalendarDays,
  calendarDayIn,
  calendarDaysBetween,
  type IsoDate,
  type WorkCalendar,
} from '../../../domain/calendar';
import {
  PLAN_SEARCH_DAYS,
  type PlanPolicy,
  type PlanResult,
  planSubtasks,
} from '../../../domain/planner';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import { unavailableRanges } from '../availability';
import { findContractor, isFirstPairing } from '../contractors';
import { findWorkspace } from '../workspaces/queries';
import { parsePolicy } from '../workspaces/service';
import * as q from './queries';

/** The planner's inputs from the database (R14): workspace calendar, policy, request, contractor. */

export interface PlanningContext {
  workspaceId: string;
  today: IsoDate;
  timeZone: string;
  calendar: WorkCalendar;
  policy: PlanPolicy;
}

/** Today, weekend, holidays and durations of the workspace, as the planner wants them. */
export async function loadPlanningContext(
  db: Executor,
  workspaceId: string,
  now: Date,
): Promise<PlanningContext> {
  const ws = await findWorkspace(db, workspaceId);
  if (!ws) throw notFound('Workspace');
  const policy = parsePolicy(ws.policy);
  const weekend = JSON.parse(ws.weekend_days) as number[];
  return {
    workspaceId,
    today: calendarDayIn(now, ws.time_zone),
    timeZone: ws.time_zone,
    calendar: { weekendDays: weekend, holidays: ws.holidays.map((h) => h.date) },
    // Settings allow 0 scrub or QA days; the planner needs at least one day for each step.
    policy: {
      scrubDays: Math.max(1, policy.scrubDays),
      revisionWindowDays: policy.revisionWindowDays,
      qaDays: Math.max(1, policy.qaDays),
    },
  };
}

export interface RequestForPlanning {
  row: q.RequestRow;
  items: q.RequestItemRow[];
  /** Contractor business days for the draft: the longest production time among the types. */
  productionDays: number;
}

export async function loadRequestForPlanning(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<RequestForPlanning> {
  const row = await q.findRequest(db, { workspaceId, id });
  if (!row) throw notFound('Request');
  const items = await q.listRequestItems(db, { workspaceId, requestIds: [id] });
  const productionDays = Math.max(1, ...items.map((i) => i.default_production_days));
  return { row, items, productionDays };
}

/** [today, due date] (just today when the due date has passed): where time away matters. */
export function planWindow(
  ctx: PlanningContext,
  dueDate: IsoDate,
): { start: IsoDate; end: IsoDate } {
  return {
    start: ctx.today,
    end: calendarDaysBetween(ctx.today, dueDate) > 0 ? dueDate : ctx.today,
  };
}

/** The last day the planner may look at: its search horizon past the due date. */
export function planHorizon(ctx: PlanningContext, dueDate: IsoDate): IsoDate {
  return addCalendarDays(planWindow(ctx, dueDate).end, PLAN_SEARCH_DAYS + 1);
}

export function planWith(
  ctx: PlanningContext,
  request: RequestForPlanning,
  contractor: { unavailable: { start: IsoDate; end: IsoDate }[]; firstPairing: boolean },
): PlanResult {
  return planSubtasks({
    dueDate: request.row.due_date,
    today: ctx.today,
    productionDays: request.productionDays,
    firstPairing: contractor.firstPairing,
    calendar: ctx.calendar,
    unavailable: contractor.unavailable,
    policy: ctx.policy,
  });
}

/** R14/R16/R8: plans the request for one contractor, reading his time away and pairing. */
export async function planForContractor(
  db: Executor,
  ctx: PlanningContext,
  request: RequestForPlanning,
  contractorId: string,
): Promise<{ plan: PlanResult; firstPairing: boolean }> {
  const scope = { workspaceId: ctx.workspaceId };
  const unavailable = await unavailableRanges(db, {
    ...scope,
    contractorId,
    from: ctx.today,
    to: planHorizon(ctx, request.row.due_date),
  });
  const firstPairing = await isFirstPairing(db, {
    ...scope,
    clientId: request.row.client_id,
    contractorId,
  });
  return { plan: planWith(ctx, request, { unavailable, firstPairing }), firstPairing };
}

export function presentPlan(
  ctx: PlanningContext,
  request: RequestForPlanning,
  contractorId: string,
  result: { plan: PlanResult; firstPairing: boolean },
): PlanPreview {
  const { plan } = result;
  return {
    contractorId,
    today: ctx.today,
    dueDate: request.row.due_date,
    productionDays: request.productionDays,
    firstPairing: result.firstPairing,
    feasible: plan.feasible,
    subtasks: plan.subtasks,
    warnings: plan.feasible ? plan.warnings : [],
    reason: plan.feasible ? null : plan.reason,
    earliestFeasibleDueDate: plan.feasible ? null : plan.earliestFeasibleDueDate,
  };
}

/** R14 preview: the plan for one contractor of this workspace, without changing anything. */
export async function previewPlan(
  db: Executor,
  actor: { workspaceId: string },
  requestId: string,
  contractorId: string,
  now: Date,
): Promise<PlanPreview> {
  const ctx = await loadPlanningContext(db, actor.workspaceId, now);
  const request = await loadRequestForPlanning(db, actor.workspaceId, requestId);
  if (!(await findContractor(db, { workspaceId: actor.workspaceId, id: contractorId }))) {
    throw notFound('Contractor');
  }
  const result = await planForContractor(db, ctx, request, contractorId);
  return presentPlan(ctx, request, contractorId, result);
}
