import { todayIn } from '../../lib/format';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** True for a `YYYY-MM` the API accepts; anything else in the URL falls back to this month. */
export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The month it is now where the agency works: tasks are filed by the workspace's calendar. */
export function currentMonth(workspaceTimeZone: string, now = new Date()): string {
  return todayIn(workspaceTimeZone, now).slice(0, 7);
}

/** The month `by` months after (or before, when negative) a `YYYY-MM`. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
}

/** "November 2026". */
export function monthLabel(month: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}
