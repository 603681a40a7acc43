import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import type { ContractorReference, InterviewNote } from '../../../contracts/contractors';
import { Button, ErrorNotice, Field, Input, Spinner, Textarea } from '../../components/ui';
import { ApiError, api, errorMessage, post } from '../../lib/api';
import { formatDue, formatInstant } from '../../lib/format';
import { contractorFieldErrors } from './ContractorFields';
import { useContractorAbilities } from './shared';

type Note = z.infer<typeof InterviewNote>;
type Reference = z.infer<typeof ContractorReference>;

/** R9 interview notes: who wrote what, newest first. */
export function InterviewNotes({
  contractorId,
  canAdd,
}: {
  contractorId: string;
  canAdd: boolean;
}) {
  const qc = useQueryClient();
  const { timeZone } = useContractorAbilities();
  const [body, setBody] = useState('');
  const notes = useQuery({
    queryKey: ['interview-notes', contractorId],
    queryFn: () => api<{ items: Note[] }>(`/api/contractors/${contractorId}/interview-notes`),
  });
  const add = useMutation({
    mutationFn: () => post(`/api/contractors/${contractorId}/interview-notes`, { body }),
    onSuccess: () => {
      setBody('');
      toast.success('Interview note added');
      qc.invalidateQueries({ queryKey: ['interview-notes', contractorId] });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <section aria-labelledby="notes-h" className="flex flex-col gap-2">
      <h3 id="notes-h" className="text-sm font-semibold">
        Interview notes
      </h3>
      {notes.isPending ? <Spinner label="Loading notes" /> : null}
      {notes.isError ? <ErrorNotice error={notes.error} /> : null}
      {notes.data && notes.data.items.length === 0 ? (
        <p className="text-sm text-muted">
          No interview notes yet. After the interview, write down what you learned here.
        </p>
      ) : null}
      <ul className="flex flex-col gap-2">
        {notes.data?.items.map((n) => (
          <li key={n.id} className="rounded-md border border-line p-3 text-sm">
            <p className="whitespace-pre-wrap">{n.body}</p>
            <p className="mt-1 text-xs text-muted">
              {n.authorName ?? 'Someone'} · {formatInstant(n.createdAt, timeZone)}
            </p>
          </li>
        ))}
      </ul>
      {canAdd ? (
        <form onSubmit={submit} className="flex flex-col gap-2">
          <Field label="Add an interview note">
            {(p) => (
              <Textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
            )}
          </Field>
          <div>
            <Button type="submit" size="sm" busy={add.isPending} disabled={!body.trim()}>
              Add note
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

const EMPTY_REF = { pastClient: '', contact: '', whatTheySaid: '', contactedAt: '' };

/** R9 references: past clients contacted, and what they said. */
export function References({ contractorId, canAdd }: { contractorId: string; canAdd: boolean }) {
  const qc = useQueryClient();
  const { timeZone } = useContractorAbilities();
  const [draft, setDraft] = useState(EMPTY_REF);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refs = useQuery({
    queryKey: ['references', contractorId],
    queryFn: () => api<{ items: Reference[] }>(`/api/contractors/${contractorId}/references`),
  });
  const add = useMutation({
    mutationFn: () =>
      post(`/api/contractors/${contractorId}/references`, {
        ...draft,
        contactedAt: draft.contactedAt || null,
      }),
    onSuccess: () => {
      setDraft(EMPTY_REF);
      setErrors({});
      toast.success('Reference recorded');
      qc.invalidateQueries({ queryKey: ['references', contractorId] });
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(contractorFieldErrors(e.fields));
      toast.error(errorMessage(e));
    },
  });
  const set = (k: keyof typeof EMPTY_REF, v: string) => setDraft({ ...draft, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <section aria-labelledby="refs-h" className="flex flex-col gap-2">
      <h3 id="refs-h" className="text-sm font-semibold">
        References
      </h3>
      {refs.isPending ? <Spinner label="Loading references" /> : null}
      {refs.isError ? <ErrorNotice error={refs.error} /> : null}
      {refs.data && refs.data.items.length === 0 ? (
        <p className="text-sm text-muted">
          No references yet. Contact two past clients before moving to "references checked".
        </p>
      ) : null}
      <ul className="flex flex-col gap-2">
        {refs.data?.items.map((r) => (
          <li key={r.id} className="rounded-md border border-line p-3 text-sm">
            <p className="font-medium">
              {r.pastClient}
              {r.contact ? <span className="font-normal text-muted"> · {r.contact}</span> : null}
            </p>
            {r.whatTheySaid ? <p className="mt-1 whitespace-pre-wrap">“{r.whatTheySaid}”</p> : null}
            <p className="mt-1 text-xs text-muted">
              {r.contactedAt ? `Contacted ${formatDue(r.contactedAt, timeZone)} · ` : ''}
              recorded by {r.createdByName ?? 'someone'}
            </p>
          </li>
        ))}
      </ul>
      {canAdd ? (
        <form onSubmit={submit} className="grid grid-cols-2 gap-2 rounded-md bg-sunken/60 p-3">
          <Field label="Past client" error={errors.pastClient}>
            {(p) => (
              <Input
                {...p}
                value={draft.pastClient}
                onChange={(e) => set('pastClient', e.target.value)}
              />
            )}
          </Field>
          <Field label="Contact" hint="Name, role or e-mail" error={errors.contact}>
            {(p) => (
              <Input
                {...p}
                value={draft.contact}
                onChange={(e) => set('contact', e.target.value)}
              />
            )}
          </Field>
          <div className="col-span-2">
            <Field label="What they said" error={errors.whatTheySaid}>
              {(p) => (
                <Textarea
                  {...p}
                  rows={2}
                  value={draft.whatTheySaid}
                  onChange={(e) => set('whatTheySaid', e.target.value)}
                />
              )}
            </Field>
          </div>
          <Field label="Contacted on" error={errors.contactedAt}>
            {(p) => (
              <Input
                {...p}
                type="date"
                className="dark:[color-scheme:dark]"
                value={draft.contactedAt}
                onChange={(e) => set('contactedAt', e.target.value)}
              />
            )}
          </Field>
          <div className="flex items-end">
            <Button
              type="submit"
              size="sm"
              busy={add.isPending}
              disabled={!draft.pastClient.trim()}
            >
              Record reference
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
