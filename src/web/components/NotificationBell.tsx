import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Bell, CheckCheck, Settings } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useState } from 'react';
import { toast } from 'sonner';
import type { Notification, NotificationList } from '../../contracts/notifications';
import { api, errorMessage, post } from '../lib/api';
import { formatInstant } from '../lib/format';
import { Button, cx, Spinner } from './ui';

const BELL_KEY = ['notifications', 'bell'] as const;
const POLL_MS = 30_000;

/** "just now", "5 min ago", "3 h ago", else the day and time in the person's zone. */
function ago(iso: string, timeZone: string, now = Date.now()): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h ago`;
  return formatInstant(iso, timeZone);
}

/**
 * R31 in the sidebar: the unread count (polled every 30 s) and a popover of the latest
 * notifications. Opening one marks it read and goes to the place to act.
 */
export function NotificationBell({
  timeZone,
  onNavigate,
}: {
  timeZone: string;
  onNavigate?: () => void;
}) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: BELL_KEY,
    queryFn: () => api<NotificationList>('/api/notifications?limit=15'),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
  const unread = q.data?.unreadCount ?? 0;

  const markRead = useMutation({
    mutationFn: (id: string) => post(`/api/notifications/${id}/read`),
    onSettled: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const markAll = useMutation({
    mutationFn: () => post('/api/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
    onError: (e) => toast.error(errorMessage(e)),
  });

  const go = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    onNavigate?.();
    navigate({ href: n.link });
  };

  return (
    <Popover.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) q.refetch();
      }}
    >
      <Popover.Trigger asChild>
        <button
          type="button"
          aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
          data-testid="notification-bell"
          className="mx-2 flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-muted hover:bg-sunken hover:text-ink"
        >
          <Bell size={16} />
          <span>Notifications</span>
          {unread > 0 ? (
            <span
              data-testid="notification-count"
              className="ml-auto min-w-5 rounded-full bg-accent px-1.5 text-center text-xs font-semibold text-accent-ink"
            >
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          // Beside the sidebar on a laptop; below the bell on a phone, where there is no room.
          side={window.matchMedia('(min-width: 768px)').matches ? 'right' : 'bottom'}
          align="start"
          sideOffset={8}
          collisionPadding={8}
          className="z-50 flex max-h-[70vh] w-[min(380px,92vw)] flex-col rounded-lg border border-line bg-panel shadow-xl"
        >
          <div className="flex items-center justify-between gap-2 border-b border-line px-3 py-2">
            <h2 className="text-sm font-semibold">Notifications</h2>
            <div className="flex items-center gap-1">
              <Button
                size="sm"
                variant="ghost"
                disabled={unread === 0}
                busy={markAll.isPending}
                onClick={() => markAll.mutate()}
              >
                <CheckCheck size={12} /> Mark all read
              </Button>
              <Button
                size="sm"
                variant="ghost"
                aria-label="Notification settings"
                onClick={() => {
                  setOpen(false);
                  onNavigate?.();
                  navigate({ to: '/me/settings' });
                }}
              >
                <Settings size={12} />
              </Button>
            </div>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto">
            {q.isPending ? (
              <div className="p-4">
                <Spinner label="Loading" />
              </div>
            ) : q.isError ? (
              <p className="p-4 text-sm text-bad">{errorMessage(q.error)}</p>
            ) : q.data.items.length === 0 ? (
              <div className="p-6 text-center text-sm text-muted">
                <p className="font-medium text-ink">You're all caught up</p>
                <p className="mt-1">
                  New work, due dates, overdue items and requests waiting for triage show up here.
                </p>
              </div>
            ) : (
              <ul aria-label="Latest notifications">
                {q.data.items.map((n) => (
                  <li key={n.id} className="border-b border-line last:border-b-0">
                    <button
                      type="button"
                      onClick={() => go(n)}
                      className={cx(
                        'flex w-full gap-2 px-3 py-2.5 text-left hover:bg-sunken focus-visible:bg-sunken',
                        n.readAt ? 'text-muted' : 'text-ink',
                      )}
                    >
                      <span
                        aria-hidden
                        className={cx(
                          'mt-1.5 size-2 shrink-0 rounded-full',
                          n.readAt ? 'bg-transparent' : 'bg-accent',
                        )}
                      />
                      <span className="min-w-0 flex-1">
                        <span className={cx('block text-sm', !n.readAt && 'font-medium')}>
                          {n.title}
                          {n.readAt ? null : <span className="sr-only"> (unread)</span>}
                        </span>
                        <span className="mt-0.5 line-clamp-2 block text-xs text-muted">
                          {n.body}
                        </span>
                        <span className="mt-1 block text-[11px] text-muted">
                          {ago(n.createdAt, timeZone)}
                        </span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
