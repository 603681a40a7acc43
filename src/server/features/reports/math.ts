import { addCalendarDays, type IsoDate, weekdayOf } from '../../../domain/calendar';
import { mondayOf } from '../../../domain/weekly-updates';

/** Pure arithmetic of the R32 reports: shares, medians, periods and weekly capacity. */

/** count ÷ total, or null when nothing was measured. */
export function rate(count: number, total: number): number | null {
  return total > 0 ? count / total : null;
}

export function share(count: number, total: number) {
  return { count, total, rate: rate(count, total) };
}

/** SQL aggregates come back as numbers, strings (PostgreSQL bigint/numeric) or null. */
export const num = (v: unknown): number => Number(v ?? 0);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Rounds to one decimal place (hours, averages shown to people). */
export const round1 = (v: number) => Math.round(v * 10) / 10;

/** '2026-05' → '2026-Q2'. */
export function quarterOf(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}-Q${Math.ceil(m / 3)}`;
}

/** Every 'YYYY-MM' from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (let i = 0; i < 240; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > end) break;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The default report range: the first day of five months before `today` to the end of its month. */
export function defaultRange(today: IsoDate): { from: IsoDate; to: IsoDate } {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) - 5;
  if (m < 1) {
    m += 12;
    y -= 1;
  }
  const from = `${y}-${String(m).padStart(2, '0')}-01`;
  const next = monthsBetween(today, addCalendarDays(today, 40))[1];
  return { from, to: addCalendarDays(`${next}-01`, -1) };
}

/** Mondays of `count` weeks starting with the week `from` is in. */
export function weekStarts(from: IsoDate, count: number): IsoDate[] {
  const first = mondayOf(from);
  return Array.from({ length: count }, (_, i) => addCalendarDays(first, i * 7));
}

/** Weekdays (Mon–Fri) of the week starting `weekStart` covered by any [start, end] range. */
export function unavailableWeekdays(
  weekStart: IsoDate,
  ranges: readonly { start: IsoDate; end: IsoDate }[],
): number {
  let n = 0;
  for (let i = 0; i < 5; i++) {
    const day = addCalendarDays(weekStart, i);
    if (weekdayOf(day) === 0 || weekdayOf(day) === 6) continue;
    if (ranges.some((r) => r.start <= day && day <= r.end)) n++;
  }
  return n;
}

/** Weekly capacity scaled to the weekdays the contractor is available. */
export function effectiveCapacity(weekly: number, unavailableDays: number): number {
  return round1((weekly * (5 - unavailableDays)) / 5);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes `timeZone` is ahead of UTC at noon UTC on `date` (New York in winter: -300). */
export function utcOffsetMinutes(timeZone: string, date: IsoDate): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = name?.match(/GMT([+-])(\d{2}):(\d{2})/);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * The days of [from, to] in runs sharing one UTC offset in `timeZone` (a new run starts at each
 * daylight-saving change), so a due day's end can be placed exactly with a handful of cases. A
 * switch happens in the small hours, so the offset on a day's afternoon is the one at its end.
 */
export function offsetRuns(
  from: IsoDate,
  to: IsoDate,
  timeZone: string,
): { from: IsoDate; offsetMinutes: number }[] {
  const runs: { from: IsoDate; offsetMinutes: number }[] = [];
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    const offsetMinutes = utcOffsetMinutes(timeZone, day);
    if (runs.at(-1)?.offsetMinutes !== offsetMinutes) runs.push({ from: day, offsetMinutes });
  }
  return runs;
}

/**
 * The instant `date` begins in `timeZone`, written as timestamps are stored (ISO, UTC). Clocks
 * change in the small hours, after midnight, so the offset in force at midnight is the one of the
 * day before's afternoon.
 */
export function dayStartInstant(date: IsoDate, timeZone: string): string {
  const offset = utcOffsetMinutes(timeZone, addCalendarDays(date, -1));
  return new Date(Date.parse(`${date}T00:00:00Z`) - offset * 60_000).toISOString();
}

/**
 * The days from..to of the workspace's calendar as stored instants: a timestamp column compared
 * `>= start AND < end` as text covers exactly those days in that zone (not UTC days) and can still
 * use an index (a substr() of the column could not).
 */
export function dayRangeInstants(
  from: IsoDate,
  to: IsoDate,
  timeZone: string,
): { start: string; end: string } {
  return {
    start: dayStartInstant(from, timeZone),
    end: dayStartInstant(addCalendarDays(to, 1), timeZone),
  };
}
