import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { CheckCheck, Megaphone, Pencil, Pin, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { Announcement, AnnouncementList } from '../../../contracts/community';
import {
  Badge,
  Button,
  cx,
  EmptyState,
  ErrorNotice,
  PageHeader,
  Spinner,
} from '../../components/ui';
import { api, del, errorMessage, post } from '../../lib/api';
import { formatInstant, relativeDays, todayIn } from '../../lib/format';
import { useMe } from '../../lib/session';
import { AnnouncementComposer } from './AnnouncementComposer';

/**
 * `/announcements` (R26): news from the agency for everyone, contractors included; pinned on
 * top, then newest first; an unread dot until the person has read it.
 */
export function AnnouncementsPage() {
  const me = useMe();
  const role = me.data?.current?.role;
  const canWrite = role === 'admin' || role === 'coordinator';
  const qc = useQueryClient();
  const [composing, setComposing] = useState(false);
  const [editing, setEditing] = useState<Announcement | undefined>();
  const q = useInfiniteQuery({
    queryKey: ['announcements', 'list'],
    queryFn: ({ pageParam }) =>
      api<AnnouncementList>(
        `/api/announcements?limit=30${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const readAll = useMutation({
    mutationFn: () => post('/api/announcements/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['announcements'] }),
    onError: (e) => toast.error(errorMessage(e)),
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = q.data?.pages[0]?.unreadCount ?? 0;

  return (
    <>
      <PageHeader
        title="Announcements"
        subtitle={
          unread > 0
            ? `${unread} unread · news from the agency, contractors included`
            : 'News from the agency, contractors included'
        }
      >
        {unread > 0 ? (
          <Button onClick={() => readAll.mutate()} busy={readAll.isPending}>
            <CheckCheck size={14} /> Mark all read
          </Button>
        ) : null}
        {canWrite ? (
          <Button variant="primary" onClick={() => setComposing(true)}>
            <Plus size={14} /> New announcement
          </Button>
        ) : null}
      </PageHeader>
      {q.isPending ? (
        <div className="p-5">
          <Spinner label="Loading announcements" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : items.length === 0 ? (
        <EmptyState icon={<Megaphone size={24} />} title="No announcements yet">
          {canWrite
            ? 'Share holiday schedules, process changes and wins with everyone — contractors included, so they feel part of the team.'
            : 'News from the agency will show here.'}
        </EmptyState>
      ) : (
        <div className="mx-auto flex max-w-3xl flex-col gap-3 p-5">
          {items.map((a) => (
            <AnnouncementItem key={a.id} a={a} onEdit={() => setEditing(a)} />
          ))}
          {q.hasNextPage ? (
            <div className="flex justify-center">
              <Button onClick={() => q.fetchNextPage()} busy={q.isFetchingNextPage}>
                Older announcements
              </Button>
            </div>
          ) : null}
        </div>
      )}
      <AnnouncementComposer open={composing} onClose={() => setComposing(false)} />
      <AnnouncementComposer
        open={editing !== undefined}
        editing={editing}
        onClose={() => setEditing(undefined)}
      />
    </>
  );
}

function AnnouncementItem({ a, onEdit }: { a: Announcement; onEdit: () => void }) {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const qc = useQueryClient();
  const markRead = useMutation({
    mutationFn: () => post(`/api/announcements/${a.id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['announcements'] }),
  });
  const remove = useMutation({
    mutationFn: () => del(`/api/announcements/${a.id}`),
    onSuccess: () => {
      toast.success('Announcement deleted');
      qc.invalidateQueries({ queryKey: ['announcements'] });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const published = `${formatInstant(a.publishedAt, tz)} · ${relativeDays(
    todayIn(tz, new Date(a.publishedAt)),
    todayIn(tz),
  )}`;
  return (
    <article
      aria-labelledby={`ann-${a.id}`}
      className={cx(
        'rounded-lg border bg-panel p-4',
        a.pinned ? 'border-accent/50' : 'border-line',
      )}
    >
      <header className="mb-2 flex items-start gap-2">
        {a.read ? null : (
          <span className="mt-1.5 size-2 shrink-0 rounded-full bg-accent" title="Unread">
            <span className="sr-only">Unread</span>
          </span>
        )}
        <div className="min-w-0 flex-1">
          <h2
            id={`ann-${a.id}`}
            className={cx('text-sm', a.read ? 'font-medium' : 'font-semibold')}
          >
            {a.title}
          </h2>
          <p className="text-xs text-muted">
            {a.author?.name ?? 'The agency'} · <time dateTime={a.publishedAt}>{published}</time>
          </p>
        </div>
        <span className="flex shrink-0 items-center gap-1">
          {a.pinned ? (
            <Badge tone="accent">
              <Pin size={11} className="mr-1" /> Pinned
            </Badge>
          ) : null}
          {a.audience === 'staff' ? <Badge>Staff only</Badge> : null}
        </span>
      </header>
      <p className="whitespace-pre-wrap text-sm">{a.body}</p>
      <footer className="mt-3 flex flex-wrap items-center gap-2">
        {a.read ? null : (
          <Button size="sm" onClick={() => markRead.mutate()} busy={markRead.isPending}>
            Mark read
          </Button>
        )}
        {a.abilities.edit ? (
          <>
            <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit ${a.title}`}>
              <Pencil size={13} /> Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Delete ${a.title}`}
              busy={remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete “${a.title}” for everyone?`)) remove.mutate();
              }}
            >
              <Trash2 size={13} /> Delete
            </Button>
          </>
        ) : null}
      </footer>
    </article>
  );
}
