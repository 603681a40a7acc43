/**
 * Shared fixtures for the planner tests: table helpers, a default input, a one-line plan summary,
 * the invariants every plan must keep, and seeded random requests. Imported by tests only.
 */
import { expect } from 'vitest';
import { addCalendarDays, businessDaysBetween, isBusinessDay, type WorkCalendar } from './calendar';
import type { PlanInput, PlannedSubtask, PlanResult } from './planner';

/** Table rows keyed by their label, so titles read in full (`$label` would quote and truncate). */
export const cases = <T extends { label: string }>(rows: T[]): [string, T][] =>
  rows.map((row) => [row.label, row]);

export const weekends: WorkCalendar = { weekendDays: [0, 6], holidays: [] };
export const yearEnd: WorkCalendar = {
  weekendDays: [0, 6],
  holidays: ['2026-12-25', '2027-01-01'],
};

export function input(over: Partial<PlanInput>): PlanInput {
  return {
    dueDate: '2026-12-18',
    today: '2026-11-30',
    productionDays: 3,
    firstPairing: false,
    calendar: weekends,
    unavailable: [],
    ...over,
  };
}

const mmdd = (d: string) => d.slice(5);
/** 'draft 12-09..12-11 · scrub 12-14 · …': one line per plan, easy to check against a calendar. */
export function summary(subtasks: readonly PlannedSubtask[]): string {
  return subtasks
    .map((s) => {
      const kind = s.kind === 'brand_training' ? 'training' : s.kind;
      const span = s.startDate === s.dueDate ? '' : `${mmdd(s.startDate)}..`;
      return `${kind} ${span}${mmdd(s.dueDate)}`;
    })
    .join(' · ');
}

/** The rules every feasible plan must satisfy, whatever the input. */
export function expectPlanRules(plan: PlanInput, result: PlanResult): void {
  const { calendar } = plan;
  const subtasks = result.subtasks;
  const away = (d: string) => plan.unavailable.some((r) => r.start <= d && d <= r.end);
  const byKind = new Map(subtasks.map((s) => [s.kind, s]));
  const scrub = byKind.get('scrub')!;
  const final = byKind.get('final')!;
  const draft = byKind.get('draft')!;
  const due = result.feasible ? plan.dueDate : result.earliestFeasibleDueDate!;
  for (const s of subtasks) {
    expect(isBusinessDay(s.dueDate, calendar), `${s.kind} due ${s.dueDate}`).toBe(true);
    expect(s.startDate <= s.dueDate).toBe(true);
    expect(s.startDate >= plan.today, `${s.kind} starts ${s.startDate}`).toBe(true);
    if (s.assignee === 'contractor') expect(away(s.dueDate), `${s.kind} away`).toBe(false);
  }
  const dues = subtasks.map((s) => s.dueDate);
  expect(dues).toEqual([...dues].sort());
  expect(byKind.get('qa')!.dueDate <= due).toBe(true);
  expect(businessDaysBetween(scrub.dueDate, final.dueDate, calendar)).toBeGreaterThanOrEqual(3);
  expect(byKind.has('brand_training')).toBe(plan.firstPairing);
  // R8: the production window holds exactly productionDays days the contractor can work.
  let workable = 0;
  for (let d = draft.startDate; d <= draft.dueDate; d = addCalendarDays(d, 1)) {
    if (isBusinessDay(d, calendar) && !away(d)) workable++;
  }
  expect(workable).toBe(plan.productionDays);
  expect(workable > 0 && !away(draft.startDate)).toBe(true);
}

/** A small seeded PRNG (mulberry32) so the random cases are the same on every run. */
function seeded(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

export function randomInputs(count: number, seed: number): PlanInput[] {
  const rand = seeded(seed);
  return Array.from({ length: count }, () => {
    const today = addCalendarDays('2026-01-01', rand(365));
    const day = (from: number, span: number) => addCalendarDays(today, from + rand(span));
    const unavailable = Array.from({ length: rand(4) }, () => {
      const start = day(0, 60);
      return { start, end: addCalendarDays(start, rand(10)) };
    });
    return {
      dueDate: day(-10, 70),
      today,
      productionDays: 1 + rand(10),
      firstPairing: rand(2) === 1,
      calendar: {
        weekendDays: rand(4) === 0 ? [5, 6] : [0, 6],
        holidays: Array.from({ length: rand(5) }, () => day(0, 90)),
      },
      unavailable,
      policy: { scrubDays: 1 + rand(2), revisionWindowDays: 1 + rand(5), qaDays: 1 + rand(2) },
    };
  });
}
