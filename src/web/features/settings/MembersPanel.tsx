import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Copy } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { ROLE_LABELS, ROLES, type Role } from '../../../contracts/roles';
import { Badge, Button, ErrorNotice, Field, Input, Select, Spinner } from '../../components/ui';
import { api, del, errorMessage, patch, post } from '../../lib/api';

interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}
interface Invitation {
  id: string;
  email: string;
  role: Role;
  status: string;
  expiresAt: string;
}

export function MembersPanel() {
  const qc = useQueryClient();
  const members = useQuery({
    queryKey: ['members'],
    queryFn: () => api<{ items: Member[] }>('/api/members'),
  });
  const invitations = useQuery({
    queryKey: ['invitations'],
    queryFn: () => api<{ items: Invitation[] }>('/api/invitations'),
  });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('contractor');
  const [lastLink, setLastLink] = useState<string | null>(null);

  const invite = useMutation({
    mutationFn: () => post<{ link: string }>('/api/invitations', { email, role }),
    onSuccess: (r) => {
      setLastLink(r.link);
      setEmail('');
      toast.success(`Invitation sent to ${email}`);
      qc.invalidateQueries({ queryKey: ['invitations'] });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const changeRole = useMutation({
    mutationFn: (v: { id: string; role: Role }) => patch(`/api/members/${v.id}`, { role: v.role }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['members'] }),
    onError: (e) => {
      toast.error(errorMessage(e));
      qc.invalidateQueries({ queryKey: ['members'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => del(`/api/invitations/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['invitations'] }),
    onError: (e) => toast.error(errorMessage(e)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };

  return (
    <section aria-labelledby="people-heading" className="rounded-lg border border-line bg-panel">
      <h2 id="people-heading" className="border-b border-line px-4 py-2.5 text-sm font-semibold">
        People
      </h2>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2 border-b border-line p-4">
        <div className="min-w-52 flex-1">
          <Field label="Invite by e-mail">
            {(p) => (
              <Input
                {...p}
                type="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                placeholder="name@example.com"
              />
            )}
          </Field>
        </div>
        <Field label="Role">
          {(p) => (
            <Select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" variant="primary" busy={invite.isPending} disabled={!email}>
          Send invitation
        </Button>
        {lastLink ? (
          <div className="flex w-full items-center gap-2 text-xs text-muted">
            <span className="truncate">{lastLink}</span>
            <Button
              size="sm"
              variant="ghost"
              onClick={() =>
                navigator.clipboard.writeText(lastLink).then(() => toast.success('Link copied'))
              }
            >
              <Copy size={12} /> Copy link
            </Button>
          </div>
        ) : null}
      </form>
      {members.isPending ? (
        <div className="p-4">
          <Spinner label="Loading people" />
        </div>
      ) : members.isError ? (
        <ErrorNotice error={members.error} />
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-muted">
            <tr>
              <th className="px-4 py-2 font-medium">Name</th>
              <th className="px-4 py-2 font-medium">Role</th>
            </tr>
          </thead>
          <tbody>
            {members.data.items.map((m) => (
              <tr key={m.id} className="border-t border-line">
                <td className="px-4 py-2">
                  <div className="font-medium">{m.name}</div>
                  <div className="text-xs text-muted">{m.email}</div>
                </td>
                <td className="px-4 py-2">
                  <label className="sr-only" htmlFor={`role-${m.id}`}>
                    Role of {m.name}
                  </label>
                  <Select
                    id={`role-${m.id}`}
                    value={m.role}
                    onChange={(e) => changeRole.mutate({ id: m.id, role: e.target.value as Role })}
                    className="w-40"
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </Select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {invitations.data && invitations.data.items.length > 0 ? (
        <div className="border-t border-line p-4">
          <h3 className="mb-2 text-xs font-semibold text-muted">Invitations</h3>
          <ul className="flex flex-col gap-1.5">
            {invitations.data.items.map((i) => (
              <li key={i.id} className="flex items-center gap-2 text-sm">
                <span className="flex-1 truncate">{i.email}</span>
                <Badge>{ROLE_LABELS[i.role]}</Badge>
                <Badge
                  tone={
                    i.status === 'pending' ? 'accent' : i.status === 'accepted' ? 'ok' : 'neutral'
                  }
                >
                  {i.status}
                </Badge>
                {i.status === 'pending' ? (
                  <Button size="sm" variant="ghost" onClick={() => revoke.mutate(i.id)}>
                    Revoke
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
