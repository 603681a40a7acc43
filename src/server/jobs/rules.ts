import {
  addBusinessDays,
  addCalendarDays,
  businessDayOnOrAfter,
  calendarDayIn,
  type IsoDate,
  isBusinessDay,
  toEpochDay,
  type WorkCalendar,
  weekdayOf,
} from '../../domain/calendar';

/** Pure timing rules of the reminder jobs (R31). No I/O: unit-tested with tables of cases. */

/** Wall-clock date and minute of the day of an instant in a time zone. */
export function localClock(instant: Date, timeZone: string): { date: IsoDate; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { date: calendarDayIn(instant, timeZone), minutes: get('hour') * 60 + get('minute') };
}

const beforeOrAt = (
  a: { date: IsoDate; minutes: number },
  b: { date: IsoDate; minutes: number },
): boolean => a.date < b.date || (a.date === b.date && a.minutes <= b.minutes);

/**
 * R31 "waiting for triage": a request is late once one full business day has gone by since it
 * was submitted, in the workspace's calendar and wall clock. Submitted Monday 09:00 → Tuesday
 * 09:00; Friday 16:00 → Monday 16:00; on a weekend or holiday the clock starts on the next
 * business day, so Saturday → end of Monday.
 */
export function triageIsLate(
  submittedAt: Date,
  now: Date,
  timeZone: string,
  cal: WorkCalendar,
): boolean {
  const sent = localClock(submittedAt, timeZone);
  const deadline = isBusinessDay(sent.date, cal)
    ? { date: addBusinessDays(sent.date, 1, cal), minutes: sent.minutes }
    : { date: addCalendarDays(businessDayOnOrAfter(sent.date, cal), 1), minutes: 0 };
  return beforeOrAt(deadline, localClock(now, timeZone));
}

/**
 * The dates "due tomorrow" covers on `today`: every day after today up to and including the next
 * business day, so on a Friday the Monday work is announced (and weekend dates with it).
 */
export function dueSoonWindow(today: IsoDate, cal: WorkCalendar): { from: IsoDate; to: IsoDate } {
  return { from: addCalendarDays(today, 1), to: addBusinessDays(today, 1, cal) };
}

/** The Monday and Sunday of the week `date` is in. */
export function weekOf(date: IsoDate): { monday: IsoDate; sunday: IsoDate } {
  const back = (weekdayOf(date) + 6) % 7;
  const monday = addCalendarDays(date, -back);
  return { monday, sunday: addCalendarDays(monday, 6) };
}

/** ISO-8601 week label of a date, e.g. '2026-W49' (weeks start Monday; week 1 has a Thursday). */
export function isoWeekKey(date: IsoDate): string {
  const thursday = addCalendarDays(weekOf(date).monday, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toEpochDay(thursday) - toEpochDay(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const DIGEST_MINUTE_OF_DAY = 8 * 60;

/**
 * The weekly digest goes out on Monday from 08:00 in the person's time zone; an hourly job that
 * missed 08:00 (a restart) still sends it later that Monday, once (the dedupe key is the week).
 */
export function isDigestTime(now: Date, timeZone: string): boolean {
  const local = localClock(now, timeZone);
  return weekdayOf(local.date) === 1 && local.minutes >= DIGEST_MINUTE_OF_DAY;
}
