/**
 * English date labels for rule messages ("Fri 4 Dec"). They are computed from the ISO date itself,
 * never through Intl with a time zone, so a due date reads the same for everyone.
 */
import { type IsoDate, toEpochDay, weekdayOf } from './calendar';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

// toEpochDay validates the date (throws on 2026-02-30), so the slicing below is safe.
function partsOf(date: IsoDate): DateParts {
  toEpochDay(date);
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** 'Fri 4 Dec' for '2026-12-04'. */
export function formatDayMonth(date: IsoDate): string {
  const { month, day } = partsOf(date);
  return `${WEEKDAYS[weekdayOf(date)]} ${day} ${MONTHS[month - 1]}`;
}

/** 'Fri 4 Dec 2026' for '2026-12-04'. */
export function formatDayMonthYear(date: IsoDate): string {
  return `${formatDayMonth(date)} ${partsOf(date).year}`;
}

/**
 * A compact inclusive range: 'Tue 8 Dec' for a single day, else without weekdays: '7–9 Dec',
 * '30 Nov – 2 Dec', '30 Dec 2026 – 2 Jan 2027' (years only when the range crosses one).
 */
export function formatDateRange(start: IsoDate, end: IsoDate): string {
  const a = partsOf(start);
  const b = partsOf(end);
  const mon = (p: DateParts) => MONTHS[p.month - 1];
  if (start === end) return formatDayMonth(start);
  if (a.year !== b.year) return `${a.day} ${mon(a)} ${a.year} – ${b.day} ${mon(b)} ${b.year}`;
  if (a.month !== b.month) return `${a.day} ${mon(a)} – ${b.day} ${mon(b)}`;
  return `${a.day}–${b.day} ${mon(b)}`;
}

/** 'Fri 4 Dec' when `date` is in the same year as `reference`, else 'Mon 4 Jan 2027'. */
export function formatDayMonthNear(date: IsoDate, reference: IsoDate): string {
  return date.slice(0, 4) === reference.slice(0, 4)
    ? formatDayMonth(date)
    : formatDayMonthYear(date);
}

/** An English list: 'a', 'a and b', 'a, b and c'. */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
