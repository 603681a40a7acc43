import { useQuery } from '@tanstack/react-query';
import { Award, MessageSquareText, Siren } from 'lucide-react';
import { useState } from 'react';
import type { Recognition } from '../../../contracts/community';
import { Badge, Button, ErrorNotice, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import { useMe } from '../../lib/session';
import { EscalateDialog } from './EscalateDialog';
import { KudosDialog } from './KudosDialog';

export function useRecognitions(contractorId: string | undefined) {
  return useQuery({
    queryKey: ['recognitions', contractorId],
    queryFn: () =>
      api<{ items: Recognition[] }>(`/api/contractors/${contractorId}/recognitions?limit=50`),
    enabled: Boolean(contractorId),
  });
}

/** R25: a contractor's kudos and constructive feedback, newest first. */
export function RecognitionList({
  contractorId,
  emptyText,
  limit,
}: {
  contractorId: string;
  emptyText: string;
  limit?: number;
}) {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const q = useRecognitions(contractorId);
  if (q.isPending) return <Spinner label="Loading recognition" />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const items = limit ? q.data.items.slice(0, limit) : q.data.items;
  if (items.length === 0) return <p className="text-sm text-muted">{emptyText}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {items.map((r) => (
        <li key={r.id} className="flex gap-3 rounded-md border border-line p-3 text-sm">
          <span className={r.kind === 'kudos' ? 'text-ok' : 'text-accent'} aria-hidden>
            {r.kind === 'kudos' ? <Award size={16} /> : <MessageSquareText size={16} />}
          </span>
          <div className="min-w-0 flex-1">
            <div className="mb-1 flex flex-wrap items-center gap-2">
              <Badge tone={r.kind === 'kudos' ? 'ok' : 'accent'}>
                {r.kind === 'kudos' ? 'Kudos' : 'Feedback'}
              </Badge>
              {r.task ? <span className="truncate text-xs text-muted">{r.task.title}</span> : null}
            </div>
            <p className="whitespace-pre-wrap">{r.body}</p>
            <p className="mt-1 text-xs text-muted">
              {r.author?.name ?? 'Someone'} · {formatInstant(r.createdAt, tz)}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The contractor panel's "Recognition" tab: the record, and the ways to add to it. */
export function RecognitionTab({
  contractorId,
  contractorName,
}: {
  contractorId: string;
  contractorName: string;
}) {
  const me = useMe();
  const role = me.data?.current?.role ?? 'contractor';
  const canGive = ['admin', 'coordinator', 'strategist'].includes(role);
  const [giving, setGiving] = useState<'kudos' | 'feedback' | null>(null);
  const [escalating, setEscalating] = useState(false);
  return (
    <div className="flex flex-col gap-3 p-5">
      <div className="flex flex-wrap gap-2">
        {canGive ? (
          <>
            <Button size="sm" onClick={() => setGiving('kudos')}>
              <Award size={14} /> Give kudos
            </Button>
            <Button size="sm" onClick={() => setGiving('feedback')}>
              <MessageSquareText size={14} /> Constructive feedback
            </Button>
          </>
        ) : null}
        <Button size="sm" variant="ghost" onClick={() => setEscalating(true)}>
          <Siren size={14} /> Escalate an issue
        </Button>
      </div>
      <RecognitionList
        contractorId={contractorId}
        emptyText="No kudos or feedback yet. Praise good work when you see it, and give feedback with the why."
      />
      <KudosDialog
        open={giving !== null}
        initialKind={giving ?? 'kudos'}
        onClose={() => setGiving(null)}
        contractorId={contractorId}
        contractorName={contractorName}
      />
      <EscalateDialog
        open={escalating}
        onClose={() => setEscalating(false)}
        contractorId={contractorId}
        contractorName={contractorName}
      />
    </div>
  );
}
