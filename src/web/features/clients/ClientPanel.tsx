import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { Client, ClientContact } from '../../../contracts/clients';
import { SidePanel } from '../../components/SidePanel';
import { Tabs } from '../../components/Tabs';
import { Button, ErrorNotice, Field, Input, Spinner, Textarea } from '../../components/ui';
import { ApiError, api, del, errorMessage, patch, post } from '../../lib/api';
import { useUrlState } from '../../lib/url-state';
import { type ClientDraft, ClientFields, fieldErrors } from './ClientForm';
import { CompletenessBadge, FitBadge } from './FitBadge';
import { OneSheeterEditor } from './OneSheeterEditor';
import { OneSheeterHistory } from './OneSheeterHistory';

export function ClientPanel({ clientId, onClose }: { clientId: string; onClose: () => void }) {
  const [tab, setTab] = useUrlState('tab', 'overview');
  const q = useQuery({
    queryKey: ['client', clientId],
    queryFn: () => api<Client>(`/api/clients/${clientId}`),
  });
  const c = q.data;
  return (
    <SidePanel
      open
      onClose={onClose}
      wide
      title={c?.name ?? 'Client'}
      description={
        c ? (
          <span className="flex gap-1.5 pt-1">
            <FitBadge fit={c.fit} />
            <CompletenessBadge oneSheeter={c.oneSheeter} />
          </span>
        ) : undefined
      }
    >
      {q.isPending ? (
        <div className="p-5">
          <Spinner label="Loading client" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : (
        <Tabs
          value={tab}
          onChange={setTab}
          tabs={[
            { value: 'overview', label: 'Overview', content: <ClientOverview client={q.data} /> },
            {
              value: 'one-sheeter',
              label: 'One-sheeter',
              content: (
                <OneSheeterEditor clientId={clientId} canEdit={q.data.abilities.editOneSheeter} />
              ),
            },
            {
              value: 'history',
              label: 'Brief history',
              content: <OneSheeterHistory clientId={clientId} />,
            },
          ]}
        />
      )}
    </SidePanel>
  );
}

function ClientOverview({ client }: { client: Client }) {
  const qc = useQueryClient();
  const toDraft = (c: Client): ClientDraft => ({
    name: c.name,
    companyCategory: c.companyCategory,
    departmentTier: c.departmentTier,
    typicalRevisionRounds: c.typicalRevisionRounds,
    collateralReady: c.collateralReady,
    strategistUserId: c.strategist?.userId ?? null,
    notes: c.notes,
  });
  const [draft, setDraft] = useState(toDraft(client));
  const [contacts, setContacts] = useState<ClientContact[]>(client.contacts);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    setDraft(toDraft(client));
    setContacts(client.contacts);
  }, [client]);
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['client', client.id] });
    qc.invalidateQueries({ queryKey: ['clients'] });
  };
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      patch(`/api/clients/${client.id}`, { version: client.version, ...body }),
    onSuccess: () => {
      toast.success('Client saved');
      setErrors({});
      refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        setErrors(fieldErrors(e.fields));
        if (e.code === 'STALE_VERSION') refresh();
      }
      toast.error(errorMessage(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ ...draft, contacts: contacts.filter((x) => x.name.trim()) });
  };

  return (
    <div className="flex flex-col gap-6 p-5">
      <FitCard client={client} onChanged={refresh} />
      <form onSubmit={submit} className="flex flex-col gap-4">
        <ClientFields
          draft={draft}
          onChange={setDraft}
          errors={errors}
          disabled={!client.abilities.edit}
        />
        <section aria-labelledby="contacts-h" className="flex flex-col gap-2">
          <h3 id="contacts-h" className="text-xs font-semibold text-muted">
            Client contacts · internal, never shown to contractors (R5)
          </h3>
          {contacts.map((ct, i) => (
            <div key={i} className="grid grid-cols-[1fr_1fr_1fr_auto] gap-2">
              <Input
                aria-label="Contact name"
                placeholder="Name"
                value={ct.name}
                disabled={!client.abilities.edit}
                onChange={(e) =>
                  setContacts(
                    contacts.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)),
                  )
                }
              />
              <Input
                aria-label="Contact role"
                placeholder="Role"
                value={ct.role}
                disabled={!client.abilities.edit}
                onChange={(e) =>
                  setContacts(
                    contacts.map((x, j) => (j === i ? { ...x, role: e.target.value } : x)),
                  )
                }
              />
              <Input
                aria-label="Contact e-mail"
                placeholder="E-mail"
                value={ct.email}
                disabled={!client.abilities.edit}
                onChange={(e) =>
                  setContacts(
                    contacts.map((x, j) => (j === i ? { ...x, email: e.target.value } : x)),
                  )
                }
              />
              <Button
                size="sm"
                variant="ghost"
                disabled={!client.abilities.edit}
                onClick={() => setContacts(contacts.filter((_, j) => j !== i))}
                aria-label={`Remove contact ${ct.name}`}
              >
                Remove
              </Button>
            </div>
          ))}
          {client.abilities.edit ? (
            <div>
              <Button
                size="sm"
                onClick={() =>
                  setContacts([...contacts, { name: '', role: '', email: '', phone: '' }])
                }
              >
                Add contact
              </Button>
            </div>
          ) : null}
        </section>
        {client.abilities.edit ? (
          <div className="flex gap-2">
            <Button type="submit" variant="primary" busy={save.isPending}>
              Save client
            </Button>
            <Button onClick={() => save.mutate({ archived: !client.archived })}>
              {client.archived ? 'Restore' : 'Archive'}
            </Button>
          </div>
        ) : null}
      </form>
    </div>
  );
}

/** R1/R2: the verdict with its reasons; a coordinator may override "not fit" with a reason. */
function FitCard({ client, onChanged }: { client: Client; onChanged: () => void }) {
  const [reason, setReason] = useState('');
  const override = useMutation({
    mutationFn: () => post(`/api/clients/${client.id}/fit-override`, { reason }),
    onSuccess: () => {
      toast.success('Override recorded');
      setReason('');
      onChanged();
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: () => del(`/api/clients/${client.id}/fit-override`),
    onSuccess: onChanged,
    onError: (e) => toast.error(errorMessage(e)),
  });
  const f = client.fit;
  return (
    <section aria-labelledby="fit-h" className="rounded-md border border-line p-3">
      <h3 id="fit-h" className="mb-2 flex items-center gap-2 text-sm font-semibold">
        Fit for contracting <FitBadge fit={f} />
      </h3>
      <ul className="list-disc pl-5 text-sm">
        {f.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {f.cautions.length ? (
        <ul className="mt-2 flex flex-col gap-1 text-sm text-warn">
          {f.cautions.map((c) => (
            <li key={c}>⚠ {c}</li>
          ))}
        </ul>
      ) : null}
      {f.override ? (
        <div className="mt-3 rounded bg-accent/5 p-2 text-sm">
          Overridden by {f.override.by.name ?? 'a coordinator'} on{' '}
          {new Date(f.override.at).toLocaleDateString()}: “{f.override.reason}”
          {client.abilities.overrideFit ? (
            <Button size="sm" variant="ghost" onClick={() => remove.mutate()}>
              Remove override
            </Button>
          ) : null}
        </div>
      ) : f.status === 'not_eligible' && client.abilities.overrideFit ? (
        <form
          className="mt-3 flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            override.mutate();
          }}
        >
          <Field label="Override with a reason (coordinator)" hint="Kept in the audit trail">
            {(p) => (
              <Textarea
                {...p}
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          <div>
            <Button type="submit" busy={override.isPending} disabled={reason.trim().length < 10}>
              Allow contracting
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
