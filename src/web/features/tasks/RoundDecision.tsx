import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import type { TaskDetail } from '../../../contracts/tasks';
import type { RevisionRoundView } from '../../../contracts/workflow';
import type { WorkspaceSettings } from '../../../contracts/workspace';
import { Button, Field, Textarea } from '../../components/ui';
import { api, errorMessage, post } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { useMe } from '../../lib/session';
import { useRefreshTask } from './task-command';

type Decision = 'approved_billable' | 'escalated' | 'rejected';

/** R21: a round past the agreement waits here for a coordinator. */
export function RoundDecision({ task, round }: { task: TaskDetail; round: RevisionRoundView }) {
  const me = useMe();
  const refresh = useRefreshTask(task.id);
  const [reason, setReason] = useState('');
  const ws = useQuery({
    queryKey: ['workspace'],
    queryFn: () => api<WorkspaceSettings>('/api/workspace'),
    enabled: round.abilities.decide,
  });
  const decide = useMutation({
    mutationFn: (decision: Decision) =>
      post(`/api/revision-rounds/${round.id}/decision`, { decision, reason }),
    onSuccess: () => {
      toast.success(`Round ${round.number} decided`);
      setReason('');
      refresh();
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const rate = ws.data
    ? formatMoney(ws.data.policy.extraRoundRateMinor, ws.data.currency)
    : 'the policy rate';
  const source = round.source === 'qa_fail' ? 'a QA failure' : 'a revision request';
  if (!round.abilities.decide) {
    return (
      <p
        className="rounded-md border border-warn/40 bg-warn/5 p-3 text-sm"
        data-testid="round-waiting"
      >
        Revision round {round.number} (from {source}) exceeds the {task.includedRounds} included in
        the agreement and waits for a coordinator's approval (R21).
        {me.data?.current?.role === 'contractor' ? ' Please wait before working on it.' : ''}
      </p>
    );
  }
  return (
    <form
      onSubmit={(e) => e.preventDefault()}
      className="flex flex-col gap-2 rounded-md border border-warn/50 bg-warn/5 p-3 text-sm"
      aria-label={`Decide revision round ${round.number}`}
    >
      <p className="font-medium">
        Round {round.number} (from {source}) exceeds the {task.includedRounds} round
        {task.includedRounds === 1 ? '' : 's'} in {task.contractor.name}'s agreement.
      </p>
      <Field label="Reason (kept in the history)">
        {(p) => (
          <Textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="primary"
          busy={decide.isPending}
          disabled={reason.trim().length < 3}
          onClick={() => decide.mutate('approved_billable')}
        >
          Approve as billable · {rate}
        </Button>
        <Button
          disabled={reason.trim().length < 3 || decide.isPending}
          onClick={() => decide.mutate('escalated')}
        >
          Escalate
        </Button>
        <Button
          variant="ghost"
          disabled={reason.trim().length < 3 || decide.isPending}
          onClick={() => decide.mutate('rejected')}
        >
          Reject
        </Button>
      </div>
    </form>
  );
}
