import { useQuery } from '@tanstack/react-query';
import { KanbanSquare } from 'lucide-react';
import { lazy, Suspense, useEffect } from 'react';
import type { BoardResponse } from '../../../contracts/board';
import { EmptyState, ErrorNotice, PageHeader, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { useUrlState } from '../../lib/url-state';
import { BOARD_COLUMNS, BoardColumns } from './BoardColumns';
import { BoardToolbar } from './BoardToolbar';
import { currentMonth, isMonth, monthLabel } from './board-month';
import { TaskListView } from './TaskListView';

// The panel (and the form library under it) loads when a task is opened, or once the board is
// up, so it stays off the board's first render.
const loadPanel = () => import('./TaskPanel');
const TaskPanel = lazy(() => loadPanel().then((m) => ({ default: m.TaskPanel })));

const count = new Intl.NumberFormat('en-US');

/**
 * A month's parent tasks by status — the whole month in one answer from /api/tasks/board, this
 * month unless the URL names another — filterable by client, contractor and strategist; a task
 * opens in a side panel.
 */
export function BoardPage() {
  const me = useMe();
  const thisMonth = currentMonth(me.data?.current?.workspaceTimeZone ?? 'UTC');
  const [view] = useUrlState('view', 'board');
  const [monthParam] = useUrlState('month');
  const month = isMonth(monthParam) ? monthParam : thisMonth;
  const [clientId] = useUrlState('clientId');
  const [contractorId] = useUrlState('contractorId');
  const [strategistUserId] = useUrlState('strategistUserId');
  const [openId, setOpenId] = useUrlState('task');
  const params = new URLSearchParams({ month });
  if (clientId) params.set('clientId', clientId);
  if (contractorId) params.set('contractorId', contractorId);
  if (strategistUserId) params.set('strategistUserId', strategistUserId);
  const q = useQuery({
    queryKey: ['board', month, clientId, contractorId, strategistUserId],
    queryFn: () => api<BoardResponse>(`/api/tasks/board?${params}`),
    placeholderData: (prev) => prev,
  });
  const tasks = q.data?.items ?? [];
  const loaded = q.data !== undefined;
  useEffect(() => {
    if (!loaded) return;
    const warm = setTimeout(() => void loadPanel(), 1000);
    return () => clearTimeout(warm);
  }, [loaded]);
  const offBoard = tasks.filter((t) => !BOARD_COLUMNS.includes(t.status)).length;
  const subtitle = q.data
    ? `${monthLabel(month)} · ${count.format(tasks.length)} parent tasks${
        view !== 'list' && offBoard > 0
          ? ` · ${count.format(offBoard)} cancelled, shown in List`
          : ''
      }`
    : monthLabel(month);

  return (
    <>
      <PageHeader title="Board" subtitle={subtitle}>
        <BoardToolbar month={month} thisMonth={thisMonth} />
      </PageHeader>
      {q.data?.truncated ? (
        <p
          role="status"
          className="mx-4 mt-3 rounded-md border border-warn/40 bg-warn/5 px-3 py-2 text-sm text-warn"
        >
          This month has more parent tasks than one board holds: only the first{' '}
          {count.format(tasks.length)} by due date are shown. Narrow the board by client, contractor
          or strategist to see the rest.
        </p>
      ) : null}
      {q.isPending ? (
        <div className="p-5">
          <Spinner label="Loading board" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : tasks.length === 0 ? (
        <EmptyState
          icon={<KanbanSquare size={24} />}
          title={`No parent tasks in ${monthLabel(month)}`}
        >
          Tasks appear when a coordinator assigns a request; pick another month or clear the
          filters.
        </EmptyState>
      ) : (
        <div
          aria-busy={q.isPlaceholderData || undefined}
          className={q.isPlaceholderData ? 'opacity-60' : undefined}
        >
          {view === 'list' ? (
            <TaskListView tasks={tasks} selectedId={openId || null} onOpen={setOpenId} />
          ) : (
            // A new month or filter starts its columns at the top.
            <BoardColumns
              key={params.toString()}
              tasks={tasks}
              selectedId={openId || null}
              onOpen={setOpenId}
            />
          )}
        </div>
      )}
      {openId ? (
        <Suspense fallback={null}>
          <TaskPanel taskId={openId} onClose={() => setOpenId(null)} />
        </Suspense>
      ) : null}
    </>
  );
}
