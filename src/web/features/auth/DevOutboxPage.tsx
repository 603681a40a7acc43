import { useQuery } from '@tanstack/react-query';
import { ErrorNotice, PageHeader, Spinner } from '../../components/ui';
import { api } from '../../lib/api';

interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** Without SMTP, e-mails (invitations, reminders) land here so a local install stays usable. */
export function DevOutboxPage() {
  const q = useQuery({
    queryKey: ['outbox'],
    queryFn: () => api<{ items: Mail[] }>('/api/dev/outbox'),
    refetchInterval: 5000,
  });
  return (
    <main className="mx-auto max-w-3xl">
      <PageHeader
        title="Dev outbox"
        subtitle="No SMTP server is configured: e-mail is kept here instead of being sent."
      />
      {q.isPending ? (
        <div className="p-5">
          <Spinner label="Loading" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : null}
      <ul className="divide-y divide-line">
        {q.data?.items.map((m) => (
          <li key={m.id} className="p-5">
            <div className="text-xs text-muted">
              To {m.to} · {new Date(m.createdAt).toLocaleString()}
            </div>
            <div className="font-medium">{m.subject}</div>
            <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm">
              {linkify(m.text)}
            </pre>
          </li>
        ))}
        {q.data && q.data.items.length === 0 ? (
          <li className="p-5 text-sm text-muted">No e-mail yet.</li>
        ) : null}
      </ul>
    </main>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="text-accent underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
