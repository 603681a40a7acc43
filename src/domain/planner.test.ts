import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './calendar';
import { planSubtasks } from './planner';
import { cases, expectPlanRules, input, summary, yearEnd } from './planner.test-helpers';

const BASE = 'draft 12-09..12-11 · scrub 12-14 · revision 12-15..12-17 · final 12-17 · qa 12-18';

// Due Fri 18 Dec 2026, today Mon 30 Nov, 3 production days, weekends off, unless a row says so.
const feasibleRows = [
  {
    label: 'R14 plans the QA on a Saturday due date on the Friday before',
    over: { dueDate: '2026-12-19' },
    plan: BASE,
  },
  {
    label: 'R14 plans the QA on a Sunday due date on the Friday before',
    over: { dueDate: '2026-12-20' },
    plan: BASE,
  },
  {
    label: 'R14 lets the plan start today when it fits exactly',
    over: { today: '2026-12-09' },
    plan: BASE,
  },
  {
    label: 'R14 starts on Monday when today is a Saturday',
    over: { today: '2026-12-05', dueDate: '2026-12-14', productionDays: 1 },
    plan: 'draft 12-07 · scrub 12-08 · revision 12-09..12-11 · final 12-11 · qa 12-14',
  },
  { label: 'R14 plans a plain weekday due date backward on business days', over: {}, plan: BASE },
  {
    label: 'R14 skips a holiday on the scrub day',
    over: { calendar: { weekendDays: [0, 6], holidays: ['2026-12-14'] } },
    plan: 'draft 12-08..12-10 · scrub 12-11 · revision 12-15..12-17 · final 12-17 · qa 12-18',
  },
  {
    label: 'R14 plans on a Friday–Saturday weekend',
    over: { dueDate: '2026-12-17', calendar: { weekendDays: [5, 6], holidays: [] } },
    plan: 'draft 12-08..12-10 · scrub 12-13 · revision 12-14..12-16 · final 12-16 · qa 12-17',
  },
  {
    label: 'R8 starts the draft 1 business day earlier for 1 day away mid-production',
    over: { unavailable: [{ start: '2026-12-10', end: '2026-12-10' }] },
    plan: 'draft 12-08..12-11 · scrub 12-14 · revision 12-15..12-17 · final 12-17 · qa 12-18',
  },
  {
    label: 'R8 starts the draft 2 business days earlier for 2 days away mid-production',
    over: { unavailable: [{ start: '2026-12-09', end: '2026-12-10' }] },
    plan: 'draft 12-07..12-11 · scrub 12-14 · revision 12-15..12-17 · final 12-17 · qa 12-18',
  },
  {
    label: 'R8 moves the draft start by the 3 business days away, not the weekend inside',
    over: { unavailable: [{ start: '2026-12-05', end: '2026-12-09' }] },
    plan: 'draft 12-04..12-11 · scrub 12-14 · revision 12-15..12-17 · final 12-17 · qa 12-18',
  },
  {
    label: 'R8 moves the final earlier when the contractor is away on its day',
    over: { unavailable: [{ start: '2026-12-17', end: '2026-12-17' }] },
    plan: 'draft 12-08..12-10 · scrub 12-11 · revision 12-14..12-16 · final 12-16 · qa 12-18',
  },
  {
    label: 'R8 moves the draft due earlier when the contractor is away on it',
    over: { unavailable: [{ start: '2026-12-11', end: '2026-12-11' }] },
    plan: 'draft 12-08..12-10 · scrub 12-14 · revision 12-15..12-17 · final 12-17 · qa 12-18',
  },
  {
    label: 'R16 skips the brand training for a repeat pairing',
    over: { firstPairing: false },
    plan: BASE,
  },
  {
    label: 'R16 adds a brand training the day before production for a first pairing',
    over: { firstPairing: true },
    plan: `training 12-08 · ${BASE}`,
  },
  {
    label: 'R16 puts the brand training on the last available day before production',
    over: { firstPairing: true, unavailable: [{ start: '2026-12-08', end: '2026-12-08' }] },
    plan: `training 12-07 · ${BASE}`,
  },
  {
    label: 'R14 plans across a month end',
    over: { dueDate: '2026-12-01', today: '2026-11-02', productionDays: 2 },
    plan: 'draft 11-23..11-24 · scrub 11-25 · revision 11-26..11-30 · final 11-30 · qa 12-01',
  },
  {
    label: 'R14 plans across a month end with a Thanksgiving holiday',
    over: {
      dueDate: '2026-12-01',
      today: '2026-11-02',
      productionDays: 2,
      calendar: { weekendDays: [0, 6], holidays: ['2026-11-26'] },
    },
    plan: 'draft 11-20..11-23 · scrub 11-24 · revision 11-25..11-30 · final 11-30 · qa 12-01',
  },
  {
    label: 'R14 plans across a year end with Christmas and New Year holidays',
    over: { dueDate: '2027-01-04', today: '2026-12-01', calendar: yearEnd },
    plan: 'draft 12-22..12-24 · scrub 12-28 · revision 12-29..12-31 · final 12-31 · qa 01-04',
  },
  {
    label: 'R16 plans a first-pairing training across a year end',
    over: { dueDate: '2027-01-04', today: '2026-12-01', calendar: yearEnd, firstPairing: true },
    plan:
      'training 12-21 · draft 12-22..12-24 · scrub 12-28 · revision 12-29..12-31 · ' +
      'final 12-31 · qa 01-04',
  },
  {
    label: 'R15 clamps a 2-day revision window up to 3 business days',
    over: { policy: { scrubDays: 1, revisionWindowDays: 2, qaDays: 1 } },
    plan: BASE,
  },
  {
    label: 'R14 honours longer workspace durations (scrub 2, revision 4, QA 2)',
    over: { policy: { scrubDays: 2, revisionWindowDays: 4, qaDays: 2 } },
    plan:
      'draft 12-04..12-08 · scrub 12-09..12-10 · revision 12-11..12-16 · final 12-16 · ' +
      'qa 12-17..12-18',
  },
];

