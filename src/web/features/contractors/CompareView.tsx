import { useQuery } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { CompareResult, Scorecard } from '../../../contracts/contractors';
import { Badge, Button, cx, ErrorNotice, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { formatDay } from '../availability/dates';
import {
  capacityText,
  GROUP_LABEL,
  SCORE_LABELS,
  ScoreAverage,
  StatusBadge,
  useDeliverableTypes,
  useSetSearch,
} from './shared';

type Result = z.infer<typeof CompareResult>;
type Person = Result['contractors'][number];

/**
 * R9 side by side (`?compare=a,b,c`): rate next to quality, the seeds' "calculated bargaining".
 * The cheapest rate in force and the best score of each row are marked.
 */
export function CompareView({ ids }: { ids: string[] }) {
  const setSearch = useSetSearch();
  const { names } = useDeliverableTypes();
  const q = useQuery({
    queryKey: ['compare', ids.join(',')],
    queryFn: () => api<Result>(`/api/contractors/compare?ids=${ids.join(',')}`),
  });
  const back = (
    <Button size="sm" variant="ghost" onClick={() => setSearch({ compare: null })}>
      <ArrowLeft size={14} /> Back to the list
    </Button>
  );
  if (q.isPending)
    return (
      <div className="p-5">
        <Spinner label="Comparing" />
      </div>
    );
  if (q.isError)
    return (
      <div className="p-5">
        {back}
        <ErrorNotice error={q.error} />
      </div>
    );
  const people = q.data.contractors;
  const best = (values: (number | null)[], low: boolean) => {
    const v = values.filter((x): x is number => x !== null);
    return v.length > 1 ? (low ? Math.min(...v) : Math.max(...v)) : null;
  };
  const row = (label: ReactNode, cell: (p: Person) => ReactNode, key: string) => (
    <tr key={key} className="border-b border-line/70">
      <th scope="row" className="py-1.5 pr-4 text-left text-xs font-medium text-muted">
        {label}
      </th>
      {people.map((p) => (
        <td key={p.id} className="py-1.5 pr-4 align-top">
          {cell(p)}
        </td>
      ))}
    </tr>
  );
  const scoreRow = (k: keyof Scorecard) => {
    const top = best(
      people.map((p) => p.scorecard?.[k] ?? null),
      false,
    );
    return row(
      SCORE_LABELS[k],
      (p) => {
        const v = p.scorecard?.[k] ?? null;
        return (
          <span className={cx(v !== null && v === top && 'font-semibold text-ok')}>{v ?? '—'}</span>
        );
      },
      k,
    );
  };
  return (
    <div className="flex flex-col gap-3 p-5">
      <div className="flex items-center justify-between">
        {back}
        <span className="text-xs text-muted">Rates in force on {formatDay(q.data.asOf)}</span>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[640px] border-collapse text-sm">
          <caption className="sr-only">Contractors side by side</caption>
          <thead>
            <tr className="border-b border-line">
              <td className="w-52" />
              {people.map((p) => (
                <th key={p.id} scope="col" className="py-2 pr-4 text-left align-bottom">
                  <button
                    type="button"
                    className="font-semibold hover:underline"
                    onClick={() => setSearch({ contractor: p.id, tab: null })}
                  >
                    {p.name}
                  </button>
                  <div className="mt-1">
                    <StatusBadge status={p.status} />
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {row('Capacity', (p) => capacityText(p), 'capacity')}
            {row('Time zone', (p) => p.timeZone, 'tz')}
            {row('Included rounds', (p) => p.includedRevisionRounds, 'rounds')}
            {row('Payment terms', (p) => p.paymentTerms, 'terms')}
            {row(
              'Skills',
              (p) => (
                <span className="text-muted">
                  {p.skills.map((s) => names.get(s) ?? 'Archived type').join(', ') || '—'}
                </span>
              ),
              'skills',
            )}
            {row(
              'Scorecard average',
              (p) => (
                <ScoreAverage scorecard={p.scorecard} />
              ),
              'avg',
            )}
            {(Object.keys(SCORE_LABELS) as (keyof Scorecard)[]).map(scoreRow)}
            {row(
              'Trial outcome',
              (p) => (
                <span className="text-muted">{p.trialOutcome || '—'}</span>
              ),
              'trial',
            )}
          </tbody>
          {(['organic', 'influencer'] as const).map((g) => (
            <tbody key={g}>
              <tr>
                <th scope="colgroup" colSpan={people.length + 1} className="pt-4 pb-1 text-left">
                  {GROUP_LABEL[g]} rates
                </th>
              </tr>
              {q.data.deliverableTypes
                .filter((t) => t.group === g)
                .map((t) => {
                  const rate = (p: Person) => p.rates.find((r) => r.deliverableTypeId === t.id);
                  // Only contractors with the skill compete for the cheapest mark.
                  const inForce = people.map((p) =>
                    p.skills.includes(t.id) ? (rate(p)?.inForce ?? null) : null,
                  );
                  // Amounts in different currencies are not compared.
                  const oneCurrency =
                    new Set(inForce.flatMap((r) => (r ? [r.currency] : []))).size <= 1;
                  const cheapest = oneCurrency
                    ? best(
                        inForce.map((r) => r?.amountMinor ?? null),
                        true,
                      )
                    : null;
                  return row(
                    t.name,
                    (p) => {
                      const r = rate(p)?.inForce;
                      if (!r) return <span className="text-muted">—</span>;
                      const skilled = p.skills.includes(t.id);
                      return (
                        <span className={cx('flex items-center gap-1.5', !skilled && 'opacity-60')}>
                          <span
                            className={cx(
                              'tabular-nums',
                              r.amountMinor === cheapest && 'font-semibold text-ok',
                            )}
                          >
                            {formatMoney(r.amountMinor, r.currency)}
                          </span>
                          {r.source === 'negotiated' ? (
                            <Badge tone="accent">negotiated</Badge>
                          ) : null}
                          {skilled ? null : <span className="text-xs text-muted">not a skill</span>}
                        </span>
                      );
                    },
                    t.id,
                  );
                })}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}
