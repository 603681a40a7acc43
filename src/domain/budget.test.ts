import { describe, expect, it } from 'vitest';
import {
  type BudgetAlertLevel,
  type BudgetStatus,
  budgetAlertLevel,
  budgetVerdict,
} from './budget';

// Planned $1,000.00, emergency maximum $1,200.00, $600.00 already committed.
const usd = {
  plannedMinor: 100_000,
  emergencyMaxMinor: 120_000,
  committedMinor: 60_000,
  currency: 'USD',
};

describe('budgetVerdict (R27)', () => {
  it.each<[string, number, BudgetStatus, number]>([
    ['R27 adding nothing stays within', 0, 'within', 60_000],
    ['R27 a negative adjustment (released work) stays within', -10_000, 'within', 50_000],
    ['R27 exactly at the planned amount is within', 40_000, 'within', 100_000],
    ['R27 one cent over the plan needs approval', 40_001, 'needs_approval', 100_001],
    [
      'R27 exactly at the emergency maximum needs approval, not refused',
      60_000,
      'needs_approval',
      120_000,
    ],
    ['R27 one cent over the emergency maximum is refused', 60_001, 'refused', 120_001],
    ['R27 far over the emergency maximum is refused', 500_000, 'refused', 560_000],
  ])('%s', (_title, additional, status, after) => {
    const v = budgetVerdict(usd, additional);
    expect(v).toMatchObject({ status, rule: 'R27', afterMinor: after });
  });

  it.each<[string, number, string]>([
    [
      'R27 the within message states committed against plan',
      10_000,
      'Within the planned budget: $700.00 of $1,000.00 committed',
    ],
    [
      'R27 the approval message states the overrun and who approves',
      50_000,
      '$1,100.00 committed exceeds the planned budget of $1,000.00 by $100.00: ' +
        'a finance or coordinator approval with a reason is needed',
    ],
    [
      'R27 the refusal message states the overrun of the emergency maximum',
      70_000,
      '$1,300.00 committed exceeds the emergency maximum of $1,200.00 by $100.00: ' +
        'the assignment is refused',
    ],
  ])('%s', (_title, additional, message) => {
    expect(budgetVerdict(usd, additional).message).toBe(message);
  });

  it('R27 messages use the budget currency (JPY has no minor digits)', () => {
    const jpy = {
      plannedMinor: 100_000,
      emergencyMaxMinor: 100_000,
      committedMinor: 0,
      currency: 'JPY',
    };
    expect(budgetVerdict(jpy, 100_001).message).toContain('¥100,000');
  });

  it('R27 an emergency maximum below the plan leaves no approval band', () => {
    const odd = { ...usd, emergencyMaxMinor: 50_000 };
    expect(budgetVerdict(odd, 40_000).status).toBe('within');
    expect(budgetVerdict(odd, 40_001).status).toBe('refused');
  });

  it('R27 fractional money is refused as a programming error', () => {
    expect(() => budgetVerdict(usd, 0.5)).toThrow(RangeError);
  });
});

describe('budgetAlertLevel (R27)', () => {
  it.each<[string, number, number, number, BudgetAlertLevel]>([
    ['R27 a zero plan with no spend raises nothing', 0, 0, 0, 'none'],
    ['R27 a zero plan with any spend is over', 0, 1, 0, 'over100'],
    ['R27 nothing spent raises nothing', 100_000, 0, 0, 'none'],
    ['R27 just under 80% raises nothing', 100_000, 79_999, 0, 'none'],
    ['R27 exactly 80% committed warns', 100_000, 80_000, 0, 'warn80'],
    ['R27 80% actual with less committed warns', 100_000, 10_000, 80_000, 'warn80'],
    ['R27 just under 100% warns', 100_000, 99_999, 0, 'warn80'],
    ['R27 exactly 100% is over', 100_000, 100_000, 0, 'over100'],
    ['R27 actual over plan is over even with less committed', 100_000, 50_000, 120_000, 'over100'],
    ['R27 80% of an odd plan rounds nowhere: 7 of 9 is under', 9, 7, 0, 'none'],
    ['R27 80% of an odd plan: 8 of 10 warns', 10, 8, 0, 'warn80'],
  ])('%s', (_title, plannedMinor, committedMinor, actualMinor, level) => {
    expect(budgetAlertLevel({ plannedMinor, committedMinor, actualMinor })).toBe(level);
  });
});
