import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from './calendar';
import { revisionNoticeVerdict } from './revision-notice';
import { replanAfterLateRevision } from './revision-replan';
import { revisionRoundVerdict } from './revision-rounds';

const cases = <T extends { label: string }>(rows: T[]): [string, T][] =>
  rows.map((row) => [row.label, row]);

const plain: WorkCalendar = { weekendDays: [0, 6], holidays: [] };
const xmas: WorkCalendar = { weekendDays: [0, 6], holidays: ['2026-12-25', '2027-01-01'] };

describe('replanAfterLateRevision (R22 with R8)', () => {
  it.each(
    cases([
      {
        label: 'keeps a business day asked for and puts QA on the next one',
        asked: '2026-12-08',
        taskDue: '2026-12-04',
        qaDays: 1,
        cal: plain,
        away: [],
        final: '2026-12-08',
        qaStart: '2026-12-09',
        qaDue: '2026-12-09',
        due: '2026-12-09',
        notes: 0,
      },
      {
        label: 'moves a Saturday to Monday and QA over the weekend',
        asked: '2026-12-05',
        taskDue: '2026-12-04',
        qaDays: 1,
        cal: plain,
        away: [],
        final: '2026-12-07',
        qaStart: '2026-12-08',
        qaDue: '2026-12-08',
        due: '2026-12-08',
        notes: 1,
      },
      {
        label: 'skips the contractor’s time away',
        asked: '2026-12-08',
        taskDue: '2026-12-04',
        qaDays: 2,
        cal: plain,
        away: [{ start: '2026-12-08', end: '2026-12-10' }],
        final: '2026-12-11',
        qaStart: '2026-12-14',
        qaDue: '2026-12-15',
        due: '2026-12-15',
        notes: 2,
      },
      {
        label: 'skips holidays across the year end',
        asked: '2026-12-24',
        taskDue: '2026-12-23',
        qaDays: 2,
        cal: xmas,
        away: [],
        final: '2026-12-24',
        qaStart: '2026-12-28',
        qaDue: '2026-12-29',
        due: '2026-12-29',
        notes: 0,
      },
      {
        label: 'never moves the task due date earlier',
        asked: '2026-12-08',
        taskDue: '2026-12-18',
        qaDays: 1,
        cal: plain,
        away: [],
        final: '2026-12-08',
        qaStart: '2026-12-09',
        qaDue: '2026-12-09',
        due: '2026-12-18',
        notes: 0,
      },
    ]),
  )('%s', (_label, c) => {
    const r = replanAfterLateRevision({
      requestedFinalDue: c.asked,
      currentTaskDue: c.taskDue,
      qaDays: c.qaDays,
      calendar: c.cal,
      unavailable: c.away,
      today: '2026-12-01',
    });
    expect(r).toMatchObject({
      finalDue: c.final,
      qaStart: c.qaStart,
      qaDue: c.qaDue,
      taskDue: c.due,
    });
    expect(r.notes).toHaveLength(c.notes);
  });

  it('refuses a QA length below one day and a contractor away for over a year', () => {
    const base = {
      requestedFinalDue: '2026-12-08',
      currentTaskDue: '2026-12-04',
      calendar: plain,
      today: '2026-12-01',
    };
    expect(() => replanAfterLateRevision({ ...base, qaDays: 0, unavailable: [] })).toThrow(
      RangeError,
    );
    expect(() =>
      replanAfterLateRevision({
        ...base,
        qaDays: 1,
        unavailable: [{ start: '2026-12-01', end: '2028-06-01' }],
      }),
    ).toThrow(/no working day/);
  });

  it('a date at the earliest compliant due date of a late request gives enough notice once moved', () => {
    const late = revisionNoticeVerdict({
      requestedOn: '2026-12-03',
      affectedDueDate: '2026-12-04',
      calendar: plain,
    });
    expect(late.status).toBe('late');
    const moved = replanAfterLateRevision({
      requestedFinalDue: late.earliestCompliantDueDate,
      currentTaskDue: '2026-12-07',
      qaDays: 1,
      calendar: plain,
      unavailable: [],
      today: '2026-12-03',
    });
    const again = revisionNoticeVerdict({
      requestedOn: '2026-12-03',
      affectedDueDate: moved.finalDue,
      calendar: plain,
    });
    expect(again.status).toBe('ok');
  });
});

describe('revision rounds as the workflow counts them (R21)', () => {
  it.each(
    cases([
      { label: 'first round of one included', included: 1, used: 0, tweak: false, n: 1, ap: false },
      {
        label: 'second round of one needs approval',
        included: 1,
        used: 1,
        tweak: false,
        n: 2,
        ap: true,
      },
      {
        label: 'a tweak never counts, even past the limit',
        included: 1,
        used: 3,
        tweak: true,
        n: null,
        ap: false,
      },
      {
        label: 'no rounds included: the first needs approval',
        included: 0,
        used: 0,
        tweak: false,
        n: 1,
        ap: true,
      },
    ]),
  )('%s', (_label, c) => {
    const v = revisionRoundVerdict({
      includedRounds: c.included,
      roundsUsed: c.used,
      strategistTweak: c.tweak,
    });
    expect(v.roundNumber).toBe(c.n);
    expect(v.needsApproval).toBe(c.ap);
    expect(v.counts).toBe(!c.tweak);
  });
});
