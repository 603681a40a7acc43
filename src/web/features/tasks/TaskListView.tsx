import type { TaskListItem } from '../../../contracts/tasks';
import { TASK_STATUSES } from '../../../domain/task-status';
import { type Column, DataTable } from '../../components/DataTable';
import { DueDate } from '../../components/DueDate';
import { VirtualTableBody } from '../../components/VirtualTableBody';
import type { MonthTasksProps } from './BoardColumns';
import { StatusBadge } from './StatusBadge';

const COLUMNS: Column<TaskListItem>[] = [
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
    sortValue: (t) => TASK_STATUSES.indexOf(t.status),
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
    cell: (t) => <DueDate date={t.dueDate} done={t.status === 'ready' || t.status === 'closed'} />,
    sortValue: (t) => t.dueDate,
  },
];

/**
 * The same month's parent tasks as a sortable table (every status, cancelled included). A busy
 * month has about a thousand, so only the rows in view are mounted.
 */
export function TaskListView({ tasks, selectedId, onOpen }: MonthTasksProps) {
  return (
    <DataTable
      caption="Parent tasks"
      rows={tasks}
      rowKey={(t) => t.id}
      onOpen={(t) => onOpen(t.id)}
      selectedKey={selectedId}
      initialSort={{ key: 'due', dir: 'asc' }}
      columns={COLUMNS}
      virtualBody={VirtualTableBody}
    />
  );
}
