import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import {
  CATEGORY_LABELS,
  type Escalation,
  MIN_RESOLUTION_NOTES,
} from '../../../contracts/community';
import { SidePanel } from '../../components/SidePanel';
import { Button, ErrorNotice, Field, Spinner, Textarea } from '../../components/ui';
import { ApiError, api, errorMessage, post } from '../../lib/api';
import { useMe } from '../../lib/session';
import { EscalationStatusBadge, SeverityBadge, whenText } from './shared';

/** One escalation in a side panel (`?escalation=<id>`): the facts, its timeline, and the actions. */
export function EscalationPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useQuery({
    queryKey: ['escalations', 'one', id],
    queryFn: () => api<Escalation>(`/api/escalations/${id}`),
  });
  const e = q.data;
  return (
    <SidePanel
      open
      onClose={onClose}
      title={e ? `${CATEGORY_LABELS[e.category]} escalation` : 'Escalation'}
      description={
        e ? (
          <span className="flex items-center gap-2 pt-1">
            <SeverityBadge severity={e.severity} />
            <EscalationStatusBadge status={e.status} />
          </span>
        ) : undefined
      }
    >
      {q.isPending ? (
        <div className="p-5">
          <Spinner label="Loading escalation" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : (
        <Details e={q.data} onStale={() => q.refetch()} />
      )}
    </SidePanel>
  );
}

function Details({ e, onStale }: { e: Escalation; onStale: () => void }) {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const role = me.data?.current?.role;
  const staff = role !== undefined && role !== 'contractor';
  return (
    <div className="flex flex-col gap-5 p-5">
      <section aria-labelledby="esc-what" className="flex flex-col gap-1">
        <h3 id="esc-what" className="text-xs font-medium text-muted">
          What happened
        </h3>
        <p className="whitespace-pre-wrap text-sm">{e.description}</p>
      </section>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-sm">
        <dt className="text-muted">Contractor</dt>
        <dd>
          {e.contractor ? (
            staff ? (
              <Link
                to="/contractors"
                search={{ contractor: e.contractor.id } as never}
                className="hover:underline"
              >
                {e.contractor.name}
              </Link>
            ) : (
              e.contractor.name
            )
          ) : (
            '—'
          )}
        </dd>
        <dt className="text-muted">Task</dt>
        <dd>
          {e.task ? (
            <Link
              to={staff ? '/board' : '/my-work'}
              search={{ task: e.task.id } as never}
              className="hover:underline"
            >
              {e.task.title}
            </Link>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      <section aria-labelledby="esc-timeline" className="flex flex-col gap-2">
        <h3 id="esc-timeline" className="text-xs font-medium text-muted">
          Timeline
        </h3>
        <ol className="flex flex-col gap-2 border-l border-line pl-4 text-sm">
          <Step label={`Opened by ${e.openedBy.name}`} at={e.openedAt} tz={tz} />
          {e.acknowledgedAt ? (
            <Step
              label={`Acknowledged by ${e.acknowledgedBy?.name ?? 'someone'}`}
              at={e.acknowledgedAt}
              tz={tz}
            />
          ) : null}
          {e.resolvedAt ? (
            <Step
              label={`Resolved by ${e.resolvedBy?.name ?? 'someone'}`}
              at={e.resolvedAt}
              tz={tz}
            />
          ) : (
            <li className="text-muted">Open until it is resolved with notes (R24)</li>
          )}
        </ol>
      </section>
      {e.resolutionNotes ? (
        <section
          aria-labelledby="esc-notes"
          className="flex flex-col gap-1 rounded-md border border-ok/40 bg-ok/5 p-3"
        >
          <h3 id="esc-notes" className="text-xs font-medium text-ok">
            Resolution notes
          </h3>
          <p className="whitespace-pre-wrap text-sm">{e.resolutionNotes}</p>
        </section>
      ) : null}
      <Actions e={e} onStale={onStale} />
    </div>
  );
}

function Step({ label, at, tz }: { label: string; at: string; tz: string }) {
  return (
    <li className="relative">
      <span
        aria-hidden
        className="absolute -left-[21px] top-1.5 size-2 rounded-full bg-line ring-2 ring-panel"
      />
      <span className="font-medium">{label}</span>
      <span className="block text-xs text-muted">
        <time dateTime={at}>{whenText(at, tz)}</time>
      </span>
    </li>
  );
}

function Actions({ e, onStale }: { e: Escalation; onStale: () => void }) {
  const qc = useQueryClient();
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | undefined>();
  const done = (message: string) => {
    toast.success(message);
    qc.invalidateQueries({ queryKey: ['escalations'] });
  };
  const failed = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'STALE_VERSION') {
      toast.error('Someone changed this escalation meanwhile: here is the latest.');
      onStale();
      return;
    }
    if (err instanceof ApiError) setError(err.fields?.['body.notes']);
    toast.error(errorMessage(err));
  };
  const acknowledge = useMutation({
    mutationFn: () => post(`/api/escalations/${e.id}/acknowledge`, { version: e.version }),
    onSuccess: () => done('Acknowledged: the person who escalated can see it is in hand'),
    onError: failed,
  });
  const resolve = useMutation({
    mutationFn: () => post(`/api/escalations/${e.id}/resolve`, { version: e.version, notes }),
    onSuccess: () => {
      setNotes('');
      done('Resolved with notes');
    },
    onError: failed,
  });
  if (!e.abilities.acknowledge && !e.abilities.resolve) return null;
  const left = MIN_RESOLUTION_NOTES - notes.trim().length;
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    resolve.mutate();
  };
  return (
    <section aria-labelledby="esc-act" className="flex flex-col gap-3 border-t border-line pt-4">
      <h3 id="esc-act" className="text-sm font-semibold">
        Handle it
      </h3>
      {e.abilities.acknowledge ? (
        <div className="flex items-center gap-3">
          <Button onClick={() => acknowledge.mutate()} busy={acknowledge.isPending}>
            Acknowledge
          </Button>
          <span className="text-xs text-muted">Tells everyone it is in hand; it stays open.</span>
        </div>
      ) : null}
      {e.abilities.resolve ? (
        <form onSubmit={submit} className="flex flex-col gap-2">
          <Field
            label="Resolution notes"
            hint={
              left > 0
                ? `What was done and agreed — ${left} more character${left === 1 ? '' : 's'} needed.`
                : 'What was done and agreed. The person who escalated reads these.'
            }
            error={error}
          >
            {(p) => (
              <Textarea
                {...p}
                rows={4}
                maxLength={4000}
                value={notes}
                onChange={(ev) => {
                  setNotes(ev.target.value);
                  setError(undefined);
                }}
              />
            )}
          </Field>
          <div>
            <Button type="submit" variant="primary" busy={resolve.isPending} disabled={left > 0}>
              Resolve
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
