import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './calendar';
import { planSubtasks } from './planner';
import { cases, expectPlanRules, input, randomInputs } from './planner.test-helpers';

describe('planSubtasks: properties over seeded random requests', () => {
  it('R8 R14 R15 R16 hold for 500 random requests, and offered dates are minimal', () => {
    let feasible = 0;
    let offered = 0;
    for (const plan of randomInputs(500, 42)) {
      const result = planSubtasks(plan);
      if (result.feasible) {
        feasible++;
        expectPlanRules(plan, result);
        continue;
      }
      const earliest = result.earliestFeasibleDueDate;
      expect(earliest).not.toBeNull();
      if (earliest === null) continue;
      offered++;
      expectPlanRules(plan, result);
      expect(planSubtasks({ ...plan, dueDate: earliest }).feasible).toBe(true);
      // Walk every earlier date: the planner's search must not skip a feasible one.
      for (let d = addCalendarDays(plan.dueDate, 1); d < earliest; d = addCalendarDays(d, 1)) {
        expect(planSubtasks({ ...plan, dueDate: d }).feasible, d).toBe(false);
      }
    }
    // The generator must exercise both branches for the properties to mean anything.
    expect(feasible).toBeGreaterThan(50);
    expect(offered).toBeGreaterThan(50);
  });
});

describe('planSubtasks: malformed input', () => {
  it.each(
    cases([
      { label: 'zero production days', over: { productionDays: 0 } },
      { label: 'fractional production days', over: { productionDays: 2.5 } },
      { label: 'a zero-day scrub', over: { policy: { scrubDays: 0 } } },
      { label: 'a zero-day QA', over: { policy: { qaDays: 0 } } },
      {
        label: 'a calendar with no working day',
        over: { calendar: { weekendDays: [0, 1, 2, 3, 4, 5, 6], holidays: [] } },
      },
      {
        label: 'an unavailability that ends before it starts',
        over: { unavailable: [{ start: '2026-12-10', end: '2026-12-09' }] },
      },
      { label: 'a due date that is not a date', over: { dueDate: '2026-02-30' } },
      {
        label: 'a holiday that is not a date',
        over: { calendar: { weekendDays: [0, 6], holidays: ['25 Dec'] } },
      },
    ]),
  )('R14 throws a RangeError on %s', (_label, { over }) => {
    expect(() => planSubtasks(input(over))).toThrow(RangeError);
  });
});
