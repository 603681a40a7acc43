import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Send } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { SlackSettings } from '../../../contracts/notifications';
import { Badge, Button, ErrorNotice, Field, Input, Spinner } from '../../components/ui';
import { ApiError, api, errorMessage, post, put } from '../../lib/api';
import { Panel } from '../me/parts';

const KEY = ['slack-settings'];

/** Admin: the Slack incoming webhook of the workspace, and optional channels per client. */
export function SlackPanel() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: KEY,
    queryFn: () => api<SlackSettings>('/api/integrations/slack'),
  });
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | undefined>();

  const save = useMutation({
    mutationFn: (webhookUrl: string | null) => put('/api/integrations/slack', { webhookUrl }),
    onSuccess: (_r, webhookUrl) => {
      toast.success(webhookUrl ? 'Slack connected' : 'Slack webhook removed');
      setUrl('');
      setError(undefined);
      qc.invalidateQueries({ queryKey: KEY });
      qc.invalidateQueries({ queryKey: ['notification-preferences'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields?.['body.webhookUrl'])
        setError(e.fields['body.webhookUrl']);
      else toast.error(errorMessage(e));
    },
  });
  const test = useMutation({
    mutationFn: () => post('/api/integrations/slack/test'),
    onSuccess: () => toast.success('Test message sent to Slack'),
    onError: (e) => toast.error(errorMessage(e)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(url.trim());
  };

  return (
    <Panel
      title="Slack"
      description="Reminders people chose to get in Slack are posted to this channel, naming who they are for. Create an incoming webhook in Slack (Apps → Incoming Webhooks) and paste its URL."
    >
      {q.isPending ? (
        <div className="p-4">
          <Spinner label="Loading Slack settings" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : (
        <>
          <div className="flex flex-col gap-3 border-b border-line p-4">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-muted">Workspace channel:</span>
              {q.data.workspaceWebhook ? (
                <Badge tone="ok">Connected · {q.data.workspaceWebhook}</Badge>
              ) : q.data.fallbackConfigured ? (
                <Badge tone="accent">Using the server’s default webhook</Badge>
              ) : (
                <Badge>Not connected</Badge>
              )}
              <span className="ml-auto flex gap-1">
                <Button
                  size="sm"
                  disabled={!q.data.workspaceWebhook && !q.data.fallbackConfigured}
                  busy={test.isPending}
                  onClick={() => test.mutate()}
                >
                  <Send size={12} /> Send test
                </Button>
                {q.data.workspaceWebhook ? (
                  <Button size="sm" variant="ghost" onClick={() => save.mutate(null)}>
                    Disconnect
                  </Button>
                ) : null}
              </span>
            </div>
            <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
              <div className="min-w-64 flex-1">
                <Field
                  label={q.data.workspaceWebhook ? 'Replace webhook URL' : 'Webhook URL'}
                  hint="https://hooks.slack.com/services/…"
                  error={error}
                >
                  {(p) => (
                    <Input {...p} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
                  )}
                </Field>
              </div>
              <Button type="submit" variant="primary" busy={save.isPending} disabled={!url.trim()}>
                Save
              </Button>
            </form>
          </div>
          <ClientChannels clients={q.data.clients} />
        </>
      )}
    </Panel>
  );
}

function ClientChannels({ clients }: { clients: SlackSettings['clients'] }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const save = useMutation({
    mutationFn: (v: { id: string; webhookUrl: string | null }) =>
      put(`/api/integrations/slack/clients/${v.id}`, { webhookUrl: v.webhookUrl }),
    onSuccess: () => {
      toast.success('Client channel saved');
      setEditing(null);
      setUrl('');
      qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  if (clients.length === 0) return null;
  return (
    <details className="group">
      <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium hover:bg-sunken">
        Client channels{' '}
        <span className="text-xs font-normal text-muted">
          ({clients.filter((c) => c.webhook).length} of {clients.length} have their own)
        </span>
      </summary>
      <ul className="pb-2">
        {clients.map((c) => (
          <li
            key={c.id}
            className="flex flex-wrap items-center gap-2 border-t border-line px-4 py-2 text-sm"
          >
            <span className="min-w-40 flex-1 font-medium">{c.name}</span>
            {editing === c.id ? (
              <form
                className="flex flex-1 gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  save.mutate({ id: c.id, webhookUrl: url.trim() });
                }}
              >
                <label className="sr-only" htmlFor={`slack-${c.id}`}>
                  Slack webhook URL for {c.name}
                </label>
                <Input
                  id={`slack-${c.id}`}
                  type="url"
                  value={url}
                  onChange={(e) => setUrl(e.target.value)}
                  autoFocus
                />
                <Button
                  size="sm"
                  type="submit"
                  variant="primary"
                  disabled={!url.trim()}
                  busy={save.isPending}
                >
                  Save
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
                  Cancel
                </Button>
              </form>
            ) : (
              <>
                <span className="text-xs text-muted">{c.webhook ?? 'Workspace channel'}</span>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    setEditing(c.id);
                    setUrl('');
                  }}
                >
                  {c.webhook ? 'Change' : 'Own channel'}
                </Button>
                {c.webhook ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => save.mutate({ id: c.id, webhookUrl: null })}
                  >
                    Remove
                  </Button>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
