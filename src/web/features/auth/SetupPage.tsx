import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Button, Field, Input } from '../../components/ui';
import { ApiError, errorMessage, post, setCurrentWorkspaceId } from '../../lib/api';
import { AuthFrame } from './AuthFrame';

/** First run: the agency owner creates the workspace and their admin account. */
export function SetupPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    workspaceName: '',
    name: '',
    email: '',
    password: '',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    currency: 'USD',
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const { workspaceId } = await post<{ workspaceId: string }>('/api/setup', form);
      setCurrentWorkspaceId(workspaceId);
      await queryClient.invalidateQueries();
      navigate({ to: '/my-work' });
    } catch (err) {
      if (err instanceof ApiError && err.fields) {
        setFields(
          Object.fromEntries(
            Object.entries(err.fields).map(([k, v]) => [k.replace(/^body\./, ''), v]),
          ),
        );
      }
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title="Set up your agency" subtitle="You'll be the admin. Invite your team next.">
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <Field label="Agency name" error={fields.workspaceName}>
          {(p) => (
            <Input {...p} value={form.workspaceName} onChange={set('workspaceName')} autoFocus />
          )}
        </Field>
        <Field label="Your name" error={fields.name}>
          {(p) => <Input {...p} autoComplete="name" value={form.name} onChange={set('name')} />}
        </Field>
        <Field label="E-mail" error={fields.email}>
          {(p) => (
            <Input
              {...p}
              type="email"
              autoComplete="email"
              value={form.email}
              onChange={set('email')}
            />
          )}
        </Field>
        <Field label="Password" hint="At least 8 characters" error={fields.password}>
          {(p) => (
            <Input
              {...p}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={set('password')}
            />
          )}
        </Field>
        <div className="grid grid-cols-2 gap-2">
          <Field label="Time zone" error={fields.timeZone}>
            {(p) => <Input {...p} value={form.timeZone} onChange={set('timeZone')} />}
          </Field>
          <Field label="Currency" error={fields.currency}>
            {(p) => <Input {...p} value={form.currency} maxLength={3} onChange={set('currency')} />}
          </Field>
        </div>
        {error ? (
          <p role="alert" className="text-sm text-bad">
            {error}
          </p>
        ) : null}
        <Button type="submit" variant="primary" busy={busy}>
          Create workspace
        </Button>
      </form>
    </AuthFrame>
  );
}
