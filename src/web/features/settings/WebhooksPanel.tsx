import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ChevronDown, ChevronRight, Send, Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import {
  WEBHOOK_EVENTS,
  type Webhook,
  type WebhookDelivery,
} from '../../../contracts/notifications';
import { Modal } from '../../components/SidePanel';
import { Badge, Button, ErrorNotice, Field, Input, Spinner } from '../../components/ui';
import { ApiError, api, del, errorMessage, post } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import { useMe } from '../../lib/session';
import { CopyField, Panel } from '../me/parts';

const EVENTS = WEBHOOK_EVENTS.filter((e) => e !== 'ping');
const STATUS_TONE = { delivered: 'ok', pending: 'warn', failed: 'bad' } as const;

/** Admin: outgoing webhooks — URL and events, signed deliveries, their log, a test send. */
export function WebhooksPanel() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['webhooks'],
    queryFn: () => api<{ items: Webhook[] }>('/api/webhooks'),
  });
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['*']);
  const [urlError, setUrlError] = useState<string | undefined>();
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: () => post<Webhook & { secret: string }>('/api/webhooks', { url, events }),
    onSuccess: (w) => {
      setSecret(w.secret);
      setUrl('');
      setUrlError(undefined);
      qc.invalidateQueries({ queryKey: ['webhooks'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields?.['body.url']) setUrlError(e.fields['body.url']);
      else toast.error(errorMessage(e));
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => del(`/api/webhooks/${id}`),
    onSuccess: () => {
      toast.success('Webhook deleted');
      qc.invalidateQueries({ queryKey: ['webhooks'] });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const test = useMutation({
    mutationFn: (id: string) => post<WebhookDelivery>(`/api/webhooks/${id}/test`),
    onSuccess: (d, id) => {
      if (d.status === 'delivered') toast.success(`Test delivered (HTTP ${d.statusCode})`);
      else toast.error(`Test not delivered: ${d.error ?? 'no answer'}; it will be retried`);
      setOpen(id);
      qc.invalidateQueries({ queryKey: ['webhook-deliveries', id] });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });

  const all = events.includes('*');
  const toggle = (event: string, on: boolean) =>
    setEvents((list) => {
      if (event === '*') return on ? ['*'] : [];
      const rest = list.filter((e) => e !== '*' && e !== event);
      return on ? [...rest, event] : rest;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <Panel
      title="Webhooks"
      description="Handoff POSTs JSON to your URL when these events happen, signed with X-Handoff-Signature. Failures are retried after 1 m, 5 m, 30 m, 2 h and 6 h."
    >
      <form onSubmit={submit} className="flex flex-col gap-3 border-b border-line p-4">
        <Field label="Endpoint URL" error={urlError}>
          {(p) => (
            <Input
              {...p}
              type="url"
              placeholder="https://example.com/handoff-webhook"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </Field>
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-muted">Events</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <label className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={all}
                onChange={(e) => toggle('*', e.target.checked)}
              />
              All events
            </label>
            {EVENTS.map((ev) => (
              <label key={ev} className="flex items-center gap-1.5 font-mono text-xs">
                <input
                  type="checkbox"
                  disabled={all}
                  checked={all || events.includes(ev)}
                  onChange={(e) => toggle(ev, e.target.checked)}
                />
                {ev}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <Button
            type="submit"
            variant="primary"
            busy={create.isPending}
            disabled={!url || events.length === 0}
          >
            Add webhook
          </Button>
        </div>
      </form>
      {q.isPending ? (
        <div className="p-4">
          <Spinner label="Loading webhooks" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : q.data.items.length === 0 ? (
        <p className="p-4 text-sm text-muted">
          No webhooks yet. Add one to push assignments, overdue work and triage reminders to your
          own tools.
        </p>
      ) : (
        <ul>
          {q.data.items.map((w) => (
            <li key={w.id} className="border-b border-line last:border-b-0">
              <div className="flex flex-wrap items-center gap-2 px-4 py-2.5">
                <button
                  type="button"
                  aria-expanded={open === w.id}
                  aria-label={`Deliveries of ${w.url}`}
                  onClick={() => setOpen(open === w.id ? null : w.id)}
                  className="rounded p-0.5 text-muted hover:bg-sunken"
                >
                  {open === w.id ? <ChevronDown size={14} /> : <ChevronRight size={14} />}
                </button>
                <div className="min-w-0 flex-1">
                  <div className="truncate font-mono text-xs">{w.url}</div>
                  <div className="mt-1 flex flex-wrap gap-1">
                    {w.events.map((e) => (
                      <Badge key={e}>{e === '*' ? 'all events' : e}</Badge>
                    ))}
                  </div>
                </div>
                <Button
                  size="sm"
                  busy={test.isPending && test.variables === w.id}
                  onClick={() => test.mutate(w.id)}
                >
                  <Send size={12} /> Send test
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Delete webhook ${w.url}`}
                  onClick={() => {
                    if (
                      window.confirm(`Delete the webhook to ${w.url}? Its delivery log goes too.`)
                    ) {
                      remove.mutate(w.id);
                    }
                  }}
                >
                  <Trash2 size={12} />
                </Button>
              </div>
              {open === w.id ? <Deliveries webhookId={w.id} /> : null}
            </li>
          ))}
        </ul>
      )}
      <Modal open={secret !== null} onClose={() => setSecret(null)} title="Webhook added">
        {secret ? (
          <div className="flex flex-col gap-4 text-sm">
            <p className="text-muted">
              Verify each delivery: compute HMAC-SHA256 of{' '}
              <code className="font-mono">{'<t>.<body>'}</code> with this secret and compare it with{' '}
              <code className="font-mono">v1</code> in{' '}
              <code className="font-mono">X-Handoff-Signature: t=…,v1=…</code>. It is shown once.
            </p>
            <CopyField label="Signing secret" value={secret} />
            <div className="flex justify-end">
              <Button variant="primary" onClick={() => setSecret(null)}>
                Done
              </Button>
            </div>
          </div>
        ) : null}
      </Modal>
    </Panel>
  );
}

function Deliveries({ webhookId }: { webhookId: string }) {
  const timeZone = useMe().data?.current?.timeZone ?? 'UTC';
  const q = useQuery({
    queryKey: ['webhook-deliveries', webhookId],
    queryFn: () =>
      api<{ items: WebhookDelivery[] }>(`/api/webhooks/${webhookId}/deliveries?limit=10`),
    refetchInterval: 15_000,
  });
  if (q.isPending)
    return (
      <div className="px-4 pb-3">
        <Spinner label="Loading deliveries" />
      </div>
    );
  if (q.isError) return <ErrorNotice error={q.error} />;
  if (q.data.items.length === 0) {
    return (
      <p className="px-4 pb-3 text-xs text-muted">No deliveries yet. Send a test to try it.</p>
    );
  }
  return (
    <table className="mb-2 w-full text-xs">
      <caption className="sr-only">Recent deliveries</caption>
      <thead className="text-left text-muted">
        <tr>
          <th scope="col" className="px-4 py-1 font-medium">
            Event
          </th>
          <th scope="col" className="px-2 py-1 font-medium">
            Status
          </th>
          <th scope="col" className="px-2 py-1 font-medium">
            Attempts
          </th>
          <th scope="col" className="px-4 py-1 font-medium">
            When
          </th>
        </tr>
      </thead>
      <tbody>
        {q.data.items.map((d) => (
          <tr key={d.id} className="border-t border-line align-top">
            <td className="px-4 py-1.5 font-mono">{d.event}</td>
            <td className="px-2 py-1.5">
              <Badge tone={STATUS_TONE[d.status]}>
                {d.status}
                {d.statusCode ? ` · ${d.statusCode}` : ''}
              </Badge>
              {d.error && d.status !== 'delivered' ? (
                <div className="mt-0.5 max-w-64 truncate text-muted" title={d.error}>
                  {d.error}
                </div>
              ) : null}
            </td>
            <td className="px-2 py-1.5">{d.attempt}</td>
            <td className="px-4 py-1.5 text-muted">
              {formatInstant(d.createdAt, timeZone)}
              {d.status === 'pending' && d.nextAttemptAt
                ? ` · retry ${formatInstant(d.nextAttemptAt, timeZone)}`
                : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
