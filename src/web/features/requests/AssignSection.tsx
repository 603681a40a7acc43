import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import type {
  AssignResult,
  PlanPreview,
  RequestDetail,
  SuggestionList,
} from '../../../contracts/requests';
import { formatDayMonth } from '../../../domain/format';
import { Badge, Button, cx, ErrorNotice, Field, Select, Spinner } from '../../components/ui';
import { api, errorMessage, post } from '../../lib/api';
import { formatDue, formatMoney } from '../../lib/format';
import { useMe } from '../../lib/session';
import { BudgetVerdict, useBudgetCheck } from '../invoices/BudgetVerdict';
import { useStrategists } from './useReferenceData';

type Suggestions = z.infer<typeof SuggestionList>;

/** R13–R17: ranked contractors with reasons, the plan for the one picked, then assign. */
export function AssignSection({
  request,
  onAssigned,
}: {
  request: RequestDetail;
  onAssigned: () => void;
}) {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const qc = useQueryClient();
  const suggestions = useQuery({
    queryKey: ['suggestions', request.id],
    queryFn: () => api<Suggestions>(`/api/requests/${request.id}/suggestions`),
  });
  const strategists = useStrategists();
  const [contractorId, setContractorId] = useState('');
  const [strategistUserId, setStrategistUserId] = useState('');
  useEffect(() => {
    if (!contractorId && suggestions.data?.items[0])
      setContractorId(suggestions.data.items[0].contractor.id);
  }, [suggestions.data, contractorId]);
  useEffect(() => {
    if (!strategistUserId && strategists.data?.length) {
      const submitter = strategists.data.find((s) => s.userId === request.submittedBy.userId);
      setStrategistUserId((submitter ?? strategists.data[0]).userId);
    }
  }, [strategists.data, strategistUserId, request.submittedBy.userId]);
  const plan = useQuery({
    queryKey: ['plan', request.id, contractorId],
    queryFn: () =>
      api<PlanPreview>(`/api/requests/${request.id}/plan?contractorId=${contractorId}`),
    enabled: Boolean(contractorId),
  });
  const budget = useBudgetCheck(
    request,
    suggestions.data?.items.find((s) => s.contractor.id === contractorId),
  );
  const assign = useMutation({
    mutationFn: () =>
      post<z.infer<typeof AssignResult>>(`/api/requests/${request.id}/assign`, {
        contractorId,
        strategistUserId,
        version: request.version,
        budgetApprovalReason: budget.approvalReason,
      }),
    onSuccess: (res) => {
      toast.success(
        `Assigned — ${res.subtasks.length} subtasks planned, due dates posted on the parent task`,
      );
      qc.invalidateQueries({ queryKey: ['board'] });
      onAssigned();
    },
    onError: (e) => toast.error(errorMessage(e), { duration: 10_000 }),
  });

  return (
    <section
      aria-labelledby="assign-h"
      className="flex flex-col gap-3 rounded-md border border-line p-3"
    >
      <h3 id="assign-h" className="text-sm font-semibold">
        Assign
      </h3>
      {suggestions.isPending ? (
        <Spinner label="Ranking contractors" />
      ) : suggestions.isError ? (
        <ErrorNotice error={suggestions.error} />
      ) : (
        <ol className="flex flex-col gap-1.5" aria-label="Suggested contractors">
          {suggestions.data.items.map((s) => (
            <li key={s.contractor.id}>
              <label
                className={cx(
                  'flex cursor-pointer gap-2 rounded-md border p-2 text-sm',
                  contractorId === s.contractor.id ? 'border-accent bg-accent/5' : 'border-line',
                )}
              >
                <input
                  type="radio"
                  name="contractor"
                  value={s.contractor.id}
                  checked={contractorId === s.contractor.id}
                  onChange={() => setContractorId(s.contractor.id)}
                  className="mt-1"
                />
                <span className="flex min-w-0 flex-1 flex-col gap-0.5">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">
                      #{s.rank} {s.contractor.name}
                    </span>
                    {s.trial ? <Badge tone="warn">trial</Badge> : null}
                    {s.plan.feasible ? (
                      <Badge tone="ok">plan fits</Badge>
                    ) : (
                      <Badge tone="bad" title={s.plan.reason ?? ''}>
                        earliest{' '}
                        {s.plan.earliestFeasibleDueDate
                          ? formatDayMonth(s.plan.earliestFeasibleDueDate)
                          : '—'}
                      </Badge>
                    )}
                    <span className="ml-auto text-muted">
                      {s.rateMinor !== null ? formatMoney(s.rateMinor, s.currency) : 'rate missing'}
                    </span>
                  </span>
                  <span className="text-xs text-muted">{s.reasons.join(' · ')}</span>
                </span>
              </label>
            </li>
          ))}
          {suggestions.data.items.length === 0 ? (
            <li className="text-sm text-muted">
              No active contractor yet — add one under Contractors.
            </li>
          ) : null}
        </ol>
      )}
      {plan.data ? (
        <div className="rounded-md bg-sunken p-3 text-sm" data-testid="plan-preview">
          <div className="mb-1 text-xs font-semibold text-muted">
            Planned due dates (R14)
            {plan.data.firstPairing ? ' · first pairing: brand training added (R16)' : ''}
          </div>
          {plan.data.feasible ? null : (
            <p className="mb-1 text-bad">
              {plan.data.reason}{' '}
              {plan.data.earliestFeasibleDueDate
                ? `Earliest feasible due date: ${formatDue(plan.data.earliestFeasibleDueDate, tz)}.`
                : ''}
            </p>
          )}
          <ul className="flex flex-col gap-0.5">
            {plan.data.subtasks.map((st) => (
              <li key={st.kind} className="flex justify-between gap-2">
                <span>{st.title}</span>
                <span className="text-muted">{formatDue(st.dueDate, tz)}</span>
              </li>
            ))}
          </ul>
          {plan.data.warnings.map((w) => (
            <p key={w} className="mt-1 text-xs text-warn">
              {w}
            </p>
          ))}
        </div>
      ) : plan.isError ? (
        <ErrorNotice error={plan.error} />
      ) : null}
      <BudgetVerdict budget={budget} />
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <Field label="Strategist">
            {(p) => (
              <Select
                {...p}
                value={strategistUserId}
                onChange={(e) => setStrategistUserId(e.target.value)}
              >
                {strategists.data?.map((s) => (
                  <option key={s.userId} value={s.userId}>
                    {s.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <Button
          variant="primary"
          busy={assign.isPending}
          disabled={
            !contractorId || !strategistUserId || plan.data?.feasible === false || budget.blocked
          }
          onClick={() => assign.mutate()}
        >
          Assign and plan
        </Button>
      </div>
    </section>
  );
}
