import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import {
  type ChannelChoice,
  NOTIFICATION_KIND_INFO,
  type PreferenceItem,
  type Preferences,
} from '../../../contracts/notifications';
import { Button, ErrorNotice, Spinner } from '../../components/ui';
import { api, errorMessage, put } from '../../lib/api';
import { useMe } from '../../lib/session';
import { Panel } from '../me/parts';

const CHANNELS: { key: keyof ChannelChoice; label: string }[] = [
  { key: 'inApp', label: 'In-app' },
  { key: 'email', label: 'E-mail' },
  { key: 'slack', label: 'Slack' },
];

/** R31: per kind of notification, whether I get it in the app, by e-mail and in Slack. */
export function NotificationsPanel() {
  const qc = useQueryClient();
  const role = useMe().data?.current?.role;
  const q = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: () => api<Preferences>('/api/me/notification-preferences'),
  });
  const [draft, setDraft] = useState<PreferenceItem[] | null>(null);
  useEffect(() => {
    if (q.data) setDraft(q.data.items);
  }, [q.data]);

  const save = useMutation({
    mutationFn: (items: PreferenceItem[]) => put('/api/me/notification-preferences', { items }),
    onSuccess: () => {
      toast.success('Notification settings saved');
      qc.invalidateQueries({ queryKey: ['notification-preferences'] });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });

  if (q.isError) return <ErrorNotice error={q.error} />;
  const dirty = Boolean(draft && q.data && JSON.stringify(draft) !== JSON.stringify(q.data.items));
  const toggle = (kind: string, key: keyof ChannelChoice, value: boolean) =>
    setDraft((d) => d?.map((i) => (i.kind === kind ? { ...i, [key]: value } : i)) ?? null);

  return (
    <Panel
      title="Notifications"
      description="What reaches you, and where. The bell shows in-app ones; e-mail goes to your sign-in address."
      actions={
        <Button
          variant="primary"
          size="sm"
          disabled={!dirty}
          busy={save.isPending}
          onClick={() => draft && save.mutate(draft)}
        >
          Save
        </Button>
      }
    >
      {!draft || !q.data ? (
        <div className="p-4">
          <Spinner label="Loading notification settings" />
        </div>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Notification channels per kind</caption>
            <thead className="text-left text-xs text-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  When
                </th>
                {CHANNELS.map((c) => (
                  <th key={c.key} scope="col" className="w-20 px-2 py-2 text-center font-medium">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {draft
                .filter((item) => role && NOTIFICATION_KIND_INFO[item.kind].audience.includes(role))
                .map((item) => {
                  const info = NOTIFICATION_KIND_INFO[item.kind];
                  return (
                    <tr key={item.kind} className="border-t border-line">
                      <th scope="row" className="px-4 py-2 text-left font-normal">
                        <div className="font-medium">{info.label}</div>
                        <div className="text-xs text-muted">{info.description}</div>
                      </th>
                      {CHANNELS.map((c) => {
                        const applies = info.channels.includes(c.key);
                        const slackOff = c.key === 'slack' && !q.data.slackConfigured;
                        return (
                          <td key={c.key} className="px-2 py-2 text-center">
                            {applies ? (
                              <input
                                type="checkbox"
                                className="size-4 accent-[var(--color-accent)]"
                                aria-label={`${info.label}: ${c.label}`}
                                checked={item[c.key]}
                                disabled={slackOff}
                                title={
                                  slackOff ? 'An admin has not connected Slack yet' : undefined
                                }
                                onChange={(e) => toggle(item.kind, c.key, e.target.checked)}
                              />
                            ) : (
                              <span className="text-xs text-muted">
                                <span aria-hidden>—</span>
                                <span className="sr-only">Not available</span>
                              </span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
            </tbody>
          </table>
          {!q.data.slackConfigured ? (
            <p className="border-t border-line px-4 py-2 text-xs text-muted">
              Slack is not connected for this workspace yet: an admin can add its webhook under
              Settings → Slack.
            </p>
          ) : null}
        </div>
      )}
    </Panel>
  );
}
