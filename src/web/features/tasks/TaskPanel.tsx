import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, Circle } from 'lucide-react';
import { toast } from 'sonner';
import type { TaskDetail } from '../../../contracts/tasks';
import { DueDate } from '../../components/DueDate';
import { SidePanel } from '../../components/SidePanel';
import { Badge, Button, ErrorNotice, Spinner } from '../../components/ui';
import { api, errorMessage, post } from '../../lib/api';
import { dueInViewerZone, formatInstant, formatMoney } from '../../lib/format';
import { useMe } from '../../lib/session';
import { BriefView } from './BriefView';
import { StatusBadge } from './StatusBadge';

/** The parent task: header, planned subtasks, the brief to acknowledge (R17) and the thread. */
export function TaskPanel({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const q = useQuery({
    queryKey: ['task', taskId],
    queryFn: () => api<TaskDetail>(`/api/tasks/${taskId}`),
  });
  const t = q.data;
  return (
    <SidePanel
      open
      onClose={onClose}
      wide
      title={t?.title ?? 'Task'}
      description={
        t
          ? `${t.client.name} · ${t.contractor.name} · strategist ${t.strategist.name ?? '—'}`
          : undefined
      }
    >
      {q.isPending ? (
        <div className="p-5">
          <Spinner label="Loading task" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : (
        <TaskBody task={q.data} />
      )}
    </SidePanel>
  );
}

function TaskBody({ task: t }: { task: TaskDetail }) {
  const me = useMe();
  const qc = useQueryClient();
  const viewerTz = me.data?.current?.timeZone ?? 'UTC';
  const workspaceTz = me.data?.current?.workspaceTimeZone ?? 'UTC';
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['task', t.id] });
    qc.invalidateQueries({ queryKey: ['board'] });
    qc.invalidateQueries({ queryKey: ['my-work'] });
  };
  const acknowledge = useMutation({
    mutationFn: () => post(`/api/tasks/${t.id}/acknowledge-brief`, {}),
    onSuccess: () => {
      toast.success('Brief acknowledged — the draft can start');
      refresh();
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const toggle = useMutation({
    mutationFn: (v: { id: string; done: boolean }) =>
      post(`/api/subtasks/${v.id}/${v.done ? 'reopen' : 'complete'}`, {}),
    onSuccess: refresh,
    onError: (e) => toast.error(errorMessage(e)),
  });

  return (
    <div className="flex flex-col gap-5 p-5">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge status={t.status} />
        <span>
          Due <DueDate date={t.dueDate} done={t.status === 'ready' || t.status === 'closed'} />
        </span>
        <Badge>
          Rounds {t.roundsUsed}/{t.includedRounds} included
        </Badge>
        {t.committedMinor !== null ? (
          <Badge>{formatMoney(t.committedMinor, t.currency)} committed</Badge>
        ) : null}
      </div>
      {!t.briefAcknowledgedAt ? (
        <div
          className="flex flex-col gap-2 rounded-md border border-warn/40 bg-warn/5 p-3 text-sm"
          data-testid="brief-acknowledgement"
        >
          <p>
            {t.abilities.acknowledgeBrief
              ? 'Read the client brief (one-sheeter) below, then acknowledge it. Your draft can only start after that (R17).'
              : `Waiting for ${t.contractor.name} to acknowledge the brief (R17).`}
          </p>
          {t.abilities.acknowledgeBrief ? (
            <div>
              <Button
                variant="primary"
                busy={acknowledge.isPending}
                onClick={() => acknowledge.mutate()}
              >
                I've read the brief
              </Button>
            </div>
          ) : null}
        </div>
      ) : (
        <p className="text-xs text-muted">
          Brief v{t.briefVersion} acknowledged {formatInstant(t.briefAcknowledgedAt, viewerTz)}
        </p>
      )}
      <section aria-labelledby="subtasks-h">
        <h3 id="subtasks-h" className="mb-1 text-xs font-semibold text-muted">
          Subtasks · due dates are days in {workspaceTz}
          {viewerTz !== workspaceTz ? `, times shown in your zone (${viewerTz})` : ''}
        </h3>
        <ul
          className="divide-y divide-line rounded-md border border-line text-sm"
          data-testid="subtasks"
        >
          {t.subtasks.map((s) => {
            const local = dueInViewerZone(s.dueDate, workspaceTz, viewerTz);
            const done = s.status === 'done';
            const can = done ? s.abilities.reopen : s.abilities.complete;
            return (
              <li key={s.id} className="flex items-center gap-3 px-3 py-2">
                <button
                  type="button"
                  disabled={!can || toggle.isPending}
                  onClick={() => toggle.mutate({ id: s.id, done })}
                  aria-label={done ? `Reopen ${s.title}` : `Mark ${s.title} done`}
                  title={s.blockedReason ?? undefined}
                  className="text-muted enabled:hover:text-ink disabled:opacity-40"
                >
                  {done ? <CheckCircle2 size={16} className="text-ok" /> : <Circle size={16} />}
                </button>
                <span className={done ? 'text-muted line-through' : ''}>{s.title}</span>
                <span className="text-xs text-muted">
                  {s.assignee?.name ?? (s.assigneeRole === 'qa' ? 'QA' : s.assigneeRole)}
                </span>
                <span className="ml-auto flex flex-col items-end">
                  <DueDate date={s.dueDate} done={done} />
                  {local ? <span className="text-xs text-muted">{local}</span> : null}
                </span>
              </li>
            );
          })}
        </ul>
        {t.subtasks.some((s) => s.blockedReason) ? (
          <p className="mt-1 text-xs text-warn">
            {t.subtasks.find((s) => s.blockedReason)?.blockedReason}
          </p>
        ) : null}
      </section>
      {t.items.length ? (
        <section aria-labelledby="items-h">
          <h3 id="items-h" className="mb-1 text-xs font-semibold text-muted">
            Deliverables · priced at the rates in force on assignment (R7)
          </h3>
          <ul className="divide-y divide-line rounded-md border border-line text-sm">
            {t.items.map((i) => (
              <li key={i.id} className="flex justify-between px-3 py-1.5">
                <span>
                  {i.quantity} × {i.name}
                </span>
                <span className="text-muted">
                  {formatMoney(i.unitAmountMinor, i.currency)} {i.rateSource} ·{' '}
                  {formatMoney(i.amountMinor, i.currency)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <BriefView clientId={t.client.id} />
      <section aria-labelledby="thread-h">
        <h3 id="thread-h" className="mb-1 text-xs font-semibold text-muted">
          Thread · all discussion lives on the parent task (R18)
        </h3>
        <ol className="flex flex-col gap-2">
          {t.comments.map((c) => (
            <li
              key={c.id}
              className={`rounded-md border p-3 text-sm ${c.visibility === 'internal' ? 'border-warn/40 bg-warn/5' : 'border-line'}`}
            >
              <div className="mb-1 text-xs text-muted">
                {c.author?.name ?? 'Handoff'} · {formatInstant(c.createdAt, viewerTz)}
                {c.visibility === 'internal' ? ' · internal' : ''}
              </div>
              <p className="whitespace-pre-wrap">{c.body}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
