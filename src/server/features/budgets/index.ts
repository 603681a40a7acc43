/** What other features may use of budgets (R27): the check inside the assignment transaction. */
export {
  assertWithinBudget,
  BUDGET_APPROVERS,
  type BudgetApproval,
  checkBudget,
  MIN_APPROVAL_REASON,
} from './service';
