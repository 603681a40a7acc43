import { describe, expect, it } from 'vitest';
import { dueSoonWindow, isDigestTime, isoWeekKey, localClock, triageIsLate, weekOf } from './rules';

// 2026-12-04 is a Friday; 2026-12-07 a Monday; 2026-12-25 a holiday in these cases.
const cal = { weekendDays: [0, 6], holidays: ['2026-12-25'] };
const NY = 'America/New_York';

describe('R31 triage reminder: one full business day after submission', () => {
  it.each([
    ['Mon 09:00 → not yet Tue 08:59', '2026-11-30T14:00:00Z', '2026-12-01T13:59:00Z', false],
    ['Mon 09:00 → late Tue 09:00', '2026-11-30T14:00:00Z', '2026-12-01T14:00:00Z', true],
    ['Fri 16:00 → not late Sat or Sun', '2026-12-04T21:00:00Z', '2026-12-06T22:00:00Z', false],
    ['Fri 16:00 → not late Mon 15:59', '2026-12-04T21:00:00Z', '2026-12-07T20:59:00Z', false],
    ['Fri 16:00 → late Mon 16:00', '2026-12-04T21:00:00Z', '2026-12-07T21:00:00Z', true],
    ['Sat 10:00 → not late Mon 23:59', '2026-12-05T15:00:00Z', '2026-12-08T04:59:00Z', false],
    ['Sat 10:00 → late Tue 00:00', '2026-12-05T15:00:00Z', '2026-12-08T05:00:00Z', true],
    [
      'Thu 24 Dec 10:00 → holiday skipped, Mon 28th',
      '2026-12-24T15:00:00Z',
      '2026-12-26T16:00:00Z',
      false,
    ],
    [
      'Thu 24 Dec 10:00 → late Mon 28 Dec 10:00',
      '2026-12-24T15:00:00Z',
      '2026-12-28T15:00:00Z',
      true,
    ],
    [
      'Mon 23:59 local is Tue in UTC: local wall clock wins',
      '2026-12-01T04:59:00Z',
      '2026-12-01T14:00:00Z',
      false,
    ],
  ])('%s', (_name, submitted, now, late) => {
    expect(triageIsLate(new Date(submitted), new Date(now), NY, cal)).toBe(late);
  });
});

describe('R31 due-tomorrow window covers the next business day', () => {
  it.each([
    ['Thursday → Friday', '2026-12-03', { from: '2026-12-04', to: '2026-12-04' }],
    ['Friday → through Monday', '2026-12-04', { from: '2026-12-05', to: '2026-12-07' }],
    [
      'before a holiday → through the day after',
      '2026-12-24',
      { from: '2026-12-25', to: '2026-12-28' },
    ],
  ])('%s', (_name, today, window) => {
    expect(dueSoonWindow(today, cal)).toEqual(window);
  });
});

describe('weekly digest timing and week keys', () => {
  it.each([
    ['Monday 08:00 New York', '2026-12-07T13:00:00Z', NY, true],
    ['Monday 07:59 New York', '2026-12-07T12:59:00Z', NY, false],
    ['Monday 08:00 UTC is still Monday 03:00 in New York', '2026-12-07T08:00:00Z', NY, false],
    ['Monday 08:00 in Tokyo is Sunday in UTC', '2026-12-06T23:00:00Z', 'Asia/Tokyo', true],
    ['Tuesday', '2026-12-08T13:00:00Z', NY, false],
    [
      'Monday after a DST change (Europe, 30 Mar 2026)',
      '2026-03-30T06:00:00Z',
      'Europe/Berlin',
      true,
    ],
  ])('%s', (_name, now, tz, expected) => {
    expect(isDigestTime(new Date(now), tz)).toBe(expected);
  });

  it.each([
    ['2026-12-07', '2026-W50'],
    ['2026-12-06', '2026-W49'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
  ])('%s is in %s', (date, key) => {
    expect(isoWeekKey(date)).toBe(key);
  });

  it('weekOf gives Monday to Sunday', () => {
    expect(weekOf('2026-12-09')).toEqual({ monday: '2026-12-07', sunday: '2026-12-13' });
    expect(weekOf('2026-12-13')).toEqual({ monday: '2026-12-07', sunday: '2026-12-13' });
  });

  it('localClock reads the wall clock in a zone', () => {
    expect(localClock(new Date('2026-12-07T13:05:00Z'), NY)).toEqual({
      date: '2026-12-07',
      minutes: 8 * 60 + 5,
    });
  });
});
