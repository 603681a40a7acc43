import { describe, expect, it } from 'vitest';
import {
  dayRangeInstants,
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

describe('dayRangeInstants: report ranges are days of the workspace calendar, not UTC days', () => {
  it.each([
    ['UTC', '2026-01-10', '2026-01-31', '2026-01-10T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
    // New York in winter (UTC−5): the 31st ends at 05:00 UTC on the 1st.
    [
      'America/New_York',
      '2026-01-10',
      '2026-01-31',
      '2026-01-10T05:00:00.000Z',
      '2026-02-01T05:00:00.000Z',
    ],
    // Across the spring change (8 March 2026, 02:00): starts in EST, ends in EDT.
    [
      'America/New_York',
      '2026-03-08',
      '2026-03-08',
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
    ],
    // Across the autumn change (1 November 2026): the day has 25 hours.
    [
      'America/New_York',
      '2026-11-01',
      '2026-11-01',
      '2026-11-01T04:00:00.000Z',
      '2026-11-02T05:00:00.000Z',
    ],
    // Ahead of UTC: Tokyo's 1st begins on the 31st in UTC.
    [
      'Asia/Tokyo',
      '2026-02-01',
      '2026-02-28',
      '2026-01-31T15:00:00.000Z',
      '2026-02-28T15:00:00.000Z',
    ],
    // Half-hour zone.
    [
      'Asia/Kolkata',
      '2026-06-01',
      '2026-06-30',
      '2026-05-31T18:30:00.000Z',
      '2026-06-30T18:30:00.000Z',
    ],
  ])('%s %s..%s', (zone, from, to, start, end) => {
    expect(dayRangeInstants(from, to, zone)).toEqual({ start, end });
  });

  it('counts an instant late on the last day in the zone, and not one just after it', () => {
    const { start, end } = dayRangeInstants('2026-01-01', '2026-01-31', 'America/New_York');
    const inRange = (iso: string) => iso >= start && iso < end;
    expect(inRange('2026-02-01T04:30:00.000Z')).toBe(true); // 23:30 on the 31st in New York
    expect(inRange('2026-02-01T05:00:00.000Z')).toBe(false); // midnight: the 1st
    expect(inRange('2026-01-01T04:59:59.999Z')).toBe(false); // still 31 December there
  });
});
