import { useQuery } from '@tanstack/react-query';
import { Check } from 'lucide-react';
import type { TaskDetail } from '../../../contracts/tasks';
import { DueDate } from '../../components/DueDate';
import { SidePanel } from '../../components/SidePanel';
import { Tabs } from '../../components/Tabs';
import { Badge, ErrorNotice, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { useUrlState } from '../../lib/url-state';
import { TimeLogSection } from '../time/TimeLogSection';
import { DeliverablesView } from './DeliverablesView';
import { HistoryView } from './HistoryView';
import { NextStep } from './NextStep';
import { PlanView } from './PlanView';
import { RevisionsView } from './RevisionsView';
import { StaleNotice } from './StaleNotice';
import { StatusBadge } from './StatusBadge';
import { TaskCommunityActions } from './TaskCommunityActions';
import { Thread } from './Thread';
import { TransitionButtons } from './TransitionButtons';
import { StaleProvider, useStale } from './task-command';

/**
 * The parent task: who and when, the next step the viewer may take, the versions and revisions,
 * the thread (R18, R19) and the history (R30) — everything between assigned and client-ready.
 */
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
          ? `${t.client.name} · contractor ${t.contractor.name} · strategist ${t.strategist.name ?? '—'}`
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
        <StaleProvider key={q.data.id}>
          <TaskBody task={q.data} />
        </StaleProvider>
      )}
    </SidePanel>
  );
}

function TaskBody({ task: t }: { task: TaskDetail }) {
  // Before the brief is acknowledged the brief is the work: open on it (R17).
  const [tab, setTab] = useUrlState('taskTab', t.status === 'scheduled' ? 'plan' : 'work');
  const staff = t.abilities.commentInternal;
  return (
    <div className="flex flex-col">
      <TaskHeader task={t} />
      <Tabs
        value={tab}
        onChange={setTab}
        tabs={[
          {
            value: 'work',
            label: 'Work',
            content: (
              <div className="flex flex-col gap-5 p-5">
                <NextStep task={t} />
                {/* In revision, what to change comes before what was handed in. */}
                {t.status === 'revision' ? <RevisionsView task={t} /> : null}
                <DeliverablesView taskId={t.id} canCompare={staff} />
                {t.status !== 'revision' ? <RevisionsView task={t} /> : null}
                {t.items.some((i) => i.unit === 'hour') ? <TimeLogSection taskId={t.id} /> : null}
              </div>
            ),
          },
          { value: 'thread', label: 'Thread', content: <Thread task={t} /> },
          { value: 'history', label: 'History', content: <HistoryView taskId={t.id} /> },
          { value: 'plan', label: 'Plan & brief', content: <PlanView task={t} /> },
        ]}
      />
    </div>
  );
}

const SHORT: Record<string, string> = {
  brand_training: 'Training',
  draft: 'Draft',
  scrub: 'Scrub',
  revision: 'Revision',
  final: 'Final',
  qa: 'QA',
};

function TaskHeader({ task: t }: { task: TaskDetail }) {
  const { notice } = useStale();
  const changed = notice !== null && notice.seenStatus !== t.status;
  return (
    <div className="flex flex-col gap-3 border-b border-line px-5 py-3">
      <StaleNotice />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span
          className={
            changed ? 'rounded ring-2 ring-accent ring-offset-1 ring-offset-panel' : undefined
          }
          data-testid="task-status"
        >
          <StatusBadge status={t.status} />
        </span>
        <span>
          Client-ready by{' '}
          <DueDate date={t.dueDate} done={t.status === 'ready' || t.status === 'closed'} />
        </span>
        <Badge title="Revision rounds used of those included in the agreement (R21)">
          Rounds {t.roundsUsed}/{t.includedRounds}
        </Badge>
        {t.qaFailCount > 0 ? <Badge tone="warn">QA failed {t.qaFailCount}×</Badge> : null}
        {t.committedMinor !== null ? (
          <Badge>{formatMoney(t.committedMinor, t.currency)} committed</Badge>
        ) : null}
        <span className="ml-auto flex flex-wrap items-center gap-1">
          <TaskCommunityActions task={t} />
          <TransitionButtons task={t} />
        </span>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Subtask due dates">
        {t.subtasks.map((s) => (
          <li key={s.id} className="flex items-center gap-1">
            {s.status === 'done' ? <Check size={12} className="text-ok" aria-label="done" /> : null}
            <span className="text-muted">{SHORT[s.kind] ?? s.title}</span>
            <DueDate date={s.dueDate} done={s.status === 'done'} />
          </li>
        ))}
      </ul>
    </div>
  );
}
