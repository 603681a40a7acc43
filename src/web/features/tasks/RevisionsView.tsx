import { useQuery } from '@tanstack/react-query';
import type { TaskDetail } from '../../../contracts/tasks';
import type {
  RevisionRequestView,
  RevisionRoundView,
  RevisionsView as Revisions,
} from '../../../contracts/workflow';
import { DueDate } from '../../components/DueDate';
import { Badge } from '../../components/ui';
import { api } from '../../lib/api';
import { formatInstant, formatMoney } from '../../lib/format';
import { useMe } from '../../lib/session';
import { RoundDecision } from './RoundDecision';

const REQUEST_LABEL: Record<
  RevisionRequestView['status'],
  [string, 'warn' | 'ok' | 'neutral' | 'accent']
> = {
  active: ['In revision', 'accent'],
  pending_approval: ["Waiting for a coordinator's approval", 'warn'],
  rejected: ['Extra round rejected', 'neutral'],
  tweak: ['Strategist tweak · no round', 'neutral'],
};

const ROUND_LABEL: Record<RevisionRoundView['approvalStatus'], string> = {
  not_needed: 'Included in the agreement',
  pending: 'Needs approval',
  approved_billable: 'Approved · billable',
  escalated: 'Escalated',
  rejected: 'Rejected',
};

export function useRevisions(taskId: string) {
  return useQuery({
    queryKey: ['task', taskId, 'revisions'],
    queryFn: () => api<Revisions>(`/api/tasks/${taskId}/revisions`),
  });
}

/** Revision requests (what, why, scrubbed text; raw client words for staff only) and rounds. */
export function RevisionsView({ task }: { task: TaskDetail }) {
  const q = useRevisions(task.id);
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const data = q.data;
  if (!data || (data.requests.length === 0 && data.rounds.length === 0)) return null;
  const currentId = data.requests.find((r) => r.status === 'active')?.id;
  return (
    <section aria-labelledby="revisions-h" className="flex flex-col gap-2">
      <h3 id="revisions-h" className="text-xs font-semibold text-muted">
        Revisions · {data.roundsUsed} of {data.includedRounds} included round
        {data.includedRounds === 1 ? '' : 's'} used
      </h3>
      {/* A coordinator decides in "Your next step"; everyone else sees that it waits. */}
      {data.rounds
        .filter((r) => r.approvalStatus === 'pending' && !r.abilities.decide)
        .map((r) => (
          <RoundDecision key={r.id} task={task} round={r} />
        ))}
      <ol className="flex flex-col gap-2" data-testid="revision-requests">
        {data.requests.map((r) => {
          // Only the newest active round is being worked on; earlier ones were answered.
          const current = task.status === 'revision' && r.id === currentId;
          const [label, tone] =
            r.status === 'active' && !current
              ? (['Addressed', 'ok'] as const)
              : REQUEST_LABEL[r.status];
          return (
            <li key={r.id} className="rounded-md border border-line p-3 text-sm">
              <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-muted">
                <span className="font-semibold text-ink">
                  {r.roundNumber ? `Round ${r.roundNumber}` : 'Tweak'}
                </span>
                <Badge tone={tone}>{label}</Badge>
                <span>
                  {r.createdBy.name ?? 'Strategist'} · {formatInstant(r.createdAt, tz)}
                </span>
                {r.deliverableVersion ? <span>· on version {r.deliverableVersion}</span> : null}
              </div>
              {r.late || r.movedDueDateTo ? (
                <p className="mb-2 text-xs text-warn">
                  {r.noticeBusinessDays} business day{r.noticeBusinessDays === 1 ? '' : 's'} of
                  notice (R22)
                  {r.movedDueDateTo ? (
                    <>
                      {' '}
                      · final moved to <DueDate date={r.movedDueDateTo} />
                    </>
                  ) : null}
                  {r.overrideReason ? ` · override: “${r.overrideReason}”` : null}
                </p>
              ) : null}
              <ol className="flex list-decimal flex-col gap-2 pl-5">
                {r.items.map((i) => (
                  <li key={i.id}>
                    <p className="font-medium">{i.what}</p>
                    <p>
                      <span className="text-muted">Why: </span>
                      {i.why}
                    </p>
                    {i.scrubbedText ? (
                      <p className="whitespace-pre-wrap text-muted">{i.scrubbedText}</p>
                    ) : null}
                    {i.clientFeedbackRaw ? (
                      <p className="mt-1 whitespace-pre-wrap rounded border border-warn/40 bg-warn/5 p-2 text-xs">
                        <span className="font-semibold">Client's words · internal: </span>
                        {i.clientFeedbackRaw}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ol>
      {data.rounds.some(
        (r) => r.approvalStatus !== 'not_needed' && r.approvalStatus !== 'pending',
      ) ? (
        <ul className="text-xs text-muted">
          {data.rounds
            .filter((r) => r.needsApproval && r.approvalStatus !== 'pending')
            .map((r) => (
              <li key={r.id}>
                Round {r.number}: {ROUND_LABEL[r.approvalStatus]}
                {r.amountMinor ? ` · ${formatMoney(r.amountMinor, r.currency)}` : ''}
                {r.decidedBy?.name ? ` · ${r.decidedBy.name}` : ''}
                {r.reason ? ` — “${r.reason}”` : ''}
              </li>
            ))}
        </ul>
      ) : null}
    </section>
  );
}
