import { useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import type { ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import { toast } from 'sonner';
import { api, errorMessage } from '../../lib/api';
import { downloadFile } from '../invoices/shared';

/** Pieces the four report tabs share: fetching, CSV links, chart frames, colours and numbers. */

/** Chart colours are theme tokens, so light and dark mode both read well. */
export const SERIES = [
  'var(--color-accent)',
  'var(--color-ok)',
  'var(--color-warn)',
  'var(--color-bad)',
  'var(--color-muted)',
] as const;
export const AXIS = { stroke: 'var(--color-muted)', fontSize: 11 } as const;
export const GRID = 'var(--color-line)';
export const TOOLTIP = {
  contentStyle: {
    background: 'var(--color-panel)',
    border: '1px solid var(--color-line)',
    borderRadius: 6,
    fontSize: 12,
    color: 'var(--color-ink)',
  },
  labelStyle: { color: 'var(--color-ink)' },
  cursor: { fill: 'var(--color-sunken)' },
} as const;

export function useReport<T>(path: string, params: Record<string, string | undefined>) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  const url = `/api/reports/${path}?${qs}`;
  return {
    url,
    query: useQuery({
      queryKey: ['reports', path, qs.toString()],
      queryFn: () => api<T>(url),
      placeholderData: (prev) => prev,
    }),
  };
}

/** "Export CSV": a real link (works without script); with script it carries the workspace. */
export function CsvLink({ url, filename }: { url: string; filename: string }) {
  const href = `${url}${url.includes('?') ? '&' : '?'}format=csv`;
  return (
    <a
      href={href}
      download={filename}
      className="inline-flex h-8 items-center gap-1.5 rounded-md border border-line bg-panel px-2.5 text-sm hover:bg-sunken"
      onClick={(e) => {
        e.preventDefault();
        downloadFile(href, filename).catch((err) => toast.error(errorMessage(err)));
      }}
    >
      <Download size={14} aria-hidden /> Export CSV
    </a>
  );
}

/** A titled card with a chart on the left and its numbers (an accessible table) beside it. */
export function ChartCard({
  title,
  hint,
  chart,
  table,
  height = 240,
}: {
  title: string;
  hint?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  height?: number;
}) {
  return (
    <section className="rounded-lg border border-line bg-panel" aria-label={title}>
      <header className="border-b border-line px-4 py-2">
        <h2 className="text-sm font-semibold">{title}</h2>
        {hint ? <p className="text-xs text-muted">{hint}</p> : null}
      </header>
      <div className="grid gap-2 p-3 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0" data-testid="chart" aria-hidden="true" style={{ height }}>
          <ResponsiveContainer width="100%" height="100%">
            {chart as React.ReactElement}
          </ResponsiveContainer>
        </div>
        <div className="min-w-0 overflow-x-auto">{table}</div>
      </div>
    </section>
  );
}

/** A plain, compact table with a visible caption (the numbers behind a chart). */
export function NumbersTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: (string | number)[][];
}) {
  return (
    <table className="w-full border-collapse text-xs">
      <caption className="pb-1 text-left text-xs font-medium text-muted">{caption}</caption>
      <thead>
        <tr className="border-b border-line text-left text-muted">
          {head.map((h, i) => (
            <th key={h} scope="col" className={i === 0 ? 'py-1 pr-2' : 'py-1 pl-2 text-right'}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={String(r[0])} className="border-b border-line/60 last:border-0">
            {r.map((c, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="py-1 pr-2 text-left font-normal">
                  {c}
                </th>
              ) : (
                <td key={i} className="py-1 pl-2 text-right tabular-nums">
                  {c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <div className="rounded-lg border border-line bg-panel px-4 py-3">
      <div className="text-xs text-muted">{label}</div>
      <div className="text-xl font-semibold tabular-nums">{value}</div>
      {hint ? <div className="text-xs text-muted">{hint}</div> : null}
    </div>
  );
}

/** 0.756 → "75.6 %"; null → "—". */
export const pct = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10} %`;
/** A rate as a chart value in percent (null stays a gap). */
export const pctValue = (r: number | null | undefined) =>
  r === null || r === undefined ? null : Math.round(r * 1000) / 10;

/** "2026-11-23" → "Mon 23 Nov". */
export function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  })
    .format(new Date(Date.UTC(y, m - 1, d)))
    .replace(',', '');
}

/** "2026-05" → "May 2026"; quarters stay as they are. */
export function periodLabel(period: string): string {
  if (period.includes('Q')) return period.replace('-', ' ');
  const [y, m] = period.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}
