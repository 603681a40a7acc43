import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { ContractorProfile } from '../../../contracts/contractors';
import type { ContractorRates } from '../../../contracts/rates';
import { Badge, Button, ErrorNotice, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { formatDay } from '../availability/dates';
import { GROUP_LABEL, UNIT_LABEL, useContractorAbilities } from '../contractors/shared';
import { NewRateForm } from './NewRateForm';

type Item = ContractorRates['items'][number];

/** A contractor's rates by deliverable type, as the API reports them (R7; R5 for contractors). */
export function useContractorRates(contractorId: string) {
  return useQuery({
    queryKey: ['contractor-rates', contractorId],
    queryFn: () => api<ContractorRates>(`/api/contractors/${contractorId}/rates`),
  });
}

/** R7 in the panel: the rate in force per type (negotiated or default) and negotiated history. */
export function ContractorRatesTab({ contractor }: { contractor: ContractorProfile }) {
  const qc = useQueryClient();
  const can = useContractorAbilities();
  const q = useContractorRates(contractor.id);
  const [open, setOpen] = useState<string | null>(null);
  if (q.isPending)
    return (
      <div className="p-5">
        <Spinner label="Loading rates" />
      </div>
    );
  if (q.isError) return <ErrorNotice error={q.error} />;
  const items = q.data.items;
  const skills = new Set(contractor.skills);
  return (
    <div className="flex flex-col gap-5 p-5">
      <p className="text-xs text-muted">
        Rates in force on {formatDay(q.data.asOf)}. Work is priced at the rate in force when it was
        assigned; a new rate starts on its date and the history is kept.
      </p>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Rates of {contractor.name}</caption>
        <thead>
          <tr className="border-b border-line text-left text-xs text-muted">
            <th scope="col" className="py-2 pr-3 font-medium">
              Deliverable type
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              In force
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Source
            </th>
            <th scope="col" className="py-2 font-medium">
              <span className="sr-only">History</span>
            </th>
          </tr>
        </thead>
        {(['organic', 'influencer'] as const).map((g) => (
          <tbody key={g}>
            <tr>
              <th
                colSpan={4}
                scope="colgroup"
                className="pt-3 pb-1 text-left text-xs font-semibold"
              >
                {GROUP_LABEL[g]}
              </th>
            </tr>
            {items
              .filter((i) => i.deliverableType.group === g)
              .map((i) => (
                <Fragment key={i.deliverableType.id}>
                  <RateRow
                    item={i}
                    skilled={skills.has(i.deliverableType.id)}
                    expanded={open === i.deliverableType.id}
                    onToggle={() =>
                      setOpen(open === i.deliverableType.id ? null : i.deliverableType.id)
                    }
                  />
                  {open === i.deliverableType.id ? <HistoryRow item={i} /> : null}
                </Fragment>
              ))}
          </tbody>
        ))}
      </table>
      {can.editRates ? (
        <section
          aria-labelledby="neg-h"
          className="flex flex-col gap-2 rounded-md bg-sunken/60 p-3"
        >
          <h3 id="neg-h" className="text-sm font-semibold">
            Add a negotiated rate
          </h3>
          <NewRateForm
            types={items.map((i) => i.deliverableType)}
            contractorId={contractor.id}
            currency={contractor.currency}
            onAdded={() => {
              qc.invalidateQueries({ queryKey: ['contractor-rates', contractor.id] });
              qc.invalidateQueries({ queryKey: ['rate-card'] });
            }}
          />
        </section>
      ) : null}
    </div>
  );
}

function RateRow({
  item,
  skilled,
  expanded,
  onToggle,
}: {
  item: Item;
  skilled: boolean;
  expanded: boolean;
  onToggle: () => void;
}) {
  const { deliverableType: t, inForce } = item;
  return (
    <tr className="border-b border-line/70">
      <td className="py-1.5 pr-3">
        <span className={skilled ? 'font-medium' : 'text-muted'}>{t.name}</span>
        <span className="text-xs text-muted"> · {UNIT_LABEL[t.unit]}</span>
        {skilled ? null : <span className="sr-only"> (not a listed skill)</span>}
      </td>
      <td className="py-1.5 pr-3 text-right tabular-nums">
        {inForce ? formatMoney(inForce.amountMinor, inForce.currency) : '—'}
      </td>
      <td className="py-1.5 pr-3">
        {inForce?.source === 'negotiated' ? (
          <span className="flex flex-wrap items-center gap-1.5">
            <Badge tone="accent">Negotiated</Badge>
            {item.default ? (
              <span className="text-xs text-muted">
                default {formatMoney(item.default.amountMinor, item.default.currency)}
              </span>
            ) : null}
          </span>
        ) : inForce ? (
          <Badge>Default</Badge>
        ) : (
          <span className="text-xs text-muted">No rate yet</span>
        )}
      </td>
      <td className="py-1.5 text-right">
        <Button size="sm" variant="ghost" aria-expanded={expanded} onClick={onToggle}>
          History ({item.history.length})
        </Button>
      </td>
    </tr>
  );
}

function HistoryRow({ item }: { item: Item }) {
  return (
    <tr className="border-b border-line/70 bg-sunken/40">
      <td colSpan={4} className="px-3 py-2">
        {item.history.length === 0 ? (
          <p className="text-xs text-muted">
            No negotiated rate: the department default applies
            {item.default ? ` (since ${formatDay(item.default.effectiveFrom)})` : ''}.
          </p>
        ) : (
          <ul className="flex flex-col gap-1 text-xs">
            {item.history.map((h) => (
              <li key={h.id} className="flex flex-wrap gap-x-2">
                <span className="font-medium tabular-nums">
                  {formatMoney(h.amountMinor, h.currency)}
                </span>
                <span>from {formatDay(h.effectiveFrom)}</span>
                {h.note ? <span className="text-muted">· {h.note}</span> : null}
                {h.createdByName ? (
                  <span className="text-muted">· by {h.createdByName}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
