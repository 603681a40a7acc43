import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { toast } from 'sonner';
import type { RequestDetail } from '../../../contracts/requests';
import { DueDate } from '../../components/DueDate';
import { SidePanel } from '../../components/SidePanel';
import { Badge, Button, ErrorNotice, Field, Spinner, Textarea } from '../../components/ui';
import { api, errorMessage, post } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { FitBadge } from '../clients/FitBadge';
import { AssignSection } from './AssignSection';
import { LeadBadge } from './badges';

export function RequestPanel({ requestId, onClose }: { requestId: string; onClose: () => void }) {
  const q = useQuery({
    queryKey: ['request', requestId],
    queryFn: () => api<RequestDetail>(`/api/requests/${requestId}`),
  });
  const r = q.data;
  return (
    <SidePanel
      open
      onClose={onClose}
      wide
      title={r ? `${r.client.name} · ${r.month}` : 'Request'}
      description={r ? `Submitted by ${r.submittedBy.name ?? 'someone'}` : undefined}
    >
      {q.isPending ? (
        <div className="p-5">
          <Spinner label="Loading request" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : (
        <RequestBody request={q.data} />
      )}
    </SidePanel>
  );
}

function RequestBody({ request: r }: { request: RequestDetail }) {
  const qc = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['request', r.id] });
    qc.invalidateQueries({ queryKey: ['requests'] });
  };
  const decline = useMutation({
    mutationFn: () => post(`/api/requests/${r.id}/decline`, { reason, version: r.version }),
    onSuccess: () => {
      toast.success('Request declined');
      refresh();
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const cancel = useMutation({
    mutationFn: () => post(`/api/requests/${r.id}/cancel`, { version: r.version }),
    onSuccess: () => {
      toast.success('Request cancelled');
      refresh();
    },
    onError: (e) => toast.error(errorMessage(e)),
  });

  return (
    <div className="flex flex-col gap-5 p-5">
      <dl className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted">Status</dt>
        <dd>
          <Badge
            tone={r.status === 'assigned' ? 'ok' : r.status === 'submitted' ? 'accent' : 'neutral'}
          >
            {r.status}
          </Badge>
          {r.declineReason ? <span className="ml-2 text-muted">“{r.declineReason}”</span> : null}
        </dd>
        <dt className="text-muted">Due</dt>
        <dd>
          <DueDate date={r.dueDate} done={r.status !== 'submitted'} />
        </dd>
        <dt className="text-muted">Lead time (R11)</dt>
        <dd className="flex flex-col gap-1">
          <span>
            <LeadBadge lead={{ ...r.lead, overridden: Boolean(r.lead.override) }} />{' '}
            {r.lead.message}
          </span>
          {r.lead.override ? (
            <span className="text-xs text-muted">
              Override by {r.lead.override.by.name}: “{r.lead.override.reason}”
            </span>
          ) : null}
        </dd>
        <dt className="text-muted">Client fit</dt>
        <dd className="flex flex-col gap-1">
          <span>
            <FitBadge fit={r.client.fit} />
          </span>
          {r.client.fit.cautions.map((c) => (
            <span key={c} className="text-warn">
              ⚠ {c}
            </span>
          ))}
        </dd>
        <dt className="text-muted">One-sheeter</dt>
        <dd>
          {r.oneSheeter.complete ? (
            <Badge tone="ok">Complete · v{r.oneSheeter.version}</Badge>
          ) : (
            <Badge tone="bad">Missing: {r.oneSheeter.missingSections.join(', ')}</Badge>
          )}{' '}
          <Link
            to="/clients"
            search={{ client: r.client.id, tab: 'one-sheeter' } as never}
            className="text-accent underline"
          >
            Open
          </Link>
        </dd>
        <dt className="text-muted">Collateral</dt>
        <dd>{r.collateralReady ? 'Ready' : 'Not ready yet'}</dd>
        <dt className="text-muted">Preferred</dt>
        <dd>{r.preferredContractor?.name ?? '—'}</dd>
      </dl>
      <section aria-labelledby="items-h">
        <h3 id="items-h" className="mb-1 text-xs font-semibold text-muted">
          Deliverables
        </h3>
        <ul className="divide-y divide-line rounded-md border border-line text-sm">
          {r.items.map((i) => (
            <li key={i.deliverableTypeId} className="flex justify-between px-3 py-1.5">
              <span>
                {i.quantity} × {i.name}
              </span>
              <span className="text-muted">
                {i.estimatedMinor !== null
                  ? formatMoney(i.estimatedMinor, r.currency)
                  : 'no default rate'}
              </span>
            </li>
          ))}
          <li className="flex justify-between px-3 py-1.5 font-medium">
            <span>Estimate at default rates</span>
            <span>
              {formatMoney(r.estimatedMinor, r.currency)}
              {r.estimateIncomplete ? '+' : ''}
            </span>
          </li>
        </ul>
      </section>
      {r.notes ? (
        <section aria-labelledby="notes-h">
          <h3 id="notes-h" className="mb-1 text-xs font-semibold text-muted">
            Additional notes
          </h3>
          <p className="whitespace-pre-wrap text-sm">{r.notes}</p>
        </section>
      ) : null}
      {r.taskId ? (
        <Link
          to="/board"
          search={{ task: r.taskId } as never}
          className="text-sm text-accent underline"
        >
          Open the parent task →
        </Link>
      ) : null}
      {r.abilities.assign ? <AssignSection request={r} onAssigned={refresh} /> : null}
      <div className="flex flex-wrap gap-2">
        {r.abilities.decline ? (
          declining ? (
            <form
              className="flex w-full flex-col gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                decline.mutate();
              }}
            >
              <Field label="Why is it declined?">
                {(p) => (
                  <Textarea
                    {...p}
                    rows={2}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                )}
              </Field>
              <div className="flex gap-2">
                <Button
                  type="submit"
                  variant="danger"
                  busy={decline.isPending}
                  disabled={reason.trim().length < 3}
                >
                  Decline request
                </Button>
                <Button onClick={() => setDeclining(false)}>Keep it</Button>
              </div>
            </form>
          ) : (
            <Button onClick={() => setDeclining(true)}>Decline…</Button>
          )
        ) : null}
        {r.abilities.cancel ? (
          <Button onClick={() => cancel.mutate()} busy={cancel.isPending}>
            Cancel request
          </Button>
        ) : null}
      </div>
    </div>
  );
}
