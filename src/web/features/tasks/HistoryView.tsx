import { useInfiniteQuery } from '@tanstack/react-query';
import type { HistoryPage } from '../../../contracts/workflow';
import { Button, EmptyState, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import { useMe } from '../../lib/session';

/** R30: the task's history from the audit trail, newest first, in plain English. */
export function HistoryView({ taskId }: { taskId: string }) {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const q = useInfiniteQuery({
    queryKey: ['task', taskId, 'history'],
    queryFn: ({ pageParam }) =>
      api<HistoryPage>(`/api/tasks/${taskId}/history${pageParam ? `?before=${pageParam}` : ''}`),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (q.isPending) {
    return (
      <div className="p-5">
        <Spinner label="Loading the history" />
      </div>
    );
  }
  const items = (q.data?.pages ?? []).flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <EmptyState title="No history yet">Every change to this task will show here.</EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-3 p-5">
      <ol className="relative flex flex-col gap-3 border-l border-line pl-4" data-testid="history">
        {items.map((h) => (
          <li key={h.id} className="text-sm">
            <span
              className="absolute -left-[4.5px] mt-1.5 size-2 rounded-full bg-line"
              aria-hidden
            />
            <div className="text-xs text-muted">
              <time dateTime={h.at}>{formatInstant(h.at, tz)}</time>
            </div>
            <p>{h.summary}</p>
            {h.changes.length > 0 ? (
              <ul className="mt-0.5 text-xs text-muted">
                {h.changes.map((c) => (
                  <li key={c.label}>
                    {c.label}: {c.from} → <span className="text-ink">{c.to}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {q.hasNextPage ? (
        <Button size="sm" onClick={() => q.fetchNextPage()} busy={q.isFetchingNextPage}>
          Older changes
        </Button>
      ) : null}
    </div>
  );
}
