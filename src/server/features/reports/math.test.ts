import { describe, expect, it } from 'vitest';
import {
  defaultRange,
  effectiveCapacity,
  median,
  monthsBetween,
  offsetRuns,
  quarterOf,
  rate,
  unavailableWeekdays,
  utcOffsetMinutes,
  weekStarts,
} from './math';

describe('R32 report arithmetic', () => {
  it.each([
    [3, 4, 0.75],
    [0, 5, 0],
    [0, 0, null],
  ])('rate(%i, %i) = %s', (count, total, expected) => {
    expect(rate(count, total)).toBe(expected);
  });

  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    ['2026-01', '2026-Q1'],
    ['2026-03', '2026-Q1'],
    ['2026-04', '2026-Q2'],
    ['2026-12', '2026-Q4'],
  ])('quarterOf(%s) = %s', (month, q) => {
    expect(quarterOf(month)).toBe(q);
  });

  it.each([
    ['2025-11-15', '2026-02-01', ['2025-11', '2025-12', '2026-01', '2026-02']],
    ['2026-05-01', '2026-05-31', ['2026-05']],
    ['2026-06-01', '2026-05-31', []],
  ])('monthsBetween(%s, %s)', (from, to, expected) => {
    expect(monthsBetween(from, to)).toEqual(expected);
  });

  it.each([
    ['2026-11-25', { from: '2026-06-01', to: '2026-11-30' }],
    ['2026-03-10', { from: '2025-10-01', to: '2026-03-31' }],
    ['2026-12-31', { from: '2026-07-01', to: '2026-12-31' }],
  ])('defaultRange(%s)', (today, expected) => {
    expect(defaultRange(today)).toEqual(expected);
  });

  it('weekStarts begins on the Monday of the first week', () => {
    expect(weekStarts('2026-11-25', 3)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
  });

  it.each([
    [[], 0],
    [[{ start: '2026-11-20', end: '2026-11-24' }], 2],
    [[{ start: '2026-11-28', end: '2026-12-10' }], 0],
    [[{ start: '2026-11-01', end: '2026-12-31' }], 5],
    [
      [
        { start: '2026-11-23', end: '2026-11-23' },
        { start: '2026-11-27', end: '2026-11-29' },
      ],
      2,
    ],
  ])('unavailableWeekdays in the week of 2026-11-23 with %j is %i', (ranges, expected) => {
    expect(unavailableWeekdays('2026-11-23', ranges)).toBe(expected);
  });

  it.each([
    [10, 0, 10],
    [10, 2, 6],
    [7, 1, 5.6],
    [10, 5, 0],
  ])('effectiveCapacity(%i, %i) = %s', (weekly, off, expected) => {
    expect(effectiveCapacity(weekly, off)).toBe(expected);
  });
});

describe('utcOffsetMinutes', () => {
  it.each([
    ['UTC', '2026-01-15', 0],
    ['America/New_York', '2026-01-15', -300],
    ['America/New_York', '2026-07-15', -240],
    ['Asia/Kolkata', '2026-07-15', 330],
    ['Europe/Berlin', '2026-01-15', 60],
  ])('%s on %s is %i minutes', (tz, date, expected) => {
    expect(utcOffsetMinutes(tz, date)).toBe(expected);
  });
});

describe('offsetRuns', () => {
  it('starts a new run on the day daylight saving time begins or ends (New York, 2026)', () => {
    expect(offsetRuns('2026-03-01', '2026-11-30', 'America/New_York')).toEqual([
      { from: '2026-03-01', offsetMinutes: -300 },
      { from: '2026-03-08', offsetMinutes: -240 },
      { from: '2026-11-01', offsetMinutes: -300 },
    ]);
  });
  it('is one run in a zone without daylight saving time', () => {
    expect(offsetRuns('2026-01-01', '2026-12-31', 'Asia/Kolkata')).toEqual([
      { from: '2026-01-01', offsetMinutes: 330 },
    ]);
  });
});
