/**
 * Client budgets per month (R27): a planned amount and an emergency maximum, checked against
 * committed work (assigned at its rates) and actual spend (approved invoices).
 *
 * "No budget set" (planned 0 and emergency maximum 0) is the caller's decision, not this module's:
 * here it would refuse every assignment, which is wrong for a workspace that doesn't budget.
 */

import { assertMinor, formatMoney } from './money';

export interface BudgetInput {
  plannedMinor: number;
  emergencyMaxMinor: number;
  committedMinor: number;
  /** ISO 4217 code of all three amounts; needed to word the message. */
  currency: string;
}

export type BudgetStatus = 'within' | 'needs_approval' | 'refused';

export interface BudgetVerdict {
  status: BudgetStatus;
  rule: 'R27';
  afterMinor: number;
  message: string;
}

export type BudgetAlertLevel = 'none' | 'warn80' | 'over100';

/** R27: whether committing `additionalMinor` more is within plan, needs approval or is refused. */
export function budgetVerdict(b: BudgetInput, additionalMinor: number): BudgetVerdict {
  assertMinor(b.plannedMinor, 'planned amount');
  assertMinor(b.emergencyMaxMinor, 'emergency maximum');
  assertMinor(b.committedMinor, 'committed amount');
  assertMinor(additionalMinor, 'additional amount');
  const afterMinor = b.committedMinor + additionalMinor;
  const money = (minor: number) => formatMoney(minor, b.currency);
  const after = money(afterMinor);
  if (afterMinor <= b.plannedMinor) {
    return {
      status: 'within',
      rule: 'R27',
      afterMinor,
      message: `Within the planned budget: ${after} of ${money(b.plannedMinor)} committed`,
    };
  }
  // Exactly at the emergency maximum is still allowed (with approval): it is a maximum, not a cap
  // to stay below. An emergency maximum set below the plan simply leaves no approval band.
  if (afterMinor <= b.emergencyMaxMinor) {
    return {
      status: 'needs_approval',
      rule: 'R27',
      afterMinor,
      message:
        `${after} committed exceeds the planned budget of ${money(b.plannedMinor)} by ` +
        `${money(afterMinor - b.plannedMinor)}: a finance or coordinator approval with a reason ` +
        'is needed',
    };
  }
  const cap = Math.max(b.emergencyMaxMinor, b.plannedMinor);
  return {
    status: 'refused',
    rule: 'R27',
    afterMinor,
    message:
      `${after} committed exceeds the emergency maximum of ${money(cap)} by ` +
      `${money(afterMinor - cap)}: the assignment is refused`,
  };
}

/** R27/R31: budget alert from the larger of committed and actual spend against the plan. */
export function budgetAlertLevel(b: {
  plannedMinor: number;
  committedMinor: number;
  actualMinor: number;
}): BudgetAlertLevel {
  const spent = Math.max(b.committedMinor, b.actualMinor);
  // A zero plan has no percentage; any spend against it is already over.
  if (b.plannedMinor <= 0) return spent > 0 ? 'over100' : 'none';
  // Integer comparisons (spent/planned >= 0.8 ⇔ 5·spent >= 4·planned) avoid float edge cases.
  if (spent >= b.plannedMinor) return 'over100';
  if (spent * 5 >= b.plannedMinor * 4) return 'warn80';
  return 'none';
}
