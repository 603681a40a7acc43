import { Wallet } from 'lucide-react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { SpendReport } from '../../../contracts/reports';
import { DataTable } from '../../components/DataTable';
import { EmptyState, ErrorNotice, Select, Spinner } from '../../components/ui';
import { formatMoney } from '../../lib/format';
import { useUrlState } from '../../lib/url-state';
import {
  AXIS,
  ChartCard,
  CsvLink,
  GRID,
  NumbersTable,
  periodLabel,
  SERIES,
  TOOLTIP,
  useReport,
} from './shared';

const GROUP_LABEL = {
  client: 'Client',
  contractor: 'Contractor',
  type: 'Deliverable type',
} as const;

/** R32 spend against budget: planned, committed and actually invoiced, per month or quarter. */
export function SpendTab(props: { from: string; to: string }) {
  const [groupBy, setGroupBy] = useUrlState('groupBy', 'client');
  const [period, setPeriod] = useUrlState('period', 'month');
  const { url, query } = useReport<SpendReport>('spend', {
    from: props.from,
    to: props.to,
    groupBy,
    period,
  });
  const controls = (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <span className="flex items-center gap-2">
        <label className="text-xs text-muted" htmlFor="spend-group">
          Group by
        </label>
        <div className="w-44">
          <Select id="spend-group" value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
            <option value="client">Client</option>
            <option value="contractor">Contractor</option>
            <option value="type">Deliverable type</option>
          </Select>
        </div>
      </span>
      <span className="flex items-center gap-2">
        <label className="text-xs text-muted" htmlFor="spend-period">
          Per
        </label>
        <div className="w-32">
          <Select id="spend-period" value={period} onChange={(e) => setPeriod(e.target.value)}>
            <option value="month">Month</option>
            <option value="quarter">Quarter</option>
          </Select>
        </div>
      </span>
      {query.data ? (
        <CsvLink
          url={url}
          filename={`spend-${groupBy}-${query.data.from}-to-${query.data.to}.csv`}
        />
      ) : null}
    </div>
  );
  if (query.isPending) return <Spinner label="Loading spend" />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const r = query.data;
  const money = (v: unknown) => formatMoney(Number(v), r.currency);
  const totals = r.totals.map((t) => ({ ...t, label: periodLabel(t.period) }));
  const empty = r.rows.length === 0 && r.totals.every((t) => t.budgetMinor === 0);
  const group = GROUP_LABEL[r.groupBy];

  return (
    <div className="flex flex-col gap-4">
      {controls}
      {empty ? (
        <EmptyState icon={<Wallet size={24} />} title="No spend or budget in this range">
          Spend appears once work is assigned (committed) and invoices are approved (actual). Set
          monthly client budgets under Budgets to compare against a plan.
        </EmptyState>
      ) : (
        <>
          <ChartCard
            title={`Budget, committed and actual per ${r.period}`}
            hint={`All ${group.toLowerCase()}s, in ${r.currency}. Committed: assigned work at its rates; actual: approved and paid invoice lines.`}
            chart={
              <BarChart data={totals} margin={{ left: 8, right: 8 }}>
                <CartesianGrid stroke={GRID} vertical={false} />
                <XAxis dataKey="label" tick={AXIS} stroke={AXIS.stroke} />
                <YAxis tickFormatter={money} tick={AXIS} stroke={AXIS.stroke} width={72} />
                <Tooltip {...TOOLTIP} formatter={(v) => money(v)} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar
                  isAnimationActive={false}
                  dataKey="budgetMinor"
                  name="Budget"
                  fill={SERIES[4]}
                  radius={[3, 3, 0, 0]}
                />
                <Bar
                  isAnimationActive={false}
                  dataKey="committedMinor"
                  name="Committed"
                  fill={SERIES[0]}
                  radius={[3, 3, 0, 0]}
                />
                <Bar
                  isAnimationActive={false}
                  dataKey="actualMinor"
                  name="Actual"
                  fill={SERIES[1]}
                  radius={[3, 3, 0, 0]}
                />
              </BarChart>
            }
            table={
              <NumbersTable
                caption={`Totals per ${r.period}`}
                head={['Period', 'Budget', 'Committed', 'Actual']}
                rows={totals.map((t) => [
                  t.label,
                  money(t.budgetMinor),
                  money(t.committedMinor),
                  money(t.actualMinor),
                ])}
              />
            }
          />
          <section className="rounded-lg border border-line bg-panel">
            <h2 className="border-b border-line px-4 py-2 text-sm font-semibold">
              By {group.toLowerCase()}
            </h2>
            <DataTable
              caption={`Spend by ${group.toLowerCase()} and ${r.period}`}
              rows={r.rows}
              rowKey={(x) => `${x.key ?? ''}|${x.period}`}
              initialSort={{ key: 'period', dir: 'asc' }}
              columns={[
                {
                  key: 'label',
                  header: group,
                  cell: (x) => <span className="font-medium">{x.label}</span>,
                  sortValue: (x) => x.label.toLowerCase(),
                },
                {
                  key: 'period',
                  header: 'Period',
                  cell: (x) => periodLabel(x.period),
                  sortValue: (x) => x.period,
                },
                {
                  key: 'budget',
                  header: 'Budget',
                  cell: (x) => (x.budgetMinor === null ? '—' : money(x.budgetMinor)),
                  sortValue: (x) => x.budgetMinor,
                  className: 'text-right',
                },
                {
                  key: 'committed',
                  header: 'Committed',
                  cell: (x) => money(x.committedMinor),
                  sortValue: (x) => x.committedMinor,
                  className: 'text-right',
                },
                {
                  key: 'actual',
                  header: 'Actual',
                  cell: (x) => money(x.actualMinor),
                  sortValue: (x) => x.actualMinor,
                  className: 'text-right',
                },
                {
                  key: 'left',
                  header: 'Left of budget',
                  cell: (x) => {
                    if (x.budgetMinor === null) return <span className="text-muted">—</span>;
                    const left = x.budgetMinor - Math.max(x.committedMinor, x.actualMinor);
                    return (
                      <span className={left < 0 ? 'font-medium text-bad' : ''}>{money(left)}</span>
                    );
                  },
                  sortValue: (x) =>
                    x.budgetMinor === null
                      ? null
                      : x.budgetMinor - Math.max(x.committedMinor, x.actualMinor),
                  className: 'text-right',
                },
              ]}
            />
          </section>
        </>
      )}
    </div>
  );
}