describe('planSubtasks: feasible plans', () => {
  it.each(cases(feasibleRows))('%s', (_label, { over, plan }) => {
    const result = planSubtasks(input(over));
    expect(result.feasible).toBe(true);
    expect(summary(result.subtasks)).toBe(plan);
  });

  it('R14 gives every subtask its title, assignee and chronological place', () => {
    const result = planSubtasks(input({ firstPairing: true }));
    expect(result.subtasks.map((s) => [s.kind, s.title, s.assignee])).toEqual([
      ['brand_training', 'Brand training (30 min)', 'contractor'],
      ['draft', 'First draft', 'contractor'],
      ['scrub', 'Strategist scrub', 'strategist'],
      ['revision', 'Revision window', 'contractor'],
      ['final', 'Final version', 'contractor'],
      ['qa', 'QA review', 'qa'],
    ]);
  });

  it.each(cases(feasibleRows))('R8 R14 R15 every table plan keeps the rules: %s', (_l, row) => {
    const plan = input(row.over);
    expectPlanRules(plan, planSubtasks(plan));
  });
});

describe('planSubtasks: warnings on feasible plans', () => {
  it.each(
    cases([
      { label: 'R14 has no warnings for a plain plan', over: {}, warnings: [] as string[] },
      {
        label: 'R14 says when a weekend due date moves QA to Friday',
        over: { dueDate: '2026-12-19' },
        warnings: ['Due Sat 19 Dec is not a business day, so QA is due Fri 18 Dec.'],
      },
      {
        label: 'R8 says why the final moved earlier',
        over: { unavailable: [{ start: '2026-12-17', end: '2026-12-17' }] },
        warnings: ['The contractor is away Thu 17 Dec, so the final version is due Wed 16 Dec.'],
      },
      {
        label: 'R8 says why the draft starts earlier',
        over: { unavailable: [{ start: '2026-12-09', end: '2026-12-10' }] },
        warnings: ['The contractor is away 9–10 Dec, so the first draft starts Mon 7 Dec.'],
      },
      {
        label: 'R8 says why the draft is due earlier',
        over: { unavailable: [{ start: '2026-12-11', end: '2026-12-11' }] },
        warnings: ['The contractor is away Fri 11 Dec, so the first draft is due Thu 10 Dec.'],
      },
      {
        label: 'R15 flags unavailability inside the revision window',
        over: { unavailable: [{ start: '2026-12-15', end: '2026-12-15' }] },
        warnings: ['The contractor is away Tue 15 Dec during the revision window.'],
      },
      {
        label: 'R14 names the year of a due date in the next year',
        over: { dueDate: '2027-01-03', today: '2026-12-01', calendar: yearEnd },
        warnings: ['Due Sun 3 Jan 2027 is not a business day, so QA is due Thu 31 Dec.'],
      },
    ]),
  )('%s', (_label, { over, warnings }) => {
    const result = planSubtasks(input(over));
    expect(result.feasible && result.warnings).toEqual(warnings);
  });
});

