import { relativeDays } from '../../lib/format';

/** Calendar-day arithmetic on 'YYYY-MM-DD' strings (UTC, so no time zone or DST surprises). */

const DAY_MS = 86_400_000;

const toUtc = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};

export function addDays(iso: string, days: number): string {
  return new Date(toUtc(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(toUtc(iso)).getUTCDay();
}

export function isWeekend(iso: string): boolean {
  const d = weekday(iso);
  return d === 0 || d === 6;
}

/** The Monday on or before a day. */
export function mondayOf(iso: string): string {
  return addDays(iso, -((weekday(iso) + 6) % 7));
}

/** "Mon 7 Dec" (with the year when it is not this year). */
export function formatDay(iso: string, opts: { year?: boolean } = {}): string {
  const d = new Date(toUtc(iso));
  const otherYear = d.getUTCFullYear() !== new Date().getUTCFullYear();
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
    ...((opts.year ?? otherYear) ? { year: 'numeric' } : {}),
  })
    .format(d)
    .replace(',', '');
}

/** "Mon 7 Dec – Wed 9 Dec", or one day when start and end are the same. */
export function formatRange(start: string, end: string): string {
  return start === end ? formatDay(start) : `${formatDay(start)} – ${formatDay(end)}`;
}

/** Where a range sits from today: "in 9 days", "now · 3 days left", "ended 3 days ago". */
export function rangeDistance(start: string, end: string, today: string): string {
  if (today < start) return relativeDays(start, today);
  if (today > end) return `ended ${relativeDays(end, today)}`;
  const left = daysBetween(today, end) + 1;
  return left === 1 ? 'now · last day' : `now · ${left} days left`;
}

/** Inclusive length in days. */
export function rangeDays(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}
