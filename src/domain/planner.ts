/**
 * R14/R15/R16/R8 subtask planning: due dates planned backward from the request's due date on
 * business days, around the contractor's unavailability.
 *
 * Everything runs on epoch days (integers) with the calendar turned into Sets once per call,
 * because the earliest-feasible search replans and assignment screens plan many requests.
 */
import { fromEpochDay, type IsoDate, toEpochDay, type WorkCalendar } from './calendar';
import { formatDateRange, formatDayMonthNear, formatList } from './format';
import { type EpochRange, PlanDays } from './plan-days';

export type SubtaskKind = 'brand_training' | 'draft' | 'scrub' | 'revision' | 'final' | 'qa';

export interface PlanPolicy {
  /** Business days the strategist has to scrub the draft (default 1). */
  scrubDays: number;
  /** Business days from the revision request (scrub due) to the final (default 3, min 3). */
  revisionWindowDays: number;
  /** Business days of internal QA before the due date (default 1). */
  qaDays: number;
}

export const MIN_REVISION_WINDOW_DAYS = 3;
export const PLAN_SEARCH_DAYS = 400;

export const DEFAULT_PLAN_POLICY: PlanPolicy = Object.freeze({
  scrubDays: 1,
  revisionWindowDays: MIN_REVISION_WINDOW_DAYS,
  qaDays: 1,
});

export interface PlanInput {
  /** The date the work must be client-ready (QA done). */
  dueDate: IsoDate;
  /** Today in the workspace time zone; the plan may start today if it is a business day. */
  today: IsoDate;
  /** Contractor business days needed for the first draft (max over the deliverable types). */
  productionDays: number;
  /** R16: first time this contractor works for this client, so a brand training is added. */
  firstPairing: boolean;
  calendar: WorkCalendar;
  /** The contractor's unavailability, inclusive ranges (R8). */
  unavailable: ReadonlyArray<{ start: IsoDate; end: IsoDate }>;
  policy?: Partial<PlanPolicy>;
}

export interface PlannedSubtask {
  kind: SubtaskKind;
  title: string;
  dueDate: IsoDate;
  startDate: IsoDate;
  assignee: 'contractor' | 'strategist' | 'qa';
}

export type PlanResult =
  | { feasible: true; subtasks: PlannedSubtask[]; warnings: string[] }
  | {
      feasible: false;
      reason: string;
      earliestFeasibleDueDate: IsoDate | null;
      subtasks: PlannedSubtask[];
    };

