import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PiggyBank } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { BudgetList, BudgetRow } from '../../../contracts/money';
import { Badge, Button, EmptyState, ErrorNotice, Input, Spinner } from '../../components/ui';
import { ApiError, api, errorMessage, put } from '../../lib/api';
import { formatMoney, todayIn } from '../../lib/format';
import { useMe } from '../../lib/session';
import { useUrlState } from '../../lib/url-state';
import { minorToInput, parseAmount } from './shared';

/**
 * R27: every client's month: planned and emergency maximum against committed (assigned work at
 * its rates, approved extra rounds) and actual (approved invoices), with 80 % and 100 % alerts.
 */
export function BudgetsView() {
  const me = useMe();
  const thisMonth = todayIn(me.data?.current?.workspaceTimeZone ?? 'UTC').slice(0, 7);
  const [month, setMonth] = useUrlState('month', thisMonth);
  const q = useQuery({
    queryKey: ['budgets', month],
    queryFn: () => api<BudgetList>(`/api/budgets?month=${month}`),
    placeholderData: (prev) => prev,
  });
  return (
    <div className="flex flex-col gap-3 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor="budget-month" className="text-sm font-medium">
          Month
        </label>
        <div className="w-44">
          <Input
            id="budget-month"
            type="month"
            value={month}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
        </div>
        {q.data ? <Totals list={q.data} /> : null}
      </div>
      {q.isPending ? (
        <Spinner label="Loading budgets" />
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : q.data.items.length === 0 ? (
        <EmptyState icon={<PiggyBank size={24} />} title="No clients yet">
          Add clients first; then set a planned amount and an emergency maximum per month.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Budgets for {month}</caption>
            <thead>
              <tr className="border-b border-line text-left text-xs text-muted">
                <th scope="col" className="px-3 py-2 font-medium">
                  Client
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Planned
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Emergency max
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Committed
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Actual
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Remaining
                </th>
                <th scope="col" className="w-56 px-3 py-2 font-medium">
                  Against plan
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Edit</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {q.data.items.map((r) => (
                <BudgetLine
                  key={r.client.id}
                  row={r}
                  month={month}
                  currency={q.data.currency}
                  canEdit={q.data.abilities.edit}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted" aria-hidden>
        <span className="flex items-center gap-1">
          <span className="inline-block h-2.5 w-5 rounded bg-accent opacity-80" /> committed
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-1.5 w-5 rounded bg-ok" /> actual (approved invoices)
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-0.5 bg-ink" /> planned
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 border-l-2 border-dashed border-bad" /> emergency
          maximum
        </span>
      </p>
      <p className="text-xs text-muted">
        A client without a budget for the month has no limit. Assigning work over the planned amount
        needs a finance or coordinator approval with a reason; over the emergency maximum it is
        refused. Amounts in other currencies than {q.data?.currency ?? 'the workspace’s'} are not
        counted.
      </p>
    </div>
  );
}

function Totals({ list }: { list: BudgetList }) {
  const m = (n: number) => formatMoney(n, list.currency);
  return (
    <span className="text-xs text-muted">
      Planned {m(list.totals.plannedMinor)} · committed {m(list.totals.committedMinor)} · actual{' '}
      {m(list.totals.actualMinor)}
    </span>
  );
}

function AlertBadge({ row }: { row: BudgetRow }) {
  if (!row.budget) return <span className="text-xs text-muted">no budget set</span>;
  if (row.alert === 'over100') return <Badge tone="bad">over plan</Badge>;
  if (row.alert === 'warn80') return <Badge tone="warn">80 %+</Badge>;
  return null;
}

/** Committed and actual bars against the plan; the emergency maximum marked. */
function BudgetBar({ row }: { row: BudgetRow }) {
  const b = row.budget;
  if (!b) return null;
  const scale = Math.max(
    b.emergencyMaxMinor,
    b.plannedMinor,
    row.committedMinor,
    row.actualMinor,
    1,
  );
  const pct = (n: number) => `${Math.min(100, (n / scale) * 100)}%`;
  const tone =
    row.alert === 'over100' ? 'bg-bad' : row.alert === 'warn80' ? 'bg-warn' : 'bg-accent';
  const label = `Committed ${Math.round((row.committedMinor / Math.max(b.plannedMinor, 1)) * 100)} % of plan`;
  return (
    <div
      className="relative h-4 w-full rounded bg-sunken"
      role="img"
      aria-label={label}
      title={label}
    >
      <div
        className={`absolute inset-y-0 left-0 rounded ${tone} opacity-80`}
        style={{ width: pct(row.committedMinor) }}
      />
      <div
        className="absolute bottom-0 left-0 h-1.5 rounded bg-ok"
        style={{ width: pct(row.actualMinor) }}
      />
      <div className="absolute inset-y-[-2px] w-0.5 bg-ink" style={{ left: pct(b.plannedMinor) }} />
      <div
        className="absolute inset-y-[-2px] w-0 border-l-2 border-dashed border-bad"
        style={{ left: pct(b.emergencyMaxMinor) }}
      />
    </div>
  );
}

function BudgetLine({
  row: r,
  month,
  currency,
  canEdit,
}: {
  row: BudgetRow;
  month: string;
  currency: string;
  canEdit: boolean;
}) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [planned, setPlanned] = useState('');
  const [max, setMax] = useState('');
  const m = (n: number) => formatMoney(n, currency);
  const save = useMutation({
    mutationFn: () =>
      put<BudgetRow>(`/api/budgets/${r.client.id}/${month}`, {
        plannedMinor: parseAmount(planned),
        emergencyMaxMinor: parseAmount(max),
        version: r.budget?.version ?? 0,
      }),
    onSuccess: () => {
      toast.success(`Budget for ${r.client.name} saved`);
      setEditing(false);
      qc.invalidateQueries({ queryKey: ['budgets'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        qc.invalidateQueries({ queryKey: ['budgets'] });
        toast.error('Someone changed this budget meanwhile: reloaded, check and save again');
        return;
      }
      toast.error(errorMessage(e));
    },
  });
  const start = () => {
    setPlanned(r.budget ? minorToInput(r.budget.plannedMinor) : '');
    setMax(r.budget ? minorToInput(r.budget.emergencyMaxMinor) : '');
    setEditing(true);
  };
  const p = parseAmount(planned);
  const x = parseAmount(max);
  const valid = p !== null && x !== null && p >= 0 && x >= p;
  return (
    <tr>
      <th scope="row" className="px-3 py-2 text-left font-medium">
        <span className="flex items-center gap-2">
          {r.client.name} <AlertBadge row={r} />
        </span>
      </th>
      {editing ? (
        <>
          <td className="px-2 py-1">
            <Input
              aria-label={`Planned for ${r.client.name}`}
              inputMode="decimal"
              value={planned}
              onChange={(e) => setPlanned(e.target.value)}
              className="w-28 text-right"
              autoFocus
            />
          </td>
          <td className="px-2 py-1">
            <Input
              aria-label={`Emergency maximum for ${r.client.name}`}
              inputMode="decimal"
              value={max}
              onChange={(e) => setMax(e.target.value)}
              className="w-28 text-right"
              aria-invalid={!valid || undefined}
            />
          </td>
        </>
      ) : (
        <>
          <td className="px-3 py-2 text-right tabular-nums">
            {r.budget ? m(r.budget.plannedMinor) : '—'}
          </td>
          <td className="px-3 py-2 text-right tabular-nums">
            {r.budget ? m(r.budget.emergencyMaxMinor) : '—'}
          </td>
        </>
      )}
      <td className="px-3 py-2 text-right tabular-nums">{m(r.committedMinor)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{m(r.actualMinor)}</td>
      <td
        className={`px-3 py-2 text-right tabular-nums ${(r.remainingMinor ?? 0) < 0 ? 'text-bad' : ''}`}
      >
        {r.remainingMinor === null ? '—' : m(r.remainingMinor)}
      </td>
      <td className="px-3 py-2">
        <BudgetBar row={r} />
      </td>
      <td className="whitespace-nowrap px-3 py-2 text-right">
        {!canEdit ? null : editing ? (
          <span className="flex justify-end gap-1">
            <Button
              size="sm"
              variant="primary"
              busy={save.isPending}
              disabled={!valid}
              onClick={() => save.mutate()}
            >
              Save
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </span>
        ) : (
          <Button size="sm" variant="ghost" onClick={start}>
            {r.budget ? 'Edit' : 'Set budget'}
          </Button>
        )}
      </td>
    </tr>
  );
}
