import { addCalendarDays, calendarDayIn, type IsoDate, weekdayOf } from './calendar';

/**
 * R25 weekly updates. A contractor reports on a week (Monday to Sunday, in the workspace's time
 * zone); the update for a week is owed once that week is over, so from Monday 00:00 of the next
 * week a missing one is flagged.
 *
 * Who owes one: only contractors who are active now (a paused or offboarded contractor is never
 * flagged) and who were already active when the week began. A contractor activated mid-week owes
 * nothing for that week or any earlier one: his first report is for his first full week.
 */

export interface WeeklyContractor {
  id: string;
  /** 'active' | 'paused' | … (domain/vetting.ts); only 'active' ones owe updates. */
  status: string;
  /** The workspace calendar day the contractor last became active. */
  activeSince: IsoDate;
}

export interface SubmittedUpdate {
  contractorId: string;
  weekStart: IsoDate;
}

/** The Monday of the week `date` is in. */
export function mondayOf(date: IsoDate): IsoDate {
  return addCalendarDays(date, -((weekdayOf(date) + 6) % 7));
}

export function isMonday(date: IsoDate): boolean {
  return weekdayOf(date) === 1;
}

/** The Sunday that ends the week starting `weekStart`. */
export function weekEnd(weekStart: IsoDate): IsoDate {
  return addCalendarDays(weekStart, 6);
}

/** The last week that is over on `today`: the one whose update is now owed. */
export function lastWeekStart(today: IsoDate): IsoDate {
  return addCalendarDays(mondayOf(today), -7);
}

/** Whether the update for `weekStart` is owed on `today` (the week is over). */
export function isWeekOver(weekStart: IsoDate, today: IsoDate): boolean {
  return today > weekEnd(weekStart);
}

/** Whether this contractor owes an update for the week starting `weekStart`. */
export function owesUpdateFor(c: WeeklyContractor, weekStart: IsoDate): boolean {
  return c.status === 'active' && c.activeSince <= weekStart;
}

/**
 * The contractors flagged for the week starting `weekStart` on `today` (a workspace calendar
 * day): nobody while the week is still running; afterwards every contractor who owed an update
 * and has none for that week.
 */
export function missingForWeek<C extends WeeklyContractor>(
  contractors: readonly C[],
  updates: readonly SubmittedUpdate[],
  weekStart: IsoDate,
  today: IsoDate,
): C[] {
  if (!isWeekOver(weekStart, today)) return [];
  const done = new Set(updates.filter((u) => u.weekStart === weekStart).map((u) => u.contractorId));
  return contractors.filter((c) => owesUpdateFor(c, weekStart) && !done.has(c.id));
}

/**
 * R25: who is missing last week's update at the instant `now`, in the workspace time zone `tz`.
 * Monday starts in that zone, so Sunday 23:30 in New York still counts the week before.
 */
export function missingWeeklyUpdates<C extends WeeklyContractor>(
  activeContractors: readonly C[],
  updates: readonly SubmittedUpdate[],
  now: Date,
  tz: string,
): { weekStart: IsoDate; missing: C[] } {
  const today = calendarDayIn(now, tz);
  const weekStart = lastWeekStart(today);
  return { weekStart, missing: missingForWeek(activeContractors, updates, weekStart, today) };
}
