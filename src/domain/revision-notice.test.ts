import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from './calendar';
import { revisionNoticeVerdict } from './revision-notice';

/** Table rows keyed by their label, so titles read in full (`$label` would quote and truncate). */
const cases = <T extends { label: string }>(rows: T[]): [string, T][] =>
  rows.map((row) => [row.label, row]);

const plain: WorkCalendar = { weekendDays: [0, 6], holidays: [] };
const withHolidays: WorkCalendar = {
  weekendDays: [0, 6],
  holidays: new Set(['2026-12-07', '2026-12-25', '2026-12-28', '2027-01-01']),
};

describe('revisionNoticeVerdict', () => {
  it.each(
    cases([
      {
        label: 'is late when requested on the due date itself',
        on: '2026-12-03',
        due: '2026-12-03',
        cal: plain,
        notice: 0,
        status: 'late',
        earliest: '2026-12-08',
      },
      {
        label: 'is late when the due date has already passed',
        on: '2026-12-03',
        due: '2026-12-01',
        cal: plain,
        notice: -2,
        status: 'late',
        earliest: '2026-12-08',
      },
      {
        label: 'is late with 1 business day of notice',
        on: '2026-12-02',
        due: '2026-12-03',
        cal: plain,
        notice: 1,
        status: 'late',
        earliest: '2026-12-07',
      },
      {
        label: 'is late with 2 business days of notice (Tue for Thu)',
        on: '2026-12-01',
        due: '2026-12-03',
        cal: plain,
        notice: 2,
        status: 'late',
        earliest: '2026-12-04',
      },
      {
        label: 'is ok with exactly 3 business days of notice (Mon for Thu)',
        on: '2026-11-30',
        due: '2026-12-03',
        cal: plain,
        notice: 3,
        status: 'ok',
        earliest: '2026-12-03',
      },
      {
        label: 'is ok across a weekend: requested Thu, due next Tue (3)',
        on: '2026-12-03',
        due: '2026-12-08',
        cal: plain,
        notice: 3,
        status: 'ok',
        earliest: '2026-12-08',
      },
      {
        label: 'is late across a weekend: requested Fri, due next Tue (2)',
        on: '2026-12-04',
        due: '2026-12-08',
        cal: plain,
        notice: 2,
        status: 'late',
        earliest: '2026-12-09',
      },
      {
        label: 'is ok when requested on a Saturday for the Wednesday (3)',
        on: '2026-12-05',
        due: '2026-12-09',
        cal: plain,
        notice: 3,
        status: 'ok',
        earliest: '2026-12-09',
      },
      {
        label: 'is late when a holiday eats a notice day: Thu for Tue with Mon off',
        on: '2026-12-03',
        due: '2026-12-08',
        cal: withHolidays,
        notice: 2,
        status: 'late',
        earliest: '2026-12-09',
      },
      {
        label: 'is ok over Christmas and New Year: Wed 23 Dec for Mon 4 Jan (5)',
        on: '2026-12-23',
        due: '2027-01-04',
        cal: withHolidays,
        notice: 5,
        status: 'ok',
        earliest: '2026-12-30',
      },
      {
        label: 'is ok over Christmas: Tue 22 Dec for Tue 29 Dec with 25 and 28 Dec off (3)',
        on: '2026-12-22',
        due: '2026-12-29',
        cal: withHolidays,
        notice: 3,
        status: 'ok',
        earliest: '2026-12-29',
      },
      {
        label: 'is late over Christmas: Thu 24 Dec for Wed 30 Dec (2)',
        on: '2026-12-24',
        due: '2026-12-30',
        cal: withHolidays,
        notice: 2,
        status: 'late',
        earliest: '2026-12-31',
      },
      {
        label: 'is ok with plenty of notice',
        on: '2026-11-02',
        due: '2026-12-03',
        cal: plain,
        notice: 23,
        status: 'ok',
        earliest: '2026-11-05',
      },
    ]),
  )('R22 %s', (_label, { on, due, cal, notice, status, earliest }) => {
    const v = revisionNoticeVerdict({ requestedOn: on, affectedDueDate: due, calendar: cal });
    expect(v).toMatchObject({
      status,
      noticeBusinessDays: notice,
      rule: 'R22',
      earliestCompliantDueDate: earliest,
    });
  });

  it.each(
    cases([
      {
        label: 'explains a late request and the date to move to',
        on: '2026-12-04',
        due: '2026-12-08',
        message:
          'A revision requested Fri 4 Dec leaves only 2 business days before the due date Tue 8 ' +
          "Dec: revisions need at least 3 business days' notice. Move the due date to Wed 9 Dec " +
          'or later, or have a coordinator override with a reason.',
      },
      {
        label: 'explains a request made after the due date',
        on: '2026-12-03',
        due: '2026-12-01',
        message:
          'The due date Tue 1 Dec had already passed when the revision was requested ' +
          '(Thu 3 Dec): ' +
          "revisions need at least 3 business days' notice. Move the due date to Tue 8 Dec or " +
          'later, or have a coordinator override with a reason.',
      },
      {
        label: 'names the year of a due date in the next year',
        on: '2026-12-30',
        due: '2027-01-04',
        message:
          'A revision requested Wed 30 Dec leaves 3 business days before the due date Mon 4 ' +
          'Jan 2027: enough notice.',
      },
      {
        label: 'confirms enough notice',
        on: '2026-12-03',
        due: '2026-12-08',
        message:
          'A revision requested Thu 3 Dec leaves 3 business days before the due date Tue 8 Dec: ' +
          'enough notice.',
      },
    ]),
  )('R22 %s', (_label, { on, due, message }) => {
    const v = revisionNoticeVerdict({ requestedOn: on, affectedDueDate: due, calendar: plain });
    expect(v.message).toBe(message);
  });

  it.each(
    cases([
      { label: 'R15 never accepts less than 3 days even if asked for 2', min: 2, status: 'late' },
      { label: 'R22 accepts 3 days under the default', min: undefined, status: 'ok' },
      { label: 'R22 honours a stricter workspace minimum of 4', min: 4, status: 'late' },
    ]),
  )('%s', (_label, { min, status }) => {
    const v = revisionNoticeVerdict({
      requestedOn: '2026-12-01',
      affectedDueDate: min === 2 ? '2026-12-03' : '2026-12-04',
      calendar: plain,
      minBusinessDays: min,
    });
    expect(v.status).toBe(status);
  });

  it('R22 earliest compliant due date skips weekends and uses the stricter minimum', () => {
    const v = revisionNoticeVerdict({
      requestedOn: '2026-12-03',
      affectedDueDate: '2026-12-08',
      calendar: plain,
      minBusinessDays: 5,
    });
    expect(v).toMatchObject({ status: 'late', earliestCompliantDueDate: '2026-12-10' });
  });
});
