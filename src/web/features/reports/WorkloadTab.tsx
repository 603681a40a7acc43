import { CalendarRange } from 'lucide-react';
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { WorkloadReport } from '../../../contracts/reports';
import { Badge, cx, EmptyState, ErrorNotice, Select, Spinner } from '../../components/ui';
import { useUrlState } from '../../lib/url-state';
import { AXIS, CsvLink, dayLabel, GRID, SERIES, TOOLTIP, useReport } from './shared';

type Row = WorkloadReport['contractors'][number];

/** R32 workload: each contractor's load by week against capacity, unavailability shaded. */
export function WorkloadTab(props: { from: string }) {
  const [weeks, setWeeks] = useUrlState('weeks', '6');
  const { url, query } = useReport<WorkloadReport>('workload', { from: props.from, weeks });
  if (query.isPending) return <Spinner label="Loading workload" />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const r = query.data;
  const over = new Set(r.overNextWeek.map((c) => c.contractorId));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
          <span className="text-muted">Over capacity next week ({dayLabel(r.nextWeek)}):</span>
          {r.overNextWeek.length === 0 ? (
            <Badge tone="ok">Nobody</Badge>
          ) : (
            r.overNextWeek.map((c) => (
              <Badge key={c.contractorId} tone="bad">
                {c.name}
              </Badge>
            ))
          )}
        </div>
        <div className="flex items-center gap-2">
          <label className="text-xs text-muted" htmlFor="workload-weeks">
            Weeks
          </label>
          <Select
            id="workload-weeks"
            value={weeks}
            onChange={(e) => setWeeks(e.target.value)}
            className="w-20"
          >
            {[4, 6, 8, 12].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
          <CsvLink url={url} filename={`workload-${r.weeks[0]}.csv`} />
        </div>
      </div>
      {r.contractors.length === 0 ? (
        <EmptyState icon={<CalendarRange size={24} />} title="No active contractors">
          Workload shows each active contractor's assigned items per week against their weekly
          capacity. Add or activate contractors under Contractors.
        </EmptyState>
      ) : (
        <section
          className="rounded-lg border border-line bg-panel"
          aria-label="Load against capacity by week"
        >
          <header className="border-b border-line px-4 py-2">
            <h2 className="text-sm font-semibold">Load against capacity by week</h2>
            <p className="text-xs text-muted">
              Bars: units due that week (the sum of task quantities, as suggestions count them), red
              when over. Line: capacity, reduced for weekdays away. Shaded: weeks with time away.
            </p>
          </header>
          <div className="grid gap-3 p-3 sm:grid-cols-2 xl:grid-cols-3">
            {r.contractors.map((c) => (
              <ContractorChart key={c.contractorId} row={c} over={over.has(c.contractorId)} />
            ))}
          </div>
          <div className="overflow-x-auto border-t border-line p-3">
            <LoadTable r={r} over={over} />
          </div>
        </section>
      )}
    </div>
  );
}

/** One contractor's weeks: load bars against the capacity line, weeks away shaded. */
function ContractorChart({ row, over }: { row: Row; over: boolean }) {
  const data = row.cells.map((c) => ({ ...c, week: dayLabel(c.weekStart) }));
  return (
    <div className="rounded-md border border-line p-2">
      <div className="flex items-center justify-between gap-2 px-1 text-xs">
        <span className="font-medium">{row.name}</span>
        <span className="text-muted">
          {row.weeklyCapacity} {row.capacityUnit}/week
          {over ? (
            <Badge tone="bad" title="Over capacity next week">
              next week
            </Badge>
          ) : null}
        </span>
      </div>
      <div className="h-32" data-testid="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ left: -24, right: 4, top: 6 }}>
            <CartesianGrid stroke={GRID} vertical={false} />
            {data.map((d) =>
              d.unavailableDays > 0 ? (
                <ReferenceArea
                  key={d.week}
                  x1={d.week}
                  x2={d.week}
                  fill="var(--color-warn)"
                  fillOpacity={0.15}
                  ifOverflow="extendDomain"
                />
              ) : null,
            )}
            <XAxis dataKey="week" tick={{ ...AXIS, fontSize: 10 }} stroke={AXIS.stroke} />
            <YAxis tick={{ ...AXIS, fontSize: 10 }} stroke={AXIS.stroke} allowDecimals={false} />
            <Tooltip {...TOOLTIP} />
            <Bar isAnimationActive={false} dataKey="load" name="Load" radius={[2, 2, 0, 0]}>
              {data.map((d) => (
                <Cell key={d.week} fill={d.over ? SERIES[3] : SERIES[0]} />
              ))}
            </Bar>
            <Line
              isAnimationActive={false}
              dataKey="capacity"
              name="Capacity"
              type="stepAfter"
              stroke={SERIES[1]}
              strokeWidth={2}
              dot={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

/** Contractor × week: load / capacity, shaded where the contractor is away. */
function LoadTable({ r, over }: { r: WorkloadReport; over: Set<string> }) {
  return (
    <table className="w-full border-collapse text-xs">
      <caption className="pb-1 text-left text-xs font-medium text-muted">
        Load / capacity per contractor and week
      </caption>
      <thead>
        <tr className="border-b border-line text-muted">
          <th scope="col" className="py-1 pr-2 text-left">
            Contractor
          </th>
          {r.weeks.map((w) => (
            <th key={w} scope="col" className="whitespace-nowrap px-1 py-1 text-right">
              {dayLabel(w)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {r.contractors.map((c) => (
          <tr key={c.contractorId} className="border-b border-line/60 last:border-0">
            <th scope="row" className="py-1 pr-2 text-left font-normal">
              {c.name}
              {over.has(c.contractorId) ? <span className="sr-only"> (over next week)</span> : null}
              <span className="block text-[11px] text-muted">
                {c.weeklyCapacity} {c.capacityUnit}/week
              </span>
            </th>
            {c.cells.map((cell) => (
              <td
                key={cell.weekStart}
                className={cx(
                  'px-1 py-1 text-right tabular-nums',
                  cell.unavailableDays > 0 && 'bg-warn/10',
                  cell.over && 'font-semibold text-bad',
                )}
                title={
                  cell.unavailableDays > 0
                    ? `Away ${cell.unavailableDays} weekday${cell.unavailableDays === 1 ? '' : 's'}`
                    : undefined
                }
              >
                {cell.load}/{cell.capacity}
                {cell.unavailableDays > 0 ? (
                  <span className="sr-only"> (away {cell.unavailableDays} days)</span>
                ) : null}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
