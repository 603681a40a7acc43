import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { OneSheeterDiff, OneSheeterVersionList } from '../../../contracts/clients';
import { Badge, EmptyState, ErrorNotice, Select, Spinner } from '../../components/ui';
import { api } from '../../lib/api';

type Versions = z.infer<typeof OneSheeterVersionList>;
type Diff = z.infer<typeof OneSheeterDiff>;

const show = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : Array.isArray(v)
      ? v.join('\n')
      : Object.entries(v as Record<string, string>)
          .map(([k, x]) => `${k}: ${x}`)
          .join('\n');

/** R3: every version, who saved it, and what changed between any two. */
export function OneSheeterHistory({ clientId }: { clientId: string }) {
  const versions = useQuery({
    queryKey: ['one-sheeter-versions', clientId],
    queryFn: () => api<Versions>(`/api/clients/${clientId}/one-sheeter/versions`),
  });
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  useEffect(() => {
    const items = versions.data?.items;
    if (items?.length) setRange({ to: items[0].version, from: items[0].version - 1 });
  }, [versions.data]);
  const diff = useQuery({
    queryKey: ['one-sheeter-diff', clientId, range?.from, range?.to],
    queryFn: () =>
      api<Diff>(`/api/clients/${clientId}/one-sheeter/diff?from=${range?.from}&to=${range?.to}`),
    enabled: Boolean(range),
  });
  if (versions.isPending)
    return (
      <div className="p-5">
        <Spinner label="Loading history" />
      </div>
    );
  if (versions.isError) return <ErrorNotice error={versions.error} />;
  if (!versions.data.items.length)
    return (
      <EmptyState title="No versions yet">
        Each save of the one-sheeter becomes a version here.
      </EmptyState>
    );
  const items = versions.data.items;
  return (
    <div className="flex flex-col gap-4 p-5">
      <ol
        className="flex flex-col divide-y divide-line rounded-md border border-line text-sm"
        aria-label="Versions"
      >
        {items.map((v) => (
          <li key={v.version} className="flex items-center gap-2 px-3 py-2">
            <span className="font-medium">Version {v.version}</span>
            <span className="text-muted">
              {v.author?.name ?? 'someone'} · {new Date(v.createdAt).toLocaleString()}
            </span>
            <span className="ml-auto">
              <Badge tone={v.completeness.complete ? 'ok' : 'warn'}>
                {v.completeness.filled}/{v.completeness.total}
              </Badge>
            </span>
          </li>
        ))}
      </ol>
      {range ? (
        <div className="flex items-center gap-2 text-sm">
          <span>Compare</span>
          <label className="sr-only" htmlFor="diff-from">
            From version
          </label>
          <Select
            id="diff-from"
            className="w-36"
            value={range.from}
            onChange={(e) => setRange({ ...range, from: Number(e.target.value) })}
          >
            <option value={0}>empty</option>
            {items.map((v) => (
              <option key={v.version} value={v.version}>
                version {v.version}
              </option>
            ))}
          </Select>
          <span>with</span>
          <label className="sr-only" htmlFor="diff-to">
            To version
          </label>
          <Select
            id="diff-to"
            className="w-36"
            value={range.to}
            onChange={(e) => setRange({ ...range, to: Number(e.target.value) })}
          >
            {items.map((v) => (
              <option key={v.version} value={v.version}>
                version {v.version}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      {diff.isError ? <ErrorNotice error={diff.error} /> : null}
      {diff.data ? (
        <div className="flex flex-col gap-3" data-testid="one-sheeter-diff">
          {diff.data.sections.filter((s) => s.changed).length === 0 ? (
            <p className="text-sm text-muted">No differences.</p>
          ) : null}
          {diff.data.sections
            .filter((s) => s.changed)
            .map((s) => (
              <div key={s.key} className="rounded-md border border-line">
                <div className="border-b border-line px-3 py-1.5 text-xs font-semibold">
                  {s.label}
                </div>
                <div className="grid grid-cols-2 text-sm">
                  <pre className="whitespace-pre-wrap break-words bg-bad/5 p-3 font-sans">
                    <span className="sr-only">Before: </span>
                    {show(s.before) || '—'}
                  </pre>
                  <pre className="whitespace-pre-wrap break-words bg-ok/5 p-3 font-sans">
                    <span className="sr-only">After: </span>
                    {show(s.after) || '—'}
                  </pre>
                </div>
              </div>
            ))}
        </div>
      ) : null}
    </div>
  );
}
