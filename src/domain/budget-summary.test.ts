import { describe, expect, it } from 'vitest';
import type { BudgetAlertLevel } from './budget';
import { assignmentBudgetVerdict, budgetSummary } from './budget-summary';

const budget = { plannedMinor: 100_000, emergencyMaxMinor: 150_000, currency: 'USD' };

describe('budgetSummary (R27)', () => {
  it.each<[string, number, number, number | null, BudgetAlertLevel]>([
    ['nothing spent', 0, 0, 100_000, 'none'],
    ['79.99 % committed stays calm', 79_999, 0, 20_001, 'none'],
    ['exactly 80 % committed warns', 80_000, 0, 20_000, 'warn80'],
    ['exactly 80 % actual warns too', 10_000, 80_000, 20_000, 'warn80'],
    ['99.99 % is still amber', 99_999, 0, 1, 'warn80'],
    ['exactly 100 % is red', 100_000, 0, 0, 'over100'],
    ['over the plan leaves a negative remainder', 130_000, 90_000, -30_000, 'over100'],
  ])('R27 %s', (_label, committedMinor, actualMinor, remaining, alert) => {
    expect(budgetSummary(budget, { committedMinor, actualMinor })).toEqual({
      remainingMinor: remaining,
      alert,
    });
  });

  it('R27 without a budget there is no remainder and no alert', () => {
    expect(budgetSummary(null, { committedMinor: 999_999, actualMinor: 5 })).toEqual({
      remainingMinor: null,
      alert: 'none',
    });
  });
});

describe('assignmentBudgetVerdict (R27)', () => {
  it.each<[string, number, number, string]>([
    ['within the plan', 50_000, 50_000, 'within'],
    ['exactly at the plan', 60_000, 40_000, 'within'],
    ['one cent over the plan needs approval', 60_000, 40_001, 'needs_approval'],
    ['exactly the emergency maximum needs approval', 100_000, 50_000, 'needs_approval'],
    ['one cent over the emergency maximum is refused', 100_000, 50_001, 'refused'],
  ])('R27 %s', (_label, committed, amount, status) => {
    expect(
      assignmentBudgetVerdict(budget, committed, { amountMinor: amount, currency: 'USD' }).status,
    ).toBe(status);
  });

  it('R27 no budget set means no limit', () => {
    const v = assignmentBudgetVerdict(null, 10_000_000, { amountMinor: 1, currency: 'USD' });
    expect(v).toMatchObject({ status: 'no_budget', afterMinor: 10_000_001 });
  });

  it('R27 work in another currency than the budget needs approval, even when small', () => {
    const v = assignmentBudgetVerdict(budget, 0, { amountMinor: 100, currency: 'EUR' });
    expect(v.status).toBe('needs_approval');
    expect(v.message).toContain('EUR');
  });
});
