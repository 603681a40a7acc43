import { describe, expect, it } from 'vitest';
import { type LeadTimeInput, leadTimeVerdict } from './lead-time';

/** Table rows keyed by their label, so titles read in full (`$label` would quote and truncate). */
const cases = <T extends { label: string }>(rows: T[]): [string, T][] =>
  rows.map((row) => [row.label, row]);

const OVERRIDE = 'A coordinator can override with a reason.';
const NEED_7 = "requests need at least 7 calendar days' notice.";
const NEED_CAL = 'content calendars need 14 days of production.';

function verdict(submittedAt: string, dueDate: string, extra: Partial<LeadTimeInput> = {}) {
  return leadTimeVerdict({
    submittedAt: new Date(submittedAt),
    dueDate,
    timeZone: 'UTC',
    includesContentCalendar: false,
    ...extra,
  });
}

describe('leadTimeVerdict: day-count boundaries (due Fri 4 Dec 2026, UTC)', () => {
  it.each(
    cases([
      {
        label: 'refuses a request due the same day, without override',
        at: '2026-12-04T08:00:00Z',
        days: 0,
        status: 'refused',
        override: false,
        message: 'Due Fri 4 Dec is today: choose a due date at least 7 calendar days away.',
      },
      {
        label: 'refuses a request whose due date has passed, without override',
        at: '2026-12-07T08:00:00Z',
        days: -3,
        status: 'refused',
        override: false,
        message:
          'Due Fri 4 Dec has already passed: choose a due date at least 7 calendar days away.',
      },
      {
        label: 'refuses a request 1 day before due',
        at: '2026-12-03T23:59:00Z',
        days: 1,
        status: 'refused',
        override: true,
        message: `Due Fri 4 Dec is tomorrow: ${NEED_7} ${OVERRIDE}`,
      },
      {
        label: 'refuses a request 6 days before due',
        at: '2026-11-28T00:00:00Z',
        days: 6,
        status: 'refused',
        override: true,
        message: `Due Fri 4 Dec is 6 days away: ${NEED_7} ${OVERRIDE}`,
      },
      {
        label: 'accepts with a warning a request 7 days before due',
        at: '2026-11-27T23:59:00Z',
        days: 7,
        status: 'warning',
        override: false,
        message: "Due Fri 4 Dec is 7 days away: accepted, but 14 days' notice is preferred.",
      },
      {
        label: 'accepts with a warning a request 13 days before due',
        at: '2026-11-21T12:00:00Z',
        days: 13,
        status: 'warning',
        override: false,
        message: "Due Fri 4 Dec is 13 days away: accepted, but 14 days' notice is preferred.",
      },
      {
        label: 'accepts a request 14 days before due',
        at: '2026-11-20T12:00:00Z',
        days: 14,
        status: 'ok',
        override: false,
        message: 'Due Fri 4 Dec is 14 days away: enough notice.',
      },
      {
        label: 'accepts a request 60 days before due',
        at: '2026-10-05T12:00:00Z',
        days: 60,
        status: 'ok',
        override: false,
        message: 'Due Fri 4 Dec is 60 days away: enough notice.',
      },
    ]),
  )('R11 %s', (_label, { at, days, status, override, message }) => {
    expect(verdict(at, '2026-12-04')).toEqual({
      status,
      leadDays: days,
      rule: 'R11',
      message,
      needsOverride: override,
    });
  });
});

describe('leadTimeVerdict: the submission day is taken in the workspace time zone', () => {
  it.each(
    cases([
      {
        label: 'counts 23:30 Fri in Los Angeles as Friday although UTC is Saturday',
        at: '2026-11-28T07:30:00Z',
        tz: 'America/Los_Angeles',
        due: '2026-12-04',
        days: 7,
        status: 'warning',
      },
      {
        label: 'counts 00:30 Sat in Los Angeles as Saturday',
        at: '2026-11-28T08:30:00Z',
        tz: 'America/Los_Angeles',
        due: '2026-12-04',
        days: 6,
        status: 'refused',
      },
      {
        label: 'counts the same instant as Saturday in a UTC workspace',
        at: '2026-11-28T07:30:00Z',
        tz: 'UTC',
        due: '2026-12-04',
        days: 6,
        status: 'refused',
      },
      {
        label: 'counts 00:30 Sat in Tokyo as Saturday although UTC is still Friday',
        at: '2026-11-27T15:30:00Z',
        tz: 'Asia/Tokyo',
        due: '2026-12-04',
        days: 6,
        status: 'refused',
      },
      {
        label: 'counts 23:30 BST the night before London clocks go back as that day',
        at: '2026-10-24T22:30:00Z',
        tz: 'Europe/London',
        due: '2026-10-31',
        days: 7,
        status: 'warning',
      },
      {
        label: 'counts 00:30 BST on the London DST-change Sunday as Sunday',
        at: '2026-10-24T23:30:00Z',
        tz: 'Europe/London',
        due: '2026-10-31',
        days: 6,
        status: 'refused',
      },
      {
        label: 'counts 23:30 GMT after London clocks went back as that day',
        at: '2026-10-31T23:30:00Z',
        tz: 'Europe/London',
        due: '2026-11-14',
        days: 14,
        status: 'ok',
      },
      {
        label: 'counts 23:30 EDT Sat before New York clocks go back as Saturday',
        at: '2026-11-01T03:30:00Z',
        tz: 'America/New_York',
        due: '2026-11-07',
        days: 7,
        status: 'warning',
      },
      {
        label: 'counts the repeated 01:30 EST hour in New York as Sunday',
        at: '2026-11-01T06:30:00Z',
        tz: 'America/New_York',
        due: '2026-11-07',
        days: 6,
        status: 'refused',
      },
      {
        label: 'counts 23:30 EST a week after the New York change as that day',
        at: '2026-11-08T04:30:00Z',
        tz: 'America/New_York',
        due: '2026-11-21',
        days: 14,
        status: 'ok',
      },
      {
        label: 'counts 23:30 GMT before London clocks go forward as that day',
        at: '2026-03-28T23:30:00Z',
        tz: 'Europe/London',
        due: '2026-04-04',
        days: 7,
        status: 'warning',
      },
    ]),
  )('R11 %s', (_label, { at, tz, due, days, status }) => {
    const v = verdict(at, due, { timeZone: tz });
    expect(v.leadDays).toBe(days);
    expect(v.status).toBe(status);
  });
});