describe('planSubtasks: plans that do not fit', () => {
  it.each(
    cases([
      {
        label: 'R14 refuses a plan that is 1 business day short and offers Mon 21 Dec',
        over: { today: '2026-12-10' },
        earliest: '2026-12-21',
        reason:
          'The plan needs 8 business days but only 7 are left before Fri 18 Dec. ' +
          'The earliest feasible due date is Mon 21 Dec.',
      },
      {
        label: 'R14 refuses a due date that has already passed',
        over: { dueDate: '2026-12-04', today: '2026-12-10' },
        earliest: '2026-12-21',
        reason:
          'The plan needs 8 business days but none are left before Fri 4 Dec. ' +
          'The earliest feasible due date is Mon 21 Dec.',
      },
      {
        label: 'R8 R16 names unavailability, holidays and the training as constraints',
        over: {
          today: '2026-12-09',
          firstPairing: true,
          calendar: { weekendDays: [0, 6], holidays: ['2026-12-14'] },
          unavailable: [{ start: '2026-12-10', end: '2026-12-11' }],
        },
        earliest: '2026-12-24',
        reason:
          'The plan needs 10 business days but only 7 are left before Fri 18 Dec; the ' +
          'contractor is away 10–11 Dec; Mon 14 Dec is a holiday; a first pairing adds a brand ' +
          'training. The earliest feasible due date is Thu 24 Dec.',
      },
      {
        label: 'R14 refuses a year-end plan a day short and offers Tue 5 Jan',
        over: { dueDate: '2027-01-04', today: '2026-12-23', calendar: yearEnd },
        earliest: '2027-01-05',
        reason:
          'The plan needs 8 business days but only 7 are left before Mon 4 Jan 2027; Fri 25 ' +
          'Dec and Fri 1 Jan 2027 are holidays. The earliest feasible due date is Tue 5 Jan 2027.',
      },
      {
        label: 'R8 finds a date after a long absence, producing on both sides of it',
        over: { today: '2026-12-07', unavailable: [{ start: '2026-12-08', end: '2026-12-31' }] },
        earliest: '2027-01-11',
        reason:
          'The plan needs 16 business days but only 10 are left before Fri 18 Dec; the ' +
          'contractor is away 8–18 Dec. The earliest feasible due date is Mon 11 Jan 2027.',
      },
    ]),
  )('%s', (_label, { over, earliest, reason }) => {
    const plan = input(over);
    const result = planSubtasks(plan);
    expect(result).toMatchObject({ feasible: false, earliestFeasibleDueDate: earliest, reason });
    // The offered date is itself feasible with the same subtasks, and the day before is not.
    const atEarliest = planSubtasks({ ...plan, dueDate: earliest });
    expect(atEarliest).toMatchObject({ feasible: true, subtasks: result.subtasks });
    expect(planSubtasks({ ...plan, dueDate: addCalendarDays(earliest, -1) }).feasible).toBe(false);
    expectPlanRules(plan, result);
  });

  it('R8 gives up after 400 days when the contractor is away for longer', () => {
    const result = planSubtasks(
      input({ today: '2026-12-01', unavailable: [{ start: '2026-12-01', end: '2028-12-31' }] }),
    );
    expect(result).toMatchObject({ feasible: false, earliestFeasibleDueDate: null, subtasks: [] });
    expect(result.feasible || result.reason).toMatch(/No due date in the next 400 days fits\.$/);
  });
});
