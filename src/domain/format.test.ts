import { describe, expect, it } from 'vitest';
import { formatDateRange, formatDayMonth, formatDayMonthYear } from './format';

describe('formatDayMonth / formatDayMonthYear', () => {
  it.each([
    ['1970-01-01', 'Thu 1 Jan', 'Thu 1 Jan 1970'],
    ['2028-02-29', 'Tue 29 Feb', 'Tue 29 Feb 2028'],
    ['2026-12-31', 'Thu 31 Dec', 'Thu 31 Dec 2026'],
    ['2027-01-01', 'Fri 1 Jan', 'Fri 1 Jan 2027'],
    ['2026-12-04', 'Fri 4 Dec', 'Fri 4 Dec 2026'],
    ['2026-10-25', 'Sun 25 Oct', 'Sun 25 Oct 2026'],
  ])('R11 messages show %s as "%s" / "%s"', (date, short, long) => {
    expect(formatDayMonth(date)).toBe(short);
    expect(formatDayMonthYear(date)).toBe(long);
  });

  it.each(['2026-02-30', '2026-13-01', '4 Dec', ''])(
    'R11 messages refuse to format "%s", which is not a calendar date',
    (date) => {
      expect(() => formatDayMonth(date)).toThrow(RangeError);
      expect(() => formatDayMonthYear(date)).toThrow(RangeError);
    },
  );
});

describe('formatDateRange', () => {
  it.each([
    ['2026-12-08', '2026-12-08', 'Tue 8 Dec'],
    ['2026-12-07', '2026-12-09', '7–9 Dec'],
    ['2026-11-30', '2026-12-02', '30 Nov – 2 Dec'],
    ['2026-12-30', '2027-01-02', '30 Dec 2026 – 2 Jan 2027'],
  ])('R8 unavailability %s to %s reads "%s"', (start, end, text) => {
    expect(formatDateRange(start, end)).toBe(text);
  });
});