describe('leadTimeVerdict: month and year ends', () => {
  it.each(
    cases([
      { label: 'counts 7 days across a year end', at: '2026-12-28', due: '2027-01-04', days: 7 },
      { label: 'counts 6 days across a year end', at: '2026-12-29', due: '2027-01-04', days: 6 },
      { label: 'counts 7 days across a month end', at: '2026-11-30', due: '2026-12-07', days: 7 },
      { label: 'counts 29 Feb in a leap year', at: '2028-02-22', due: '2028-02-29', days: 7 },
      { label: 'counts no 29 Feb in 2027', at: '2027-02-22', due: '2027-03-01', days: 7 },
      { label: 'counts 14 days across a year end', at: '2026-12-21', due: '2027-01-04', days: 14 },
    ]),
  )('R11 %s', (_label, { at, due, days }) => {
    expect(verdict(`${at}T12:00:00Z`, due).leadDays).toBe(days);
  });

  it('R11 names the year when the due date is in the next one', () => {
    expect(verdict('2026-12-28T12:00:00Z', '2027-01-04').message).toBe(
      "Due Mon 4 Jan 2027 is 7 days away: accepted, but 14 days' notice is preferred.",
    );
    expect(verdict('2026-12-29T12:00:00Z', '2027-01-04').message).toBe(
      `Due Mon 4 Jan 2027 is 6 days away: ${NEED_7} ${OVERRIDE}`,
    );
  });
});

describe('leadTimeVerdict: content calendars need 14 days of production', () => {
  const calendar = { includesContentCalendar: true };
  it.each(
    cases([
      {
        label: 'refuses a content calendar 6 days before due, naming both limits',
        at: '2026-11-28',
        status: 'refused',
        override: true,
        message:
          "Due Fri 4 Dec is 6 days away: requests need at least 7 calendar days' notice, and " +
          `content calendars need 14 days of production. ${OVERRIDE}`,
      },
      {
        label: 'refuses a content calendar 7 days before due',
        at: '2026-11-27',
        status: 'refused',
        override: true,
        message: `Due Fri 4 Dec is 7 days away: ${NEED_CAL} ${OVERRIDE}`,
      },
      {
        label: 'refuses a content calendar 13 days before due',
        at: '2026-11-21',
        status: 'refused',
        override: true,
        message: `Due Fri 4 Dec is 13 days away: ${NEED_CAL} ${OVERRIDE}`,
      },
      {
        label: 'accepts a content calendar 14 days before due',
        at: '2026-11-20',
        status: 'ok',
        override: false,
        message: 'Due Fri 4 Dec is 14 days away: enough notice.',
      },
    ]),
  )('R11 %s', (_label, { at, status, override, message }) => {
    const v = verdict(`${at}T12:00:00Z`, '2026-12-04', calendar);
    expect(v).toMatchObject({ status, needsOverride: override, message });
  });

  it('R11 refuses a content calendar due today without override', () => {
    const v = verdict('2026-12-04T12:00:00Z', '2026-12-04', calendar);
    expect(v).toMatchObject({ status: 'refused', needsOverride: false, leadDays: 0 });
  });
});

describe('leadTimeVerdict: workspace policy and bad input', () => {
  it.each(
    cases([
      {
        label: 'uses a stricter minimum of 10 days',
        days: 9,
        opts: { minDays: 10 },
        st: 'refused',
      },
      {
        label: 'uses a preferred notice of 21 days',
        days: 20,
        opts: { preferredDays: 21 },
        st: 'warning',
      },
      {
        label: 'uses a content-calendar production time of 10 days',
        days: 10,
        opts: { includesContentCalendar: true, calendarProductionDays: 10 },
        st: 'warning',
      },
    ]),
  )('R11 %s', (_label, { days, opts, st }) => {
    const at = new Date(Date.UTC(2026, 11, 4 - days, 12)).toISOString();
    expect(verdict(at, '2026-12-04', opts).status).toBe(st);
  });

  it.each(
    cases([
      { label: 'an unknown time zone', extra: { timeZone: 'Mars/Olympus' } },
      { label: 'an invalid submission instant', extra: { submittedAt: new Date('nope') } },
      { label: 'a fractional minimum', extra: { minDays: 6.5 } },
      { label: 'a due date that is not a date', extra: { dueDate: '2026-02-30' } },
    ]),
  )('R11 throws on %s instead of judging it', (_label, { extra }) => {
    expect(() => verdict('2026-11-20T12:00:00Z', '2026-12-04', extra)).toThrow(RangeError);
  });
});