function wholeDays(value: number, what: string, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${what} must be a whole number of at least ${min}, got ${value}`);
  }
  return value;
}

/** Fills in policy defaults and clamps the revision window up to 3 business days (R15). */
export function normalizePlanPolicy(policy: Partial<PlanPolicy> = {}): PlanPolicy {
  const merged = { ...DEFAULT_PLAN_POLICY, ...policy };
  return {
    scrubDays: wholeDays(merged.scrubDays, 'scrubDays', 1),
    revisionWindowDays: Math.max(
      MIN_REVISION_WINDOW_DAYS,
      wholeDays(merged.revisionWindowDays, 'revisionWindowDays', 0),
    ),
    qaDays: wholeDays(merged.qaDays, 'qaDays', 1),
  };
}

interface RawPlan {
  due: number;
  qaDue: number;
  qaStart: number;
  finalNominal: number;
  finalDue: number;
  revisionStart: number;
  scrubDue: number;
  scrubStart: number;
  draftNominal: number;
  draftDue: number;
  draftStart: number;
  training: number | null;
  start: number;
}

interface Planning {
  days: PlanDays;
  policy: PlanPolicy;
  productionDays: number;
  firstPairing: boolean;
}

// Each step only ever moves earlier, so `start` is the earliest day of the plan, and a later due
// date never gives an earlier plan: that monotonicity makes the forward search's answer minimal.
function planAt(p: Planning, due: number): RawPlan {
  const { days, policy } = p;
  const qaDue = days.onOrBeforeBusiness(due);
  const qaStart = days.back(qaDue, policy.qaDays - 1);
  const finalNominal = days.back(qaDue, policy.qaDays);
  const finalDue = days.onOrBeforeAvailable(finalNominal);
  const revisionStart = days.back(finalDue, policy.revisionWindowDays - 1);
  const scrubDue = days.back(finalDue, policy.revisionWindowDays);
  const scrubStart = days.back(scrubDue, policy.scrubDays - 1);
  const draftNominal = days.back(scrubDue, policy.scrubDays);
  const draftDue = days.onOrBeforeAvailable(draftNominal);
  let draftStart = draftDue;
  for (let left = p.productionDays - 1; left > 0; ) if (days.isAvailable(--draftStart)) left--;
  const training = p.firstPairing ? days.onOrBeforeAvailable(draftStart - 1) : null;
  return {
    due,
    qaDue,
    qaStart,
    finalNominal,
    finalDue,
    revisionStart,
    scrubDue,
    scrubStart,
    draftNominal,
    draftDue,
    draftStart,
    training,
    start: training ?? draftStart,
  };
}

function subtasksOf(plan: RawPlan): PlannedSubtask[] {
  const task = (
    kind: SubtaskKind,
    title: string,
    start: number,
    due: number,
    assignee: PlannedSubtask['assignee'],
  ): PlannedSubtask => ({
    kind,
    title,
    dueDate: fromEpochDay(due),
    startDate: fromEpochDay(start),
    assignee,
  });
  const out: PlannedSubtask[] = [];
  if (plan.training !== null) {
    out.push(
      task('brand_training', 'Brand training (30 min)', plan.training, plan.training, 'contractor'),
    );
  }
  out.push(
    task('draft', 'First draft', plan.draftStart, plan.draftDue, 'contractor'),
    task('scrub', 'Strategist scrub', plan.scrubStart, plan.scrubDue, 'strategist'),
    task('revision', 'Revision window', plan.revisionStart, plan.finalDue, 'contractor'),
    task('final', 'Final version', plan.finalDue, plan.finalDue, 'contractor'),
    task('qa', 'QA review', plan.qaStart, plan.qaDue, 'qa'),
  );
  return out;
}

function awayIn(days: PlanDays, from: number, to: number): string[] {
  const out: string[] = [];
  for (const [s, e] of days.awayRanges) {
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (a <= b) out.push(formatDateRange(fromEpochDay(a), fromEpochDay(b)));
  }
  return out;
}

/** Labels an epoch day for a message, with the year only when it differs from today's. */
function labeller(today: number): (day: number) => string {
  const ref = fromEpochDay(today);
  return (day) => formatDayMonthNear(fromEpochDay(day), ref);
}

function warningsOf(days: PlanDays, plan: RawPlan, today: number): string[] {
  const warnings: string[] = [];
  const fmt = labeller(today);
  if (plan.qaDue !== plan.due) {
    warnings.push(`Due ${fmt(plan.due)} is not a business day, so QA is due ${fmt(plan.qaDue)}.`);
  }
  if (plan.finalDue !== plan.finalNominal) {
    warnings.push(
      `The contractor is away ${fmt(plan.finalNominal)}, so the final version is due ` +
        `${fmt(plan.finalDue)}.`,
    );
  }
  const revisionAway = awayIn(days, plan.revisionStart, plan.finalDue);
  if (revisionAway.length > 0) {
    warnings.push(`The contractor is away ${formatList(revisionAway)} during the revision window.`);
  }
  if (plan.draftDue !== plan.draftNominal) {
    warnings.push(
      `The contractor is away ${fmt(plan.draftNominal)}, so the first draft is due ` +
        `${fmt(plan.draftDue)}.`,
    );
  }
  const productionAway = awayIn(days, plan.draftStart, plan.draftDue);
  if (productionAway.length > 0) {
    warnings.push(
      `The contractor is away ${formatList(productionAway)}, so the first draft starts ` +
        `${fmt(plan.draftStart)}.`,
    );
  }
  return warnings;
}

function reasonOf(days: PlanDays, plan: RawPlan, today: number, earliest: number | null): string {
  const fmt = labeller(today);
  const needed = days.countBusiness(plan.start, plan.qaDue);
  const left = today <= plan.qaDue ? days.countBusiness(today, plan.qaDue) : 0;
  const leftText = left === 0 ? 'none are' : left === 1 ? 'only 1 is' : `only ${left} are`;
  const constraints: string[] = [];
  const away = awayIn(days, Math.max(plan.start, today), plan.qaDue);
  if (away.length > 0) constraints.push(`the contractor is away ${formatList(away)}`);
  const holidays = days.holidaysIn(Math.max(plan.start, today), plan.qaDue);
  if (holidays.length > 0) {
    const list = formatList(holidays.map(fmt));
    constraints.push(holidays.length === 1 ? `${list} is a holiday` : `${list} are holidays`);
  }
  if (plan.training !== null) constraints.push('a first pairing adds a brand training');
  const due = fmt(plan.due);
  const next =
    earliest === null
      ? ` No due date in the next ${PLAN_SEARCH_DAYS} days fits.`
      : ` The earliest feasible due date is ${fmt(earliest)}.`;
  const why = constraints.length > 0 ? `; ${constraints.join('; ')}` : '';
  return `The plan needs ${needed} business days but ${leftText} left before ${due}${why}.${next}`;
}

function mergedRanges(unavailable: PlanInput['unavailable']): EpochRange[] {
  const ranges = unavailable.map(({ start, end }): EpochRange => {
    const r: EpochRange = [toEpochDay(start), toEpochDay(end)];
    if (r[1] < r[0]) throw new RangeError(`Unavailability ends before it starts: ${start}–${end}`);
    return r;
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: EpochRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Plans the subtasks of a request backward from its due date (R14, R15, R16, R8). */
export function planSubtasks(input: PlanInput): PlanResult {
  const policy = normalizePlanPolicy(input.policy);
  const productionDays = wholeDays(input.productionDays, 'productionDays', 1);
  const due = toEpochDay(input.dueDate);
  const today = toEpochDay(input.today);
  // A due date already past can only move to today or later, so the search starts there.
  const firstCandidate = Math.max(due + 1, today);
  const lastCandidate = Math.max(due, today) + PLAN_SEARCH_DAYS;
  const days = new PlanDays(input.calendar, mergedRanges(input.unavailable), today, lastCandidate);
  const planning: Planning = { days, policy, productionDays, firstPairing: input.firstPairing };

  const plan = planAt(planning, due);
  if (plan.start >= today) {
    return { feasible: true, subtasks: subtasksOf(plan), warnings: warningsOf(days, plan, today) };
  }
  // Feasibility only ever improves as the due date moves later (see planAt), so a binary search
  // finds the same first feasible day as walking forward day by day, in ~9 plans instead of 400.
  if (planAt(planning, lastCandidate).start >= today) {
    let lo = firstCandidate;
    let hi = lastCandidate;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (planAt(planning, mid).start >= today) hi = mid;
      else lo = mid + 1;
    }
    return {
      feasible: false,
      reason: reasonOf(days, plan, today, hi),
      earliestFeasibleDueDate: fromEpochDay(hi),
      subtasks: subtasksOf(planAt(planning, hi)),
    };
  }
  return {
    feasible: false,
    reason: reasonOf(days, plan, today, null),
    earliestFeasibleDueDate: null,
    subtasks: [],
  };
}
