import { useQuery } from '@tanstack/react-query';
import { Columns2, ExternalLink, FileText, List } from 'lucide-react';
import { useState } from 'react';
import type { DeliverableList, DeliverableVersion } from '../../../contracts/workflow';
import { Button, Spinner } from '../../components/ui';
import { api, linkInWorkspace } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import { useMe } from '../../lib/session';

const kb = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1048576).toFixed(1)} MB`;

export function useDeliverables(taskId: string) {
  return useQuery({
    queryKey: ['task', taskId, 'deliverables'],
    queryFn: () => api<DeliverableList>(`/api/tasks/${taskId}/deliverables`),
  });
}

/** The submitted versions; staff compare the last two side by side. */
export function DeliverablesView({ taskId, canCompare }: { taskId: string; canCompare: boolean }) {
  const q = useDeliverables(taskId);
  const versions = q.data?.items ?? [];
  const [compare, setCompare] = useState(true);
  if (q.isPending) return <Spinner label="Loading versions" />;
  if (versions.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-line p-3 text-sm text-muted">
        No version submitted yet. The contractor's first version is the draft the strategist scrubs.
      </p>
    );
  }
  const sideBySide = canCompare && compare && versions.length >= 2;
  return (
    <section aria-labelledby="versions-h" className="flex flex-col gap-2">
      <div className="flex items-center justify-between">
        <h3 id="versions-h" className="text-xs font-semibold text-muted">
          Deliverable versions ({versions.length})
        </h3>
        {canCompare && versions.length >= 2 ? (
          <Button size="sm" variant="ghost" onClick={() => setCompare(!compare)}>
            {sideBySide ? <List size={14} /> : <Columns2 size={14} />}
            {sideBySide
              ? 'Show all versions'
              : `Compare v${versions[1].number} and v${versions[0].number}`}
          </Button>
        ) : null}
      </div>
      {sideBySide ? (
        <div className="grid gap-2 sm:grid-cols-2" data-testid="version-compare">
          <VersionCard v={versions[1]} />
          <VersionCard v={versions[0]} latest />
        </div>
      ) : (
        <ol className="flex flex-col gap-2" data-testid="versions">
          {versions.map((v, i) => (
            <li key={v.id}>
              <VersionCard v={v} latest={i === 0} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function VersionCard({ v, latest }: { v: DeliverableVersion; latest?: boolean }) {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  return (
    <article
      className={`flex flex-col gap-2 rounded-md border p-3 text-sm ${latest ? 'border-accent/50' : 'border-line'}`}
    >
      <header className="flex flex-wrap items-baseline gap-2">
        <span className="font-semibold">Version {v.number}</span>
        {latest ? <span className="text-xs text-accent">latest</span> : null}
        <span className="ml-auto text-xs text-muted">
          {v.submittedBy.name ?? 'Contractor'} · {formatInstant(v.submittedAt, tz)}
        </span>
      </header>
      {v.note ? <p className="whitespace-pre-wrap">{v.note}</p> : null}
      {v.links.length > 0 ? (
        <ul className="flex flex-col gap-1">
          {v.links.map((l) => (
            <li key={l.url} className="min-w-0">
              <a
                href={l.url}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="inline-flex max-w-full items-center gap-1 text-accent underline underline-offset-2"
              >
                <ExternalLink size={12} className="shrink-0" aria-hidden />
                <span className="font-medium">{l.label}</span>
                <span className="truncate text-xs text-muted">{l.url}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {v.attachments.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {v.attachments.map((a) => (
            <li key={a.id}>
              <a
                href={linkInWorkspace(`/api/attachments/${a.id}`)}
                className="flex items-center gap-2 rounded border border-line p-1.5 text-xs hover:bg-sunken"
                download={a.filename}
              >
                {a.contentType.startsWith('image/') ? (
                  <img
                    src={linkInWorkspace(`/api/attachments/${a.id}`)}
                    alt=""
                    className="size-10 rounded object-cover"
                  />
                ) : (
                  <FileText size={16} aria-hidden />
                )}
                <span>
                  {a.filename}
                  <span className="block text-muted">{kb(a.size)}</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
