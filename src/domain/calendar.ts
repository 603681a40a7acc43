/**
 * Business-day calendar on ISO calendar dates ("2026-12-04").
 *
 * Due dates are calendar days in the workspace time zone, so every rule that counts days works on
 * plain dates: no instants, no DST. Converting "now" to the workspace's calendar day happens once,
 * in `calendarDayIn`.
 */

export type IsoDate = string;

/** Which days a workspace works on. Weekdays use JS numbering: 0 = Sunday … 6 = Saturday. */
export interface WorkCalendar {
  weekendDays: readonly number[];
  holidays: ReadonlySet<IsoDate> | readonly IsoDate[];
}

export const DEFAULT_WEEKEND: readonly number[] = [0, 6];

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses an ISO date to a UTC-midnight epoch day count; throws on anything that is not a real date. */
export function toEpochDay(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not an ISO date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCDate() !== Number(m[3]) || back.getUTCMonth() !== Number(m[2]) - 1) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return ms / DAY_MS;
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  try {
    toEpochDay(value);
    return true;
  } catch {
    return false;
  }
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function weekdayOf(date: IsoDate): number {
  return new Date(toEpochDay(date) * DAY_MS).getUTCDay();
}

function hasHoliday(cal: WorkCalendar, date: IsoDate): boolean {
  const h = cal.holidays;
  return h instanceof Set ? h.has(date) : (h as readonly IsoDate[]).includes(date);
}

export function isBusinessDay(date: IsoDate, cal: WorkCalendar): boolean {
  return !cal.weekendDays.includes(weekdayOf(date)) && !hasHoliday(cal, date);
}

/** Moves `count` business days from `date` (negative = backward). `date` itself is not counted. */
export function addBusinessDays(date: IsoDate, count: number, cal: WorkCalendar): IsoDate {
  let day = toEpochDay(date);
  const step = count < 0 ? -1 : 1;
  let left = Math.abs(count);
  while (left > 0) {
    day += step;
    if (isBusinessDay(fromEpochDay(day), cal)) left--;
  }
  return fromEpochDay(day);
}

/**
 * Business days strictly after `from` up to and including `to`: the notice a person gets when told
 * on `from` about something due on `to`. Zero or negative when `to` is not later.
 */
export function businessDaysBetween(from: IsoDate, to: IsoDate, cal: WorkCalendar): number {
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  if (b <= a) return -countBusiness(b, a, cal) || 0;
  return countBusiness(a, b, cal);
}

function countBusiness(a: number, b: number, cal: WorkCalendar): number {
  let n = 0;
  for (let d = a + 1; d <= b; d++) if (isBusinessDay(fromEpochDay(d), cal)) n++;
  return n;
}

/** The nearest business day on or before `date`. */
export function businessDayOnOrBefore(date: IsoDate, cal: WorkCalendar): IsoDate {
  let day = toEpochDay(date);
  while (!isBusinessDay(fromEpochDay(day), cal)) day--;
  return fromEpochDay(day);
}

/** The nearest business day on or after `date`. */
export function businessDayOnOrAfter(date: IsoDate, cal: WorkCalendar): IsoDate {
  let day = toEpochDay(date);
  while (!isBusinessDay(fromEpochDay(day), cal)) day++;
  return fromEpochDay(day);
}

/**
 * One day formatter per zone: building an Intl.DateTimeFormat costs far more than using one, and
 * this runs on every request that checks a lead time. Only valid zones get here (an unknown one
 * throws before it is kept), so the map holds at most the few hundred IANA zones.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar day an instant falls on in an IANA time zone (DST-safe: uses Intl, not offsets). */
export function calendarDayIn(instant: Date, timeZone: string): IsoDate {
  const parts = dayFormatIn(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** True for a valid IANA time zone name. */
export function isTimeZone(name: string): boolean {
  try {
    dayFormatIn(name);
    return true;
  } catch {
    return false;
  }
}
