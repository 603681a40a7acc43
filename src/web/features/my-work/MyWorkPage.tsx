import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { MyWork } from '../../../contracts/tasks';
import { DueDate } from '../../components/DueDate';
import { EmptyState, ErrorNotice, PageHeader, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { dueInViewerZone } from '../../lib/format';
import { useUrlState } from '../../lib/url-state';
import { LeadBadge } from '../requests/badges';
import { StatusBadge } from '../tasks/StatusBadge';
import { TaskPanel } from '../tasks/TaskPanel';
import { WeeklyUpdateCard } from '../weekly-updates/WeeklyUpdateCard';

/** What waits on me, earliest first, with dates in my own time zone. */
export function MyWorkPage() {
  const [openTask, setOpenTask] = useUrlState('task');
  const q = useQuery({
    queryKey: ['my-work'],
    queryFn: () => api<MyWork>('/api/my-work'),
    refetchInterval: 60_000,
  });
  if (q.isPending)
    return (
      <div className="p-5">
        <Spinner label="Loading your work" />
      </div>
    );
  if (q.isError) return <ErrorNotice error={q.error} />;
  const w = q.data;
  const nothing =
    !w.subtasks.length &&
    !w.awaitingBrief.length &&
    !w.tasksNeedingAction.length &&
    !w.triage?.count &&
    !w.overdueSubtasks.length;
  return (
    <>
      <PageHeader
        title="My work"
        subtitle={`Today is ${w.today} · your time zone: ${w.viewerTimeZone}`}
      />
      <div className="mx-auto flex max-w-4xl flex-col gap-6 p-5">
        <WeeklyUpdateCard />
        {nothing ? (
          <EmptyState title="Nothing waits on you">
            New assignments, reviews and reminders will appear here.
          </EmptyState>
        ) : null}
        {w.awaitingBrief.length ? (
          <Section title="Acknowledge the brief (R17)">
            {w.awaitingBrief.map((t) => (
              <Row
                key={t.id}
                onOpen={() => setOpenTask(t.id)}
                title={`${t.client.name} · ${t.title}`}
                meta={<StatusBadge status={t.status} />}
                due={t.dueDate}
              />
            ))}
          </Section>
        ) : null}
        {w.triage ? (
          <Section title={`Requests waiting for triage (${w.triage.count})`}>
            {w.triage.requests.map((r) => (
              <li key={r.id} className="flex items-center gap-3 px-3 py-2 text-sm">
                <Link
                  to="/requests"
                  search={{ request: r.id } as never}
                  className="font-medium hover:underline"
                >
                  {r.client.name}
                </Link>
                <LeadBadge lead={{ status: r.leadStatus, days: 0, message: '' }} />
                <span className="ml-auto">
                  <DueDate date={r.dueDate} />
                </span>
              </li>
            ))}
          </Section>
        ) : null}
        {w.tasksNeedingAction.length ? (
          <Section title="Tasks waiting on you">
            {w.tasksNeedingAction.map((t) => (
              <Row
                key={t.id}
                onOpen={() => setOpenTask(t.id)}
                title={`${t.client.name} · ${t.title}`}
                meta={<StatusBadge status={t.status} />}
                due={t.dueDate}
              />
            ))}
          </Section>
        ) : null}
        {w.subtasks.length ? (
          <Section title="My subtasks">
            {w.subtasks.map((s) => (
              <Row
                key={s.id}
                onOpen={() => setOpenTask(s.taskId)}
                title={`${s.title} — ${s.client.name}`}
                meta={<span className="text-xs text-muted">{s.taskTitle}</span>}
                due={s.dueDate}
                local={dueInViewerZone(s.dueDate, w.workspaceTimeZone, w.viewerTimeZone)}
              />
            ))}
          </Section>
        ) : null}
        {w.overdueSubtasks.length ? (
          <Section title="Overdue across the workspace">
            {w.overdueSubtasks.map((s) => (
              <Row
                key={s.id}
                onOpen={() => setOpenTask(s.taskId)}
                title={`${s.title} — ${s.client.name}`}
                meta={<span className="text-xs text-muted">{s.contractor.name}</span>}
                due={s.dueDate}
              />
            ))}
          </Section>
        ) : null}
      </div>
      {openTask ? <TaskPanel taskId={openTask} onClose={() => setOpenTask(null)} /> : null}
    </>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-1 text-xs font-semibold text-muted">{title}</h2>
      <ul className="divide-y divide-line rounded-md border border-line bg-panel">{children}</ul>
    </section>
  );
}

function Row({
  title,
  meta,
  due,
  local,
  onOpen,
}: {
  title: string;
  meta?: React.ReactNode;
  due: string;
  local?: string | null;
  onOpen: () => void;
}) {
  return (
    <li>
      <button
        type="button"
        onClick={onOpen}
        className="flex w-full flex-wrap items-center gap-3 px-3 py-2.5 text-left text-sm hover:bg-sunken"
      >
        <span className="font-medium">{title}</span>
        {meta}
        <span className="ml-auto flex flex-col items-end">
          <DueDate date={due} />
          {local ? <span className="text-xs text-muted">{local}</span> : null}
        </span>
      </button>
    </li>
  );
}
