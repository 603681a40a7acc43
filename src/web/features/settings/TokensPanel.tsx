import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { ApiToken, TokenCreated } from '../../../contracts/notifications';
import { Modal } from '../../components/SidePanel';
import { Badge, Button, ErrorNotice, Field, Input, Spinner } from '../../components/ui';
import { ApiError, api, del, errorMessage, post } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import { useMe } from '../../lib/session';
import { CopyField, Panel } from '../me/parts';

/** Personal API tokens: made here, shown once, listed by prefix, revoked with one click. */
export function TokensPanel() {
  const qc = useQueryClient();
  const me = useMe();
  const timeZone = me.data?.current?.timeZone ?? 'UTC';
  const q = useQuery({
    queryKey: ['api-tokens'],
    queryFn: () => api<{ items: ApiToken[] }>('/api/tokens'),
  });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [created, setCreated] = useState<TokenCreated | null>(null);

  const create = useMutation({
    mutationFn: () => post<TokenCreated>('/api/tokens', { name }),
    onSuccess: (t) => {
      setCreated(t);
      setName('');
      setNameError(undefined);
      qc.invalidateQueries({ queryKey: ['api-tokens'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields?.['body.name']) setNameError(e.fields['body.name']);
      else toast.error(errorMessage(e));
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => del(`/api/tokens/${id}`),
    onSuccess: () => {
      toast.success('Token revoked: it stopped working');
      qc.invalidateQueries({ queryKey: ['api-tokens'] });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const active = q.data?.items.filter((t) => !t.revokedAt) ?? [];
  const revoked = q.data?.items.filter((t) => t.revokedAt) ?? [];

  return (
    <Panel
      title="API tokens"
      description={
        <>
          For scripts and integrations: send{' '}
          <code className="font-mono">Authorization: Bearer hf_…</code>. A token acts as you, in
          this workspace, with your role. See the{' '}
          <a className="text-accent underline" href="/api-docs" target="_blank" rel="noreferrer">
            API documentation
          </a>
          .
        </>
      }
    >
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2 border-b border-line p-4">
        <div className="min-w-52 flex-1">
          <Field
            label="Token name"
            hint="What it is for, e.g. “Zapier” or “Reporting script”"
            error={nameError}
          >
            {(p) => (
              <Input {...p} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
        </div>
        <Button type="submit" variant="primary" busy={create.isPending} disabled={!name.trim()}>
          <KeyRound size={14} /> Create token
        </Button>
      </form>
      {q.isPending ? (
        <div className="p-4">
          <Spinner label="Loading tokens" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : q.data.items.length === 0 ? (
        <p className="p-4 text-sm text-muted">
          No tokens yet. Create one above when a script needs to reach Handoff.
        </p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Your API tokens</caption>
          <thead className="text-left text-xs text-muted">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Last used
              </th>
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...active, ...revoked].map((t) => (
              <tr key={t.id} className="border-t border-line">
                <td className="px-4 py-2">
                  <div className="font-medium">{t.name}</div>
                  <div className="font-mono text-xs text-muted">
                    {t.prefix}… · made {formatInstant(t.createdAt, timeZone)}
                  </div>
                </td>
                <td className="px-4 py-2 text-xs text-muted">
                  {t.lastUsedAt ? formatInstant(t.lastUsedAt, timeZone) : 'Never'}
                </td>
                <td className="px-4 py-2 text-right">
                  {t.revokedAt ? (
                    <Badge>Revoked</Badge>
                  ) : (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Revoke ${t.name}`}
                      busy={revoke.isPending && revoke.variables === t.id}
                      onClick={() => revoke.mutate(t.id)}
                    >
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Modal open={created !== null} onClose={() => setCreated(null)} title="Your new API token">
        {created ? (
          <div className="flex flex-col gap-4">
            <p className="text-sm text-muted">
              Copy “{created.name}” now: Handoff keeps only a fingerprint and cannot show it again.
            </p>
            <CopyField label="Token" value={created.token} />
            <div className="flex justify-end">
              <Button variant="primary" onClick={() => setCreated(null)}>
                I have copied it
              </Button>
            </div>
          </div>
        ) : null}
      </Modal>
    </Panel>
  );
}
