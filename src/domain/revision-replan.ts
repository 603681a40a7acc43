/**
 * R22 re-plan: a late revision request moves the final version's due date forward instead of
 * squeezing the contractor. The final lands on the first business day on or after the date asked
 * for on which the contractor is not away (R8); QA follows it by its business days, and the task's
 * due date only ever moves later.
 */
import {
  addBusinessDays,
  fromEpochDay,
  type IsoDate,
  isBusinessDay,
  toEpochDay,
  type WorkCalendar,
} from './calendar';
import { formatDateRange, formatDayMonthNear } from './format';

export interface ReplanInput {
  /** The final due date asked for (already checked against the earliest compliant date). */
  requestedFinalDue: IsoDate;
  /** The task's current due date (QA done, client-ready). */
  currentTaskDue: IsoDate;
  /** Business days of internal QA after the final (policy, at least 1). */
  qaDays: number;
  calendar: WorkCalendar;
  /** The contractor's unavailability, inclusive ranges (R8). */
  unavailable: ReadonlyArray<{ start: IsoDate; end: IsoDate }>;
  /** For wording dates without a year when near (usually today in the workspace). */
  today: IsoDate;
}

export interface ReplanResult {
  finalDue: IsoDate;
  qaStart: IsoDate;
  qaDue: IsoDate;
  taskDue: IsoDate;
  /** Why the final is later than asked, if it is (time away, weekend, holiday). */
  notes: string[];
}

/** Days searched for a working day before giving up (a contractor away for over a year). */
export const REPLAN_SEARCH_DAYS = 400;

function awayOn(day: IsoDate, ranges: ReplanInput['unavailable']) {
  return ranges.find((r) => r.start <= day && day <= r.end);
}

/** Moves the final version and QA forward to `requestedFinalDue` (or the next workable day). */
export function replanAfterLateRevision(input: ReplanInput): ReplanResult {
  if (!Number.isInteger(input.qaDays) || input.qaDays < 1) {
    throw new RangeError(`qaDays must be a whole number of at least 1, got ${input.qaDays}`);
  }
  const fmt = (d: IsoDate) => formatDayMonthNear(d, input.today);
  const notes: string[] = [];
  const start = toEpochDay(input.requestedFinalDue);
  let finalDue: IsoDate | null = null;
  for (let d = start; d <= start + REPLAN_SEARCH_DAYS; d++) {
    const day = fromEpochDay(d);
    if (!isBusinessDay(day, input.calendar)) continue;
    const away = awayOn(day, input.unavailable);
    if (away) {
      const range = formatDateRange(away.start, away.end);
      if (!notes.some((n) => n.includes(range))) notes.push(`The contractor is away ${range}.`);
      continue;
    }
    finalDue = day;
    break;
  }
  if (finalDue === null) {
    throw new RangeError(
      `The contractor has no working day within ${REPLAN_SEARCH_DAYS} days of ${input.requestedFinalDue}`,
    );
  }
  if (finalDue !== input.requestedFinalDue) {
    notes.push(
      `The final version is due ${fmt(finalDue)} instead of ${fmt(input.requestedFinalDue)}.`,
    );
  }
  const qaStart = addBusinessDays(finalDue, 1, input.calendar);
  const qaDue = addBusinessDays(finalDue, input.qaDays, input.calendar);
  // ISO dates compare as strings; the later of the two wins.
  const taskDue = [qaDue, input.currentTaskDue].sort()[1];
  return { finalDue, qaStart, qaDue, taskDue, notes };
}
