import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CalendarPlus } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { FeedList } from '../../../contracts/notifications';
import { Badge, Button, ErrorNotice, Spinner } from '../../components/ui';
import { api, del, errorMessage, post } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import { useMe } from '../../lib/session';
import { CopyField, Panel } from '../me/parts';

type Kind = FeedList['items'][number]['kind'];

const KIND_TEXT: Record<Kind, { title: string; about: string }> = {
  person: {
    title: 'My due dates',
    about: 'Your open subtasks as all-day events on their due dates.',
  },
  team: {
    title: 'Team due dates',
    about: 'Every open subtask of the agency, with who it is for (staff only).',
  },
};

/** Secret .ics links of due dates for Google Calendar, Apple Calendar or Outlook. */
export function FeedsPanel() {
  const qc = useQueryClient();
  const me = useMe();
  const timeZone = me.data?.current?.timeZone ?? 'UTC';
  const q = useQuery({ queryKey: ['feeds'], queryFn: () => api<FeedList>('/api/me/feeds') });
  const [fresh, setFresh] = useState<Partial<Record<Kind, string>>>({});

  const create = useMutation({
    mutationFn: (kind: Kind) => post<{ kind: Kind; url: string }>(`/api/me/feeds/${kind}`),
    onSuccess: (r) => {
      setFresh((f) => ({ ...f, [r.kind]: r.url }));
      toast.success('Calendar link ready: copy it now, it is shown once');
      qc.invalidateQueries({ queryKey: ['feeds'] });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const revoke = useMutation({
    mutationFn: (kind: Kind) => del(`/api/me/feeds/${kind}`),
    onSuccess: (_r, kind) => {
      setFresh((f) => ({ ...f, [kind]: undefined }));
      toast.success('Calendar link turned off');
      qc.invalidateQueries({ queryKey: ['feeds'] });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });

  return (
    <Panel
      title="Calendar feeds"
      description="Subscribe from your calendar app (“From URL” / “New calendar subscription”). Anyone with a link sees those dates: turn it off if it leaks."
    >
      {q.isPending ? (
        <div className="p-4">
          <Spinner label="Loading calendar links" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : (
        <ul>
          {q.data.items.map((feed) => {
            const url = fresh[feed.kind];
            return (
              <li
                key={feed.kind}
                className="flex flex-col gap-3 border-b border-line p-4 last:border-b-0"
              >
                <div className="flex flex-wrap items-center gap-2">
                  <div className="min-w-0 flex-1">
                    <div className="flex items-center gap-2 text-sm font-medium">
                      {KIND_TEXT[feed.kind].title}
                      {feed.active ? <Badge tone="ok">On</Badge> : <Badge>Off</Badge>}
                    </div>
                    <p className="text-xs text-muted">
                      {KIND_TEXT[feed.kind].about}
                      {feed.active && feed.createdAt
                        ? ` Link made ${formatInstant(feed.createdAt, timeZone)}.`
                        : ''}
                    </p>
                  </div>
                  <Button
                    size="sm"
                    variant={feed.active ? 'secondary' : 'primary'}
                    busy={create.isPending && create.variables === feed.kind}
                    onClick={() => create.mutate(feed.kind)}
                  >
                    <CalendarPlus size={12} />
                    {feed.active ? 'New link' : 'Make link'}
                  </Button>
                  {feed.active ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      busy={revoke.isPending && revoke.variables === feed.kind}
                      onClick={() => revoke.mutate(feed.kind)}
                    >
                      Turn off
                    </Button>
                  ) : null}
                </div>
                {url ? (
                  <CopyField
                    label={`${KIND_TEXT[feed.kind].title} link`}
                    value={url}
                    hint="Shown once. A new link stops the old one."
                  />
                ) : feed.active ? (
                  <p className="text-xs text-muted">
                    The link is only shown when it is made. Lost it? Make a new one (the old one
                    stops working).
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
