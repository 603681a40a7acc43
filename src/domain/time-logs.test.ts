import { describe, expect, it } from 'vitest';
import {
  minutesFromHours,
  reviewTimeLog,
  type TimeLogStatus,
  timeAmountMinor,
  weeklyLoad,
  weekOf,
} from './time-logs';

describe('minutesFromHours (R28)', () => {
  it.each<[number, number]>([
    [0.25, 15],
    [0.5, 30],
    [1, 60],
    [1.75, 105],
    [7.5, 450],
    [24, 1440],
  ])('R28 %s h is %s minutes', (hours, minutes) => {
    expect(minutesFromHours(hours)).toBe(minutes);
  });

  it.each([0, -1, 0.1, 1.3, Number.NaN, Number.POSITIVE_INFINITY])(
    'R28 refuses %s hours (quarter steps only)',
    (hours) => {
      expect(() => minutesFromHours(hours)).toThrow(RangeError);
    },
  );
});

describe('weekOf', () => {
  it.each<[string, string, string]>([
    ['2026-11-30', '2026-11-30', '2026-12-06'], // a Monday
    ['2026-12-06', '2026-11-30', '2026-12-06'], // a Sunday ends the week
    ['2026-12-31', '2026-12-28', '2027-01-03'], // across the year end
    ['2028-02-29', '2028-02-28', '2028-03-05'], // leap day
  ])('%s is in the week %s to %s', (day, start, end) => {
    expect(weekOf(day)).toEqual({ start, end });
  });
});

describe('reviewTimeLog (R28)', () => {
  it.each<[TimeLogStatus, 'approve' | 'reject', TimeLogStatus | null]>([
    ['pending', 'approve', 'approved'],
    ['pending', 'reject', 'rejected'],
    ['approved', 'reject', null],
    ['approved', 'approve', null],
    ['rejected', 'approve', null],
  ])('R28 %s time can %s: %s', (from, action, to) => {
    const r = reviewTimeLog(from, action);
    expect(r.ok ? r.to : null).toBe(to);
  });
});

describe('timeAmountMinor (R28)', () => {
  it.each<[number, number, number]>([
    [60, 4500, 4500],
    [15, 4500, 1125],
    [150, 4500, 11250],
    // $38.33/h for 20 minutes = 1277.666… cents → 1278 (half away from zero per line)
    [20, 3833, 1278],
    [45, 3333, 2500], // 2499.75 → 2500
  ])('R28 %s minutes at %s/h is %s', (minutes, rate, amount) => {
    expect(timeAmountMinor(minutes, rate)).toBe(amount);
  });
});

describe('weeklyLoad (R28)', () => {
  it.each<[number, number | null, number | null, boolean]>([
    [0, 30, 0, false],
    [1800, 30, 1, false],
    [1815, 30, 1815 / 1800, true],
    [600, null, null, false],
    [600, 0, null, false],
  ])('R28 %s minutes against %s h', (minutes, cap, share, over) => {
    expect(weeklyLoad(minutes, cap)).toEqual({ minutes, share, over });
  });
});
