import { Activity } from 'lucide-react';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProcessHealthReport } from '../../../contracts/reports';
import { Badge, EmptyState, ErrorNotice, Spinner } from '../../components/ui';
import {
  AXIS,
  ChartCard,
  CsvLink,
  dayLabel,
  GRID,
  NumbersTable,
  pct,
  pctValue,
  SERIES,
  Stat,
  TOOLTIP,
  useReport,
} from './shared';

type Share = { count: number; total: number; rate: number | null };

const hours = (h: number | null) => {
  if (h === null) return '—';
  if (h < 1) return `${Math.round(h * 60)} min`;
  return h >= 48 ? `${Math.round((h / 24) * 10) / 10} days` : `${h} h`;
};

/** R32 process health: are requests, revisions and feedback following the rules? */
export function ProcessHealthTab(props: { from: string; to: string; clientId: string }) {
  const { url, query } = useReport<ProcessHealthReport>('process-health', {
    from: props.from,
    to: props.to,
    clientId: props.clientId,
  });
  if (query.isPending) return <Spinner label="Loading process health" />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const r = query.data;
  const shares: { label: string; share: Share; tone: number }[] = [
    { label: 'Requests with 14+ days lead', share: r.requests.lead14Plus, tone: 1 },
    { label: 'Requests with 7–13 days', share: r.requests.lead7to13, tone: 2 },
    { label: 'Requests under 7 days', share: r.requests.leadUnder7, tone: 3 },
    { label: 'Lead-time overrides', share: r.requests.overrides, tone: 3 },
    { label: 'Revisions with 3+ business days notice', share: r.revisions.withNotice, tone: 0 },
    { label: 'Feedback items with the why', share: r.feedbackWithWhy, tone: 0 },
    { label: 'One-sheeters complete', share: r.oneSheeters.complete, tone: 0 },
  ];
  const data = shares.map((s) => ({
    label: s.label,
    value: pctValue(s.share.rate) ?? 0,
    tone: s.tone,
  }));
  const nothing =
    r.requests.total === 0 &&
    r.revisions.withNotice.total === 0 &&
    r.oneSheeters.complete.total === 0;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">
        <CsvLink url={url} filename={`process-health-${r.from}-to-${r.to}.csv`} />
      </div>
      {nothing ? (
        <EmptyState icon={<Activity size={24} />} title="Nothing to measure in this range yet">
          Process health fills in as strategists submit requests and revisions. Widen the date range
          or pick another client.
        </EmptyState>
      ) : null}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Requests submitted" value={r.requests.total} />
        <Stat
          label="Request → assignment (median)"
          value={hours(r.requestToAssignment.medianHours)}
          hint={`Average ${hours(r.requestToAssignment.avgHours)} over ${r.requestToAssignment.count} assigned`}
        />
        <Stat
          label="Late revision requests"
          value={r.revisions.late}
          hint="Under 3 business days before the due date"
        />
        <Stat
          label="Feedback with the why"
          value={pct(r.feedbackWithWhy.rate)}
          hint="Required on every item (R19), so 100 % by construction"
        />
      </div>
      <ChartCard
        title="Rules kept"
        hint="Share of requests, revisions, feedback items and clients in the range."
        height={280}
        chart={
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid stroke={GRID} horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit="%" tick={AXIS} stroke={AXIS.stroke} />
            <YAxis type="category" dataKey="label" width={170} tick={AXIS} stroke={AXIS.stroke} />
            <Tooltip {...TOOLTIP} formatter={(v) => `${v} %`} />
            <Bar isAnimationActive={false} dataKey="value" name="Share" radius={[0, 3, 3, 0]}>
              {data.map((d) => (
                <Cell key={d.label} fill={SERIES[d.tone]} />
              ))}
            </Bar>
          </BarChart>
        }
        table={
          <NumbersTable
            caption="Process health shares"
            head={['Measure', 'Count', 'Of', 'Share']}
            rows={shares.map((s) => [s.label, s.share.count, s.share.total, pct(s.share.rate)])}
          />
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="rounded-lg border border-line bg-panel">
          <h2 className="border-b border-line px-4 py-2 text-sm font-semibold">
            Missing weekly updates (last 4 weeks)
          </h2>
          <ul className="divide-y divide-line text-sm">
            {r.weeklyUpdates.map((w) => (
              <li key={w.weekStart} className="flex flex-wrap items-center gap-2 px-4 py-2">
                <span className="w-40 text-muted">Week of {dayLabel(w.weekStart)}</span>
                {w.missing.length === 0 ? (
                  <Badge tone="ok">All posted</Badge>
                ) : (
                  w.missing.map((m) => (
                    <Badge key={m.contractorId} tone="warn">
                      {m.name}
                    </Badge>
                  ))
                )}
              </li>
            ))}
          </ul>
        </section>
        <section className="rounded-lg border border-line bg-panel">
          <h2 className="border-b border-line px-4 py-2 text-sm font-semibold">
            Incomplete one-sheeters
          </h2>
          {r.oneSheeters.incomplete.length === 0 ? (
            <p className="px-4 py-3 text-sm text-muted">
              Every active client has a complete one-sheeter.
            </p>
          ) : (
            <ul className="divide-y divide-line text-sm">
              {r.oneSheeters.incomplete.map((c) => (
                <li key={c.clientId} className="flex items-center justify-between px-4 py-2">
                  <a className="hover:underline" href={`/clients?client=${c.clientId}`}>
                    {c.name}
                  </a>
                  <span className="text-xs text-muted">
                    {c.missing} required section{c.missing === 1 ? '' : 's'} missing
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
