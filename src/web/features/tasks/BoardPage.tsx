import { useQuery } from '@tanstack/react-query';
import { KanbanSquare } from 'lucide-react';
import type { z } from 'zod';
import type { TaskList, TaskListItem } from '../../../contracts/tasks';
import { TASK_STATUS_LABELS, type TaskStatus } from '../../../domain/task-status';
import { DataTable } from '../../components/DataTable';
import { DueDate } from '../../components/DueDate';
import { EmptyState, ErrorNotice, Input, PageHeader, Select, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { useUrlState } from '../../lib/url-state';
import { useActiveContractors, useClients, useStrategists } from '../requests/useReferenceData';
import { StatusBadge } from './StatusBadge';
import { TaskPanel } from './TaskPanel';

const COLUMNS: TaskStatus[] = [
  'scheduled',
  'in_production',
  'internal_review',
  'revision',
  'qa',
  'ready',
  'closed',
];

/** Parent tasks by status, filterable by client, contractor and month; a task opens in a side panel. */
export function BoardPage() {
  const [view, setView] = useUrlState('view', 'board');
  const [month, setMonth] = useUrlState('month');
  const [clientId, setClientId] = useUrlState('clientId');
  const [contractorId, setContractorId] = useUrlState('contractorId');
  const [strategistUserId, setStrategistUserId] = useUrlState('strategistUserId');
  const strategists = useStrategists();
  const [openId, setOpenId] = useUrlState('task');
  const clients = useClients();
  const contractors = useActiveContractors();
  const params = new URLSearchParams({ limit: '200' });
  if (month) params.set('month', month);
  if (clientId) params.set('clientId', clientId);
  if (contractorId) params.set('contractorId', contractorId);
  if (strategistUserId) params.set('strategistUserId', strategistUserId);
  const q = useQuery({
    queryKey: ['board', month, clientId, contractorId, strategistUserId],
    queryFn: () => api<z.infer<typeof TaskList>>(`/api/tasks?${params}`),
    placeholderData: (prev) => prev,
  });
  const tasks = q.data?.items ?? [];

  return (
    <>
      <PageHeader title="Board" subtitle={`${tasks.length} parent tasks`}>
        <label className="sr-only" htmlFor="board-view">
          View
        </label>
        <Select
          id="board-view"
          value={view}
          onChange={(e) => setView(e.target.value)}
          className="w-28"
        >
          <option value="board">Board</option>
          <option value="list">List</option>
        </Select>
        <label className="sr-only" htmlFor="board-month">
          Month
        </label>
        <Input
          id="board-month"
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          className="w-40"
        />
        <label className="sr-only" htmlFor="board-client">
          Client
        </label>
        <Select
          id="board-client"
          value={clientId}
          onChange={(e) => setClientId(e.target.value)}
          className="w-44"
        >
          <option value="">All clients</option>
          {clients.data?.items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <label className="sr-only" htmlFor="board-contractor">
          Contractor
        </label>
        <Select
          id="board-contractor"
          value={contractorId}
          onChange={(e) => setContractorId(e.target.value)}
          className="w-44"
        >
          <option value="">All contractors</option>
          {contractors.data?.items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <label className="sr-only" htmlFor="board-strategist">
          Strategist
        </label>
        <Select
          id="board-strategist"
          value={strategistUserId}
          onChange={(e) => setStrategistUserId(e.target.value)}
          className="w-44"
        >
          <option value="">All strategists</option>
          {strategists.data?.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </Select>
      </PageHeader>
      {q.isPending ? (
        <div className="p-5">
          <Spinner label="Loading board" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : tasks.length === 0 ? (
        <EmptyState icon={<KanbanSquare size={24} />} title="No parent tasks here">
          Tasks appear when a coordinator assigns a request.
        </EmptyState>
      ) : view === 'list' ? (
        <DataTable
          caption="Parent tasks"
          rows={tasks}
          rowKey={(t) => t.id}
          onOpen={(t) => setOpenId(t.id)}
          selectedKey={openId}
          initialSort={{ key: 'due', dir: 'asc' }}
          columns={[
            {
              key: 'title',
              header: 'Task',
              cell: (t) => <span className="font-medium">{t.title}</span>,
              sortValue: (t) => t.title,
            },
            {
              key: 'client',
              header: 'Client',
              cell: (t) => t.client.name,
              sortValue: (t) => t.client.name,
            },
            {
              key: 'contractor',
              header: 'Contractor',
              cell: (t) => t.contractor.name,
              sortValue: (t) => t.contractor.name,
            },
            {
              key: 'status',
              header: 'Status',
              cell: (t) => <StatusBadge status={t.status} />,
              sortValue: (t) => COLUMNS.indexOf(t.status),
            },
            {
              key: 'next',
              header: 'Next',
              cell: (t) =>
                t.nextSubtask ? (
                  <span className="text-muted">
                    {t.nextSubtask.title} · <DueDate date={t.nextSubtask.dueDate} />
                  </span>
                ) : (
                  '—'
                ),
              sortValue: (t) => t.nextSubtask?.dueDate ?? null,
            },
            {
              key: 'due',
              header: 'Due',
              cell: (t) => (
                <DueDate date={t.dueDate} done={t.status === 'ready' || t.status === 'closed'} />
              ),
              sortValue: (t) => t.dueDate,
            },
          ]}
        />
      ) : (
        <div className="flex gap-3 overflow-x-auto p-4" data-testid="board">
          {COLUMNS.map((status) => {
            const col = tasks.filter((t) => t.status === status);
            return (
              <section
                key={status}
                aria-label={TASK_STATUS_LABELS[status]}
                className="flex w-64 shrink-0 flex-col gap-2"
              >
                <h2 className="flex items-center justify-between px-1 text-xs font-semibold text-muted">
                  {TASK_STATUS_LABELS[status]} <span>{col.length}</span>
                </h2>
                {col.map((t) => (
                  <TaskCard key={t.id} task={t} onOpen={() => setOpenId(t.id)} />
                ))}
              </section>
            );
          })}
        </div>
      )}
      {openId ? <TaskPanel taskId={openId} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}

function TaskCard({ task: t, onOpen }: { task: TaskListItem; onOpen: () => void }) {
  return (
    <button
      type="button"
      onClick={onOpen}
      className="flex flex-col gap-1 rounded-md border border-line bg-panel p-2.5 text-left text-sm shadow-sm hover:border-accent focus:border-accent"
    >
      <span className="font-medium">{t.client.name}</span>
      <span className="text-xs text-muted">{t.title.replace(`${t.client.name} · `, '')}</span>
      <span className="text-xs">{t.contractor.name}</span>
      {t.nextSubtask ? (
        <span className="text-xs text-muted">
          {t.nextSubtask.title} · <DueDate date={t.nextSubtask.dueDate} />
        </span>
      ) : null}
      {!t.briefAcknowledged && t.status === 'scheduled' ? (
        <span className="text-xs text-warn">Brief not acknowledged</span>
      ) : null}
    </button>
  );
}
