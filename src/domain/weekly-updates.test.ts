import { describe, expect, it } from 'vitest';
import {
  lastWeekStart,
  missingForWeek,
  missingWeeklyUpdates,
  mondayOf,
  type WeeklyContractor,
} from './weekly-updates';

/** Table rows keyed by their label, so titles read in full. */
const cases = <T extends { label: string }>(rows: T[]): [string, T][] =>
  rows.map((row) => [row.label, row]);

// Week of Mon 16 Nov 2026 – Sun 22 Nov; the next Monday is 23 Nov.
const LAST_WEEK = '2026-11-16';
const ana: WeeklyContractor = { id: 'ana', status: 'active', activeSince: '2026-01-05' };
const ben: WeeklyContractor = { id: 'ben', status: 'active', activeSince: '2026-01-05' };

describe('mondayOf and lastWeekStart', () => {
  it.each([
    ['2026-11-23', '2026-11-23', '2026-11-16'], // Monday
    ['2026-11-22', '2026-11-16', '2026-11-09'], // Sunday belongs to the week before
    ['2026-11-25', '2026-11-23', '2026-11-16'], // Wednesday
    ['2027-01-01', '2026-12-28', '2026-12-21'], // across a year end
    ['2028-03-01', '2028-02-28', '2028-02-21'], // leap year
  ])('%s is in the week of %s; the week over is %s', (day, monday, last) => {
    expect(mondayOf(day)).toBe(monday);
    expect(lastWeekStart(day)).toBe(last);
  });
});

describe('R25 missingWeeklyUpdates: the Monday boundary in the workspace time zone', () => {
  it.each(
    cases([
      {
        label: 'Sunday 23:30 in New York (Monday 04:30 UTC): last week is still running',
        now: '2026-11-23T04:30:00Z',
        tz: 'America/New_York',
        week: '2026-11-09',
        missing: ['ben'],
      },
      {
        label: 'Monday 00:30 in New York: the week of 16 Nov is over and Ben missed it',
        now: '2026-11-23T05:30:00Z',
        tz: 'America/New_York',
        week: LAST_WEEK,
        missing: ['ben'],
      },
      {
        label: 'Monday 00:00 UTC exactly: flagged from the first minute',
        now: '2026-11-23T00:00:00Z',
        tz: 'UTC',
        week: LAST_WEEK,
        missing: ['ben'],
      },
      {
        label: 'Sunday 23:59 UTC: not yet',
        now: '2026-11-22T23:59:00Z',
        tz: 'UTC',
        week: '2026-11-09',
        missing: ['ben'],
      },
      {
        label: "Monday 00:00 in Manila (Sunday 16:00 UTC): Manila's Monday counts",
        now: '2026-11-23T00:00:00+08:00',
        tz: 'Asia/Manila',
        week: LAST_WEEK,
        missing: ['ben'],
      },
      {
        label: 'Wednesday: last week stays flagged all week',
        now: '2026-11-25T15:00:00Z',
        tz: 'Europe/Berlin',
        week: LAST_WEEK,
        missing: ['ben'],
      },
    ]),
  )('%s', (_label, row) => {
    // Ana posted for both weeks; Ben for neither.
    const updates = [
      { contractorId: 'ana', weekStart: '2026-11-09' },
      { contractorId: 'ana', weekStart: LAST_WEEK },
    ];
    const result = missingWeeklyUpdates([ana, ben], updates, new Date(row.now), row.tz);
    expect(result.weekStart).toBe(row.week);
    expect(result.missing.map((c) => c.id)).toEqual(row.missing);
  });
});

describe('R25 missingForWeek: who owes an update', () => {
  const today = '2026-11-23';
  it.each(
    cases([
      {
        label: 'a paused contractor is never flagged',
        c: { id: 'p', status: 'paused', activeSince: '2026-01-05' },
        week: LAST_WEEK,
        flagged: false,
      },
      {
        label: 'an offboarded contractor is never flagged',
        c: { id: 'o', status: 'offboarded', activeSince: '2026-01-05' },
        week: LAST_WEEK,
        flagged: false,
      },
      {
        label: 'a contractor on trial owes nothing yet',
        c: { id: 't', status: 'trial', activeSince: '2026-01-05' },
        week: LAST_WEEK,
        flagged: false,
      },
      {
        label: 'activated Wednesday 18 Nov: not flagged for that week',
        c: { id: 'w', status: 'active', activeSince: '2026-11-18' },
        week: LAST_WEEK,
        flagged: false,
      },
      {
        label: 'activated Wednesday 18 Nov: not flagged for earlier weeks',
        c: { id: 'w', status: 'active', activeSince: '2026-11-18' },
        week: '2026-11-09',
        flagged: false,
      },
      {
        label: 'activated on the Monday the week starts: flagged',
        c: { id: 'm', status: 'active', activeSince: LAST_WEEK },
        week: LAST_WEEK,
        flagged: true,
      },
      {
        label: 'activated the Sunday before: flagged',
        c: { id: 's', status: 'active', activeSince: '2026-11-15' },
        week: LAST_WEEK,
        flagged: true,
      },
      {
        label: 'the current week is never flagged while it runs',
        c: { id: 'c', status: 'active', activeSince: '2026-01-05' },
        week: '2026-11-23',
        flagged: false,
      },
    ]),
  )('%s', (_label, row) => {
    const missing = missingForWeek([row.c], [], row.week, today);
    expect(missing.length > 0).toBe(row.flagged);
  });

  it('an update for another week does not count for this one', () => {
    const missing = missingForWeek(
      [ana],
      [{ contractorId: 'ana', weekStart: '2026-11-09' }],
      LAST_WEEK,
      today,
    );
    expect(missing.map((c) => c.id)).toEqual(['ana']);
  });
});
