import { useMutation } from '@tanstack/react-query';
import { CheckCircle2, Circle } from 'lucide-react';
import { toast } from 'sonner';
import type { TaskDetail } from '../../../contracts/tasks';
import { DueDate } from '../../components/DueDate';
import { errorMessage, post } from '../../lib/api';
import { dueInViewerZone, formatInstant, formatMoney } from '../../lib/format';
import { useMe } from '../../lib/session';
import { AckBrief } from './AckBrief';
import { BriefView } from './BriefView';
import { useRefreshTask } from './task-command';

/** The planned subtasks (R14), the priced items (R7) and the client brief (R17). */
export function PlanView({ task: t }: { task: TaskDetail }) {
  const me = useMe();
  const refresh = useRefreshTask(t.id);
  const viewerTz = me.data?.current?.timeZone ?? 'UTC';
  const workspaceTz = me.data?.current?.workspaceTimeZone ?? 'UTC';
  const toggle = useMutation({
    mutationFn: (v: { id: string; done: boolean }) =>
      post(`/api/subtasks/${v.id}/${v.done ? 'reopen' : 'complete'}`, {}),
    onSuccess: refresh,
    onError: (e) => toast.error(errorMessage(e)),
  });
  return (
    <div className="flex flex-col gap-5 p-5">
      <AckBrief task={t} />
      {t.briefAcknowledgedAt ? (
        <p className="text-xs text-muted">
          Brief v{t.briefVersion} acknowledged {formatInstant(t.briefAcknowledgedAt, viewerTz)}
        </p>
      ) : null}
      <section aria-labelledby="subtasks-h">
        <h3 id="subtasks-h" className="mb-1 text-xs font-semibold text-muted">
          Subtasks · due dates are days in {workspaceTz}
          {viewerTz !== workspaceTz ? `, times shown in your zone (${viewerTz})` : ''} · no comments
          here: discuss on the parent task (R18)
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
    </div>
  );
}
