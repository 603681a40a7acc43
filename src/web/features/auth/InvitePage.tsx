import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ROLE_LABELS, type Role } from '../../../contracts/roles';
import { Button, ErrorNotice, Field, Input, Spinner } from '../../components/ui';
import { api, errorMessage, post, setCurrentWorkspaceId } from '../../lib/api';
import { useMe } from '../../lib/session';
import { AuthFrame } from './AuthFrame';

interface Preview {
  workspaceName: string;
  email: string;
  role: Role;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  hasAccount: boolean;
}

export function InvitePage() {
  const { token } = useParams({ from: '/invite/$token' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const preview = useQuery({
    queryKey: ['invite', token],
    queryFn: () => api<Preview>(`/api/invitations/by-token/${token}`),
  });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (preview.isPending || me.isPending)
    return (
      <AuthFrame title="Invitation">
        <Spinner label="Loading invitation" />
      </AuthFrame>
    );
  if (preview.isError)
    return (
      <AuthFrame title="Invitation">
        <ErrorNotice error={preview.error} />
      </AuthFrame>
    );
  const inv = preview.data;

  const accept = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = me.data ? {} : { name, password };
      const { workspaceId } = await post<{ workspaceId: string }>(
        `/api/invitations/by-token/${token}/accept`,
        body,
      );
      setCurrentWorkspaceId(workspaceId);
      await queryClient.invalidateQueries();
      navigate({ to: '/my-work' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const title = `Join ${inv.workspaceName}`;
  const subtitle = `${inv.email} is invited as ${ROLE_LABELS[inv.role]}.`;
  if (inv.status !== 'pending') {
    return (
      <AuthFrame
        title={title}
        subtitle={`This invitation is ${inv.status}. Ask whoever invited you for a new link.`}
      >
        {null}
      </AuthFrame>
    );
  }
  if (!me.data && inv.hasAccount) {
    return (
      <AuthFrame title={title} subtitle={subtitle}>
        <p className="mb-3 text-sm">
          You already have a Handoff account. Sign in as {inv.email}, then open this link again.
        </p>
        <Button
          variant="primary"
          onClick={() =>
            navigate({ to: '/sign-in', search: { next: `/invite/${token}` } as never })
          }
        >
          Sign in
        </Button>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title={title} subtitle={subtitle}>
      <form onSubmit={accept} className="flex flex-col gap-3" noValidate>
        {me.data ? (
          <p className="text-sm">Signed in as {me.data.user.email}.</p>
        ) : (
          <>
            <Field label="Your name">
              {(p) => (
                <Input
                  {...p}
                  autoComplete="name"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  autoFocus
                />
              )}
            </Field>
            <Field label="Choose a password" hint="At least 8 characters">
              {(p) => (
                <Input
                  {...p}
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              )}
            </Field>
          </>
        )}
        {error ? (
          <p role="alert" className="text-sm text-bad">
            {error}
          </p>
        ) : null}
        <Button type="submit" variant="primary" busy={busy}>
          Accept invitation
        </Button>
      </form>
    </AuthFrame>
  );
}
