import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Button, Field, Input } from '../../components/ui';
import { errorMessage, post } from '../../lib/api';
import { AuthFrame } from './AuthFrame';

export function SignInPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post('/api/auth/sign-in/email', { email, password });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      const next = new URLSearchParams(window.location.search).get('next');
      navigate({ to: next?.startsWith('/') ? next : '/my-work' });
    } catch (err) {
      setError(errorMessage(err) || 'Wrong e-mail or password');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title="Sign in" subtitle="Contractor operations for your agency.">
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <Field label="E-mail">
          {(p) => (
            <Input
              {...p}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              autoFocus
            />
          )}
        </Field>
        <Field label="Password">
          {(p) => (
            <Input
              {...p}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        {error ? (
          <p role="alert" className="text-sm text-bad">
            {error}
          </p>
        ) : null}
        <Button type="submit" variant="primary" busy={busy}>
          Sign in
        </Button>
      </form>
    </AuthFrame>
  );
}
