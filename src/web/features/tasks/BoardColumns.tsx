import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TaskListItem } from '../../../contracts/tasks';
import { TASK_STATUS_LABELS, TASK_STATUSES, type TaskStatus } from '../../../domain/task-status';
import { DueDate } from '../../components/DueDate';
import { cx } from '../../components/ui';

/** The workflow's columns, left to right; requested and cancelled tasks are not on the board. */
export const BOARD_COLUMNS: TaskStatus[] = TASK_STATUSES.filter(
  (s) => s !== 'requested' && s !== 'cancelled',
);

const CARD_ESTIMATE = 96;
const COLUMN_WIDTH = 256; // w-64
const HEADING_HEIGHT = 32; // the h2 is h-8
const CARD_GAP = 8;

/** What both views of the board month (columns, table) are given. */
export interface MonthTasksProps {
  tasks: TaskListItem[];
  selectedId: string | null;
  onOpen: (id: string) => void;
}

/**
 * The month's parent tasks in one column per status. A large agency has ~1,000 tasks a month, so
 * each column scrolls on its own and mounts only the cards in view (plus a few), which keeps the
 * first render to about a hundred cards whatever the month holds.
 */
export function BoardColumns({ tasks, selectedId, onOpen }: MonthTasksProps) {
  const byStatus = useMemo(() => {
    const groups = new Map<TaskStatus, TaskListItem[]>(BOARD_COLUMNS.map((s) => [s, []]));
    for (const t of tasks) groups.get(t.status)?.push(t);
    return groups;
  }, [tasks]);
  const onBoard = BOARD_COLUMNS.reduce((n, s) => n + (byStatus.get(s)?.length ?? 0), 0);
  const boardRef = useRef<HTMLDivElement>(null);
  const height = useViewportFill(boardRef);
  return (
    <div
      ref={boardRef}
      className="flex gap-3 overflow-x-auto px-4 pt-4 pb-2"
      data-testid="board"
      data-task-count={onBoard}
    >
      {BOARD_COLUMNS.map((status) => (
        <BoardColumn
          key={status}
          status={status}
          tasks={byStatus.get(status) ?? []}
          height={height}
          selectedId={selectedId}
          onOpen={onOpen}
        />
      ))}
    </div>
  );
}

function BoardColumn({
  status,
  tasks,
  height,
  selectedId,
  onOpen,
}: {
  status: TaskStatus;
  tasks: TaskListItem[];
  height: number;
  selectedId: string | null;
  onOpen: (id: string) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The card that has focus stays mounted while it scrolls out of view, so Tab and a screen
  // reader never lose their place.
  const focused = useRef<number | null>(null);
  const virtualizer = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_ESTIMATE,
    getItemKey: (i) => tasks[i].id,
    gap: CARD_GAP,
    overscan: 4,
    // The column's real size from the start (its height less the heading), so mounting seven
    // columns does not re-render each one after its first layout read.
    initialRect: { width: COLUMN_WIDTH, height: height - HEADING_HEIGHT },
    useFlushSync: false,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const f = focused.current;
      if (f === null || f >= tasks.length || indexes.includes(f)) return indexes;
      return [...indexes, f].sort((a, b) => a - b);
    },
  });
  const label = TASK_STATUS_LABELS[status];
  return (
    <section
      aria-label={label}
      className="flex w-64 shrink-0 flex-col rounded-lg bg-sunken/60"
      style={{ height }}
    >
      <h2 className="flex h-8 shrink-0 items-center justify-between px-3 pt-1 text-xs font-semibold text-muted">
        {label}
        <span className="rounded-full bg-panel px-1.5 tabular-nums">{tasks.length}</span>
      </h2>
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto px-2 pb-2">
        {tasks.length === 0 ? (
          <p className="px-1 py-4 text-center text-xs text-muted">No tasks</p>
        ) : (
          <ul
            aria-label={`${label}: ${tasks.length} tasks`}
            className="relative"
            style={{ height: virtualizer.getTotalSize() }}
            onFocus={(e) => {
              const i = Number(
                (e.target.closest('[data-index]') as HTMLElement | null)?.dataset.index,
              );
              focused.current = Number.isNaN(i) ? null : i;
            }}
            onBlur={() => {
              focused.current = null;
            }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const t = tasks[item.index];
              return (
                <li
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  aria-setsize={tasks.length}
                  aria-posinset={item.index + 1}
                  className="absolute top-0 left-0 w-full"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <TaskCard task={t} selected={t.id === selectedId} onOpen={() => onOpen(t.id)} />
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}

function TaskCard({
  task: t,
  selected,
  onOpen,
}: {
  task: TaskListItem;
  selected: boolean;
  onOpen: () => void;
}) {
  return (
    <button
      type="button"
      onClick={onOpen}
      data-testid="task-card"
      aria-current={selected || undefined}
      className={cx(
        'flex w-full flex-col gap-1 rounded-md border bg-panel p-2.5 text-left text-sm shadow-sm hover:border-accent focus:border-accent focus:outline-none focus-visible:ring-2 focus-visible:ring-accent/40',
        selected ? 'border-accent' : 'border-line',
      )}
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

/** The height from an element's top to the bottom of the window, so columns scroll inside it. */
function useViewportFill(ref: React.RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(() => fill(null));
  useLayoutEffect(() => {
    const update = () => setHeight(fill(ref.current));
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [ref]);
  return height;
}

const MIN_COLUMN = 360;
// The board's own padding and room for its horizontal scroll bar.
const BOARD_PADDING = 40;

function fill(el: HTMLElement | null): number {
  const top = el ? el.getBoundingClientRect().top + window.scrollY : 120;
  return Math.max(MIN_COLUMN, window.innerHeight - top - BOARD_PADDING);
}
