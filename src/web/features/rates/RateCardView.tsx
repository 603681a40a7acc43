import { useQuery } from '@tanstack/react-query';
import { Plus, Receipt } from 'lucide-react';
import { useState } from 'react';
import type { RateCard } from '../../../contracts/rates';
import { DataTable } from '../../components/DataTable';
import { Badge, Button, EmptyState, ErrorNotice, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { useUrlState } from '../../lib/url-state';
import { formatDay } from '../availability/dates';
import { GROUP_LABEL, UNIT_LABEL, useContractorAbilities } from '../contractors/shared';
import { DeliverableTypePanel } from './DeliverableTypePanel';
import { NewDeliverableTypeDialog } from './NewDeliverableTypeDialog';

type Item = RateCard['items'][number];

export function useRateCard() {
  return useQuery({ queryKey: ['rate-card'], queryFn: () => api<RateCard>('/api/rate-card') });
}

/**
 * R7 rate card (the SOP's "Overview tab"): every deliverable type by group with its unit,
 * production days and the department default in force; a row opens its history.
 */
export function RateCardView() {
  const can = useContractorAbilities();
  const q = useRateCard();
  const [typeId, setTypeId] = useUrlState('type');
  const [creating, setCreating] = useState(false);
  if (q.isPending)
    return (
      <div className="p-5">
        <Spinner label="Loading the rate card" />
      </div>
    );
  if (q.isError) return <ErrorNotice error={q.error} />;
  const items = q.data.items.filter((i) => !i.deliverableType.archived);
  return (
    <div className="flex flex-col gap-4 p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted">
          Department defaults in force on {formatDay(q.data.asOf)}. A contractor's negotiated rate
          replaces the default for that contractor. Open a type for its history.
        </p>
        {can.manage ? (
          <Button size="sm" onClick={() => setCreating(true)}>
            <Plus size={14} /> Add deliverable type
          </Button>
        ) : null}
      </div>
      {items.length === 0 ? (
        <EmptyState icon={<Receipt size={24} />} title="The rate card is empty">
          {can.manage
            ? 'Add the deliverable types your agency outsources (e.g. "Caption copy", "Reel edit") with their unit and a default rate, or import rates from a CSV.'
            : 'An admin or coordinator adds the deliverable types your agency outsources.'}
        </EmptyState>
      ) : (
        (['organic', 'influencer'] as const).map((g) => (
          <section key={g} aria-labelledby={`group-${g}`} className="flex flex-col gap-1">
            <h2 id={`group-${g}`} className="text-sm font-semibold">
              {GROUP_LABEL[g]}
            </h2>
            <DataTable
              caption={`${GROUP_LABEL[g]} rate card`}
              rows={items.filter((i) => i.deliverableType.group === g)}
              rowKey={(i) => i.deliverableType.id}
              selectedKey={typeId}
              onOpen={(i) => setTypeId(i.deliverableType.id)}
              empty={<p className="px-3 py-2 text-sm text-muted">No {GROUP_LABEL[g]} types yet.</p>}
              columns={COLUMNS}
            />
          </section>
        ))
      )}
      {typeId ? (
        <DeliverableTypePanel
          item={q.data.items.find((i) => i.deliverableType.id === typeId)}
          onClose={() => setTypeId(null)}
        />
      ) : null}
      <NewDeliverableTypeDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setTypeId(id);
        }}
      />
    </div>
  );
}

const COLUMNS = [
  {
    key: 'name',
    header: 'Deliverable type',
    cell: (i: Item) => <span className="font-medium">{i.deliverableType.name}</span>,
    sortValue: (i: Item) => i.deliverableType.sort,
    className: 'w-[26%]',
  },
  {
    key: 'unit',
    header: 'Unit',
    cell: (i: Item) => <span className="text-muted">{UNIT_LABEL[i.deliverableType.unit]}</span>,
    className: 'w-[11%]',
  },
  {
    key: 'days',
    header: 'Production days',
    cell: (i: Item) => i.deliverableType.defaultProductionDays,
    sortValue: (i: Item) => i.deliverableType.defaultProductionDays,
    className: 'w-[9%] text-right',
  },
  {
    key: 'rate',
    header: 'Default rate',
    cell: (i: Item) =>
      i.current ? (
        <span className="tabular-nums">
          {formatMoney(i.current.amountMinor, i.current.currency)}
        </span>
      ) : (
        <span className="text-muted">none</span>
      ),
    sortValue: (i: Item) => i.current?.amountMinor ?? null,
    className: 'w-[10%] text-right',
  },
  {
    key: 'since',
    header: 'Since',
    cell: (i: Item) => (
      <span className="flex flex-wrap items-center gap-1.5 text-muted">
        {i.current ? formatDay(i.current.effectiveFrom) : '—'}
        {nextUpcoming(i) ? <UpcomingBadge rate={nextUpcoming(i)!} /> : null}
      </span>
    ),
    className: 'w-[18%]',
  },
  {
    key: 'history',
    header: 'History',
    cell: (i: Item) => {
      const before = i.current
        ? i.history.find((h) => h.effectiveFrom < i.current!.effectiveFrom)
        : undefined;
      return (
        <span className="text-muted">
          {before ? `was ${formatMoney(before.amountMinor, before.currency)} · ` : ''}
          {i.history.length} rate{i.history.length === 1 ? '' : 's'}
        </span>
      );
    },
    sortValue: (i: Item) => i.history.length,
    className: 'w-[16%]',
  },
  {
    key: 'negotiated',
    header: 'Negotiated',
    cell: (i: Item) =>
      i.negotiatedInForce.length ? (
        <span title={i.negotiatedInForce.map((n) => n.contractorName).join(', ')}>
          {i.negotiatedInForce.length} contractor{i.negotiatedInForce.length === 1 ? '' : 's'}
        </span>
      ) : (
        <span className="text-muted">—</span>
      ),
    sortValue: (i: Item) => i.negotiatedInForce.length,
  },
];

const nextUpcoming = (i: Item) =>
  [...i.upcoming].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];

export function UpcomingBadge({ rate }: { rate: Item['upcoming'][number] }) {
  return (
    <Badge tone="accent" title="A new default rate already recorded for a later date">
      {formatMoney(rate.amountMinor, rate.currency)} from {formatDay(rate.effectiveFrom)}
    </Badge>
  );
}
