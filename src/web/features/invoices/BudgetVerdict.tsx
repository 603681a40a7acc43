import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { BudgetCheck } from '../../../contracts/money';
import type { RequestDetail, Suggestion } from '../../../contracts/requests';
import { Field, Textarea } from '../../components/ui';
import { api } from '../../lib/api';
import { formatMoney } from '../../lib/format';

const MIN_REASON = 10;

export interface BudgetCheckState {
  check: BudgetCheck | undefined;
  reason: string;
  setReason: (v: string) => void;
  /** True when the assignment would be refused, or needs a reason not given yet. */
  blocked: boolean;
  /** What to send as `budgetApprovalReason` (only when approval is needed). */
  approvalReason: string | undefined;
}

/** R27 for the assign form: the verdict for the chosen contractor's price of this request. */
export function useBudgetCheck(
  request: Pick<RequestDetail, 'client' | 'month'>,
  chosen: Pick<Suggestion, 'rateMinor' | 'currency'> | undefined,
): BudgetCheckState {
  const [reason, setReason] = useState('');
  const amount = chosen?.rateMinor ?? null;
  const q = useQuery({
    queryKey: ['budget-check', request.client.id, request.month, amount, chosen?.currency],
    queryFn: () =>
      api<BudgetCheck>(
        `/api/budgets/check?clientId=${request.client.id}&month=${request.month}&amountMinor=${amount}&currency=${chosen?.currency}`,
      ),
    enabled: amount !== null,
  });
  const status = q.data?.status;
  const needs = status === 'needs_approval';
  return {
    check: q.data,
    reason,
    setReason,
    blocked: status === 'refused' || (needs && reason.trim().length < MIN_REASON),
    approvalReason: needs ? reason.trim() : undefined,
  };
}

/** The budget line under the plan: fine, no budget, needs an approval reason, or refused. */
export function BudgetVerdict({ budget }: { budget: BudgetCheckState }) {
  const c = budget.check;
  if (!c) return null;
  const m = (n: number) => formatMoney(n, c.currency);
  if (c.status === 'no_budget') {
    return (
      <p className="text-xs text-muted">Budget (R27): no budget set for this client and month.</p>
    );
  }
  if (c.status === 'within') {
    return (
      <p className="text-xs text-ok" data-testid="budget-verdict">
        Budget (R27): within plan — {m(c.afterMinor)} of {m(c.plannedMinor ?? 0)} committed after
        this.
      </p>
    );
  }
  const refused = c.status === 'refused';
  return (
    <div
      className={`flex flex-col gap-2 rounded-md border p-3 text-sm ${refused ? 'border-bad/40 bg-bad/5' : 'border-warn/40 bg-warn/5'}`}
      data-testid="budget-verdict"
    >
      <p className={refused ? 'text-bad' : 'text-warn'}>Budget (R27): {c.message}</p>
      {refused ? null : (
        <Field
          label="Why approve going over the plan?"
          hint={`At least ${MIN_REASON} characters; recorded with your name`}
        >
          {(p) => (
            <Textarea
              {...p}
              value={budget.reason}
              onChange={(e) => budget.setReason(e.target.value)}
              className="min-h-14"
            />
          )}
        </Field>
      )}
    </div>
  );
}
