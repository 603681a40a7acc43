import { Users } from 'lucide-react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import type { ScorecardReport } from '../../../contracts/reports';
import { DataTable } from '../../components/DataTable';
import { EmptyState, ErrorNotice, Spinner } from '../../components/ui';
import { formatMoney } from '../../lib/format';
import {
  AXIS,
  ChartCard,
  CsvLink,
  GRID,
  NumbersTable,
  pct,
  pctValue,
  periodLabel,
  SERIES,
  TOOLTIP,
  useReport,
} from './shared';

/** R32 contractor scorecards: quality side by side, the monthly trend, and rate against quality. */
export function ScorecardsTab(props: {
  from: string;
  to: string;
  contractorId: string;
  deliverableTypeId: string;
}) {
  const { url, query } = useReport<ScorecardReport>('scorecards', {
    from: props.from,
    to: props.to,
    contractorId: props.contractorId,
    deliverableTypeId: props.deliverableTypeId,
  });
  if (query.isPending) return <Spinner label="Loading scorecards" />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const r = query.data;
  if (r.rows.length === 0) {
    return (
      <EmptyState icon={<Users size={24} />} title="No contractor work in this range">
        Scorecards fill in as contractors finish subtasks and tasks pass QA. Widen the date range,
        or assign a first request from Requests.
      </EmptyState>
    );
  }
  const names = new Map(r.rows.map((x) => [x.contractorId, x.name]));
  const quality = r.rows.map((x) => ({
    name: x.name,
    onTime: pctValue(x.onTimeRate),
    qa: pctValue(x.qaFirstPassRate),
  }));
  // Trend: one line per contractor (the five with most tasks), on-time % by month.
  const top = [...r.rows].sort((a, b) => b.tasks - a.tasks).slice(0, SERIES.length);
  const months = [...new Set(r.trend.map((p) => p.month))].sort();
  const trend = months.map((m) => {
    const point: Record<string, string | number | null> = { month: periodLabel(m) };
    for (const c of top) {
      const p = r.trend.find((t) => t.month === m && t.contractorId === c.contractorId);
      point[c.contractorId] = pctValue(p?.onTimeRate);
    }
    return point;
  });
  const bargain = r.bargaining.rows
    .filter((b) => b.rateMinor !== null && b.qaFirstPassRate !== null)
    .map((b) => ({ ...b, rate: b.rateMinor ?? 0, qa: pctValue(b.qaFirstPassRate) ?? 0 }));
  const rateCurrency = bargain[0]?.currency ?? 'USD';
  const money = (v: unknown) => formatMoney(Number(v), rateCurrency);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">
        <CsvLink url={url} filename={`scorecards-${r.from}-to-${r.to}.csv`} />
      </div>
      <ChartCard
        title="On time and QA first pass"
        hint="On time: contractor subtasks done by the end of their due day. QA first pass: tasks that never failed QA."
        chart={
          <BarChart data={quality} margin={{ left: -16, right: 8, top: 8 }}>
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis
              dataKey="name"
              tick={AXIS}
              stroke={AXIS.stroke}
              interval={0}
              tickFormatter={(n: string) => n.split(' ')[0]}
            />
            <YAxis domain={[0, 100]} unit="%" tick={AXIS} stroke={AXIS.stroke} />
            <Tooltip {...TOOLTIP} formatter={(v) => `${v} %`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              isAnimationActive={false}
              dataKey="onTime"
              name="On time"
              fill={SERIES[0]}
              radius={[3, 3, 0, 0]}
            />
            <Bar
              isAnimationActive={false}
              dataKey="qa"
              name="QA first pass"
              fill={SERIES[1]}
              radius={[3, 3, 0, 0]}
            />
          </BarChart>
        }
        table={
          <NumbersTable
            caption="On time and QA first pass by contractor"
            head={['Contractor', 'On time', 'Final on time', 'QA first pass']}
            rows={r.rows.map((x) => [
              x.name,
              pct(x.onTimeRate),
              pct(x.finalOnTimeRate),
              pct(x.qaFirstPassRate),
            ])}
          />
        }
      />
      <ChartCard
        title="On-time trend by month"
        hint="The contractors with the most tasks in the range."
        chart={
          <LineChart data={trend} margin={{ left: -16, right: 16, top: 8 }}>
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis dataKey="month" tick={AXIS} stroke={AXIS.stroke} />
            <YAxis domain={[0, 100]} unit="%" tick={AXIS} stroke={AXIS.stroke} />
            <Tooltip {...TOOLTIP} formatter={(v) => `${v} %`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {top.map((c, i) => (
              <Line
                isAnimationActive={false}
                key={c.contractorId}
                dataKey={c.contractorId}
                name={c.name}
                stroke={SERIES[i]}
                strokeWidth={2}
                dot={{ r: 3 }}
                connectNulls
              />
            ))}
          </LineChart>
        }
        table={
          <NumbersTable
            caption="On-time rate by month"
            head={['Month', ...top.map((c) => c.name)]}
            rows={trend.map((p) => [
              String(p.month),
              ...top.map((c) => (p[c.contractorId] === null ? '—' : `${p[c.contractorId]} %`)),
            ])}
          />
        }
      />
      {r.bargaining.deliverableType ? (
        <ChartCard
          title={`Rate against quality: ${r.bargaining.deliverableType.name}`}
          hint={`Rate in force on ${r.bargaining.asOf} against QA first pass on this type's tasks. Up and to the left is the better deal.`}
          chart={
            <ScatterChart margin={{ left: -8, right: 16, top: 20 }}>
              <CartesianGrid stroke={GRID} />
              <XAxis
                dataKey="rate"
                name="Rate"
                type="number"
                domain={[0, (max: number) => Math.ceil((max * 1.25) / 100) * 100]}
                tickFormatter={money}
                tick={AXIS}
                stroke={AXIS.stroke}
              />
              <YAxis
                dataKey="qa"
                name="QA first pass"
                unit="%"
                domain={[0, 100]}
                tick={AXIS}
                stroke={AXIS.stroke}
              />
              <ZAxis range={[80, 80]} />
              <Tooltip
                {...TOOLTIP}
                formatter={(v, n) => (n === 'Rate' ? money(v) : `${v} %`)}
                labelFormatter={() => ''}
              />
              <Scatter isAnimationActive={false} data={bargain} name="Contractors" fill={SERIES[0]}>
                <LabelList
                  dataKey="name"
                  position="top"
                  style={{ fontSize: 11, fill: 'var(--color-ink)' }}
                />
              </Scatter>
            </ScatterChart>
          }
          table={
            <NumbersTable
              caption={`${r.bargaining.deliverableType.name}: rate, QA first pass and on time`}
              head={['Contractor', 'Rate', 'QA first pass', 'On time']}
              rows={r.bargaining.rows.map((b) => [
                b.name,
                b.rateMinor === null || !b.currency
                  ? '—'
                  : `${formatMoney(b.rateMinor, b.currency)}${b.rateSource === 'negotiated' ? ' *' : ''}`,
                pct(b.qaFirstPassRate),
                pct(b.onTimeRate),
              ])}
            />
          }
        />
      ) : null}
      <section className="rounded-lg border border-line bg-panel">
        <h2 className="border-b border-line px-4 py-2 text-sm font-semibold">Scorecards</h2>
        <DataTable
          caption="Contractor scorecards"
          rows={r.rows}
          rowKey={(x) => x.contractorId}
          initialSort={{ key: 'name', dir: 'asc' }}
          columns={[
            {
              key: 'name',
              header: 'Contractor',
              cell: (x) => <span className="font-medium">{x.name}</span>,
              sortValue: (x) => x.name.toLowerCase(),
            },
            {
              key: 'tasks',
              header: 'Tasks',
              cell: (x) => x.tasks,
              sortValue: (x) => x.tasks,
              className: 'text-right',
            },
            {
              key: 'onTime',
              header: 'On time',
              cell: (x) => `${pct(x.onTimeRate)} (${x.subtasksOnTime}/${x.subtasksDue})`,
              sortValue: (x) => x.onTimeRate,
              className: 'text-right',
            },
            {
              key: 'rounds',
              header: 'Avg rounds',
              cell: (x) => x.avgRevisionRounds ?? '—',
              sortValue: (x) => x.avgRevisionRounds,
              className: 'text-right',
            },
            {
              key: 'qa',
              header: 'QA first pass',
              cell: (x) => `${pct(x.qaFirstPassRate)} (${x.qaFirstPass}/${x.qaReviewed})`,
              sortValue: (x) => x.qaFirstPassRate,
              className: 'text-right',
            },
            {
              key: 'esc',
              header: 'Escalations',
              cell: (x) => x.escalations,
              sortValue: (x) => x.escalations,
              className: 'text-right',
            },
            {
              key: 'kudos',
              header: 'Kudos',
              cell: (x) => x.kudos,
              sortValue: (x) => x.kudos,
              className: 'text-right',
            },
            {
              key: 'cost',
              header: 'Cost / accepted',
              cell: (x) =>
                x.costPerAcceptedMinor === null
                  ? '—'
                  : formatMoney(x.costPerAcceptedMinor, x.currency),
              sortValue: (x) => x.costPerAcceptedMinor,
              className: 'text-right',
            },
          ]}
        />
        <p className="px-4 py-2 text-xs text-muted">
          Cost per accepted deliverable: item amounts of client-ready or closed tasks ÷ their
          quantity. {names.size} contractor{names.size === 1 ? '' : 's'}; * = negotiated rate.
        </p>
      </section>
    </div>
  );
}
