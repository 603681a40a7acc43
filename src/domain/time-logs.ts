/**
 * Time logs for hourly deliverables (R28): quarter-hour entries, reviewed by the task's
 * strategist, summed per week against the contractor's weekly capacity, billed from approved time.
 */

import { addCalendarDays, type IsoDate, weekdayOf } from './calendar';
import { lineTotalMinor } from './invoice';

export const MINUTES_PER_STEP = 15;

/** R28: hours in quarter steps (0.25, 0.5 …) to whole minutes; anything else throws. */
export function minutesFromHours(hours: number): number {
  const quarters = hours * 4;
  if (!Number.isFinite(hours) || hours <= 0 || !Number.isInteger(quarters)) {
    throw new RangeError(`Log time in quarter hours (0.25, 0.5, 0.75…), got ${hours}`);
  }
  return quarters * MINUTES_PER_STEP;
}

/** The week (Monday to Sunday) a day belongs to. */
export function weekOf(date: IsoDate): { start: IsoDate; end: IsoDate } {
  // weekdayOf: 0 = Sunday … 6 = Saturday; Monday starts the week.
  const back = (weekdayOf(date) + 6) % 7;
  const start = addCalendarDays(date, -back);
  return { start, end: addCalendarDays(start, 6) };
}

export type TimeLogStatus = 'pending' | 'approved' | 'rejected';

export type TimeLogReview = { ok: true; to: TimeLogStatus } | { ok: false; reason: string };

/** R28: only pending time is reviewed; approved time is final (it may already be invoiced). */
export function reviewTimeLog(from: TimeLogStatus, action: 'approve' | 'reject'): TimeLogReview {
  if (from !== 'pending') {
    return { ok: false, reason: `This time was already ${from}: only pending time is reviewed` };
  }
  return { ok: true, to: action === 'approve' ? 'approved' : 'rejected' };
}

/** R28: what approved time is worth at the hourly rate stored on the task item. */
export function timeAmountMinor(minutes: number, hourlyRateMinor: number): number {
  return lineTotalMinor({
    kind: 'time',
    description: '',
    quantity: minutes / 60,
    unitAmountMinor: hourlyRateMinor,
  });
}

export interface WeeklyLoad {
  minutes: number;
  /** Share of the capacity used (1 = full); null without an hours capacity. */
  share: number | null;
  over: boolean;
}

/** R28: a contractor's logged time in a week against the weekly capacity in hours. */
export function weeklyLoad(minutes: number, capacityHours: number | null): WeeklyLoad {
  if (capacityHours === null || capacityHours <= 0) return { minutes, share: null, over: false };
  const capacityMinutes = capacityHours * 60;
  return { minutes, share: minutes / capacityMinutes, over: minutes > capacityMinutes };
}
