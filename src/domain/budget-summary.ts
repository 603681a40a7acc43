/**
 * A client's month at a glance (R27): what is left of the plan, the alert level, and the verdict
 * for new work when there may be no budget at all or one in another currency.
 */

import {
  type BudgetAlertLevel,
  type BudgetVerdict,
  budgetAlertLevel,
  budgetVerdict,
} from './budget';
import { assertMinor, formatMoney } from './money';

export interface BudgetAmounts {
  plannedMinor: number;
  emergencyMaxMinor: number;
  currency: string;
}

export interface BudgetSummary {
  /** Planned minus the larger of committed and actual; null without a budget. */
  remainingMinor: number | null;
  alert: BudgetAlertLevel;
}

/** R27: remaining amount and alert (amber at 80 %, red at 100 %) for one client and month. */
export function budgetSummary(
  budget: BudgetAmounts | null,
  spent: { committedMinor: number; actualMinor: number },
): BudgetSummary {
  assertMinor(spent.committedMinor, 'committed amount');
  assertMinor(spent.actualMinor, 'actual amount');
  if (!budget) return { remainingMinor: null, alert: 'none' };
  const used = Math.max(spent.committedMinor, spent.actualMinor);
  return {
    remainingMinor: budget.plannedMinor - used,
    alert: budgetAlertLevel({ plannedMinor: budget.plannedMinor, ...spent }),
  };
}

export type AssignmentBudgetVerdict =
  | { status: 'no_budget'; rule: 'R27'; afterMinor: number; message: string }
  | BudgetVerdict;

/**
 * R27 for an assignment: no budget row means no limit (a workspace that doesn't budget a client
 * is not blocked). Work priced in another currency than the budget can't be compared without
 * exchange rates, so it needs the same approval as work over the plan, never a silent pass.
 */
export function assignmentBudgetVerdict(
  budget: BudgetAmounts | null,
  committedMinor: number,
  additional: { amountMinor: number; currency: string },
): AssignmentBudgetVerdict {
  if (!budget) {
    return {
      status: 'no_budget',
      rule: 'R27',
      afterMinor: committedMinor + additional.amountMinor,
      message: 'No budget set for this client and month: nothing limits this assignment',
    };
  }
  if (additional.currency.toUpperCase() !== budget.currency.toUpperCase()) {
    return {
      status: 'needs_approval',
      rule: 'R27',
      afterMinor: committedMinor,
      message:
        `This work is priced in ${additional.currency} (${formatMoney(additional.amountMinor, additional.currency)}) ` +
        `and the budget is in ${budget.currency}: it can't be compared, so a finance or ` +
        'coordinator approval with a reason is needed',
    };
  }
  return budgetVerdict({ ...budget, committedMinor }, additional.amountMinor);
}
