import { describe, expect, it } from 'vitest';
import { currentMonth, isMonth, monthLabel, shiftMonth } from './board-month';

describe('board month', () => {
  it.each<[string, number, string]>([
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-11', 0, '2026-11'],
    ['2026-03', -14, '2025-01'],
  ])('shiftMonth(%s, %i) is %s across year ends', (month, by, expected) => {
    expect(shiftMonth(month, by)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['2026-11', true],
    ['2026-13', false],
    ['2026-1', false],
    ['', false],
    ['2026-11-01', false],
  ])('isMonth(%j) is %s', (value, expected) => {
    expect(isMonth(value)).toBe(expected);
  });

  it('the current month is the workspace time zone’s, not UTC’s, at a month end', () => {
    const now = new Date('2026-11-30T23:30:00Z');
    expect(currentMonth('UTC', now)).toBe('2026-11');
    expect(currentMonth('Europe/Berlin', now)).toBe('2026-12');
    expect(currentMonth('America/Los_Angeles', new Date('2026-12-01T05:00:00Z'))).toBe('2026-11');
  });

  it('labels a month in words', () => {
    expect(monthLabel('2026-11')).toBe('November 2026');
  });
});
