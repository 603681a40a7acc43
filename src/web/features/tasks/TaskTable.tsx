import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Column } from '../../components/DataTable';
import { cx } from '../../components/ui';

const ROW_ESTIMATE = 48;

/**
 * DataTable's look and behaviour (sortable headers, rows that open with a click or Enter, arrow
 * keys between rows) for a whole month of tasks: only the rows near the window's view are
 * mounted, between two spacer rows, and aria-rowcount / aria-rowindex tell assistive technology
 * the table's real size. ~1,000 rows mounted at once took over a second to render.
 */
export function TaskTable<T>({
  rows,
  columns,
  rowKey,
  onOpen,
  initialSort,
  caption,
  selectedKey,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  onOpen: (row: T) => void;
  initialSort: { key: string; dir: 'asc' | 'desc' };
  caption: string;
  selectedKey: string | null;
}) {
  const [sort, setSort] = useState(initialSort);
  const sorted = useMemo(() => {
    const get = columns.find((c) => c.key === sort.key)?.sortValue;
    if (!get) return rows;
    return [...rows].sort((a, b) => {
      const va = get(a);
      const vb = get(b);
      if (va === vb) return 0;
      if (va === null) return 1;
      if (vb === null) return -1;
      const cmp = va < vb ? -1 : 1;
      return sort.dir === 'asc' ? cmp : -cmp;
    });
  }, [rows, columns, sort]);

  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const scrollMargin = useDocumentTop(bodyRef);
  // The focused row stays mounted when it scrolls away, so keyboard focus is never dropped.
  const focused = useRef<number | null>(null);
  const virtualizer = useWindowVirtualizer({
    count: sorted.length,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 10,
    scrollMargin,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    useFlushSync: false,
    getItemKey: (i) => rowKey(sorted[i]),
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const f = focused.current;
      if (f === null || f >= sorted.length || indexes.includes(f)) return indexes;
      return [...indexes, f].sort((a, b) => a - b);
    },
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length > 0 ? items[0].start - scrollMargin : 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  const focusRow = (index: number) => {
    if (index < 0 || index >= sorted.length) return;
    const row = bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    if (row) row.focus();
    else virtualizer.scrollToIndex(index);
  };

  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" aria-rowcount={sorted.length + 1}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr aria-rowindex={1} className="border-b border-line text-left text-xs text-muted">
            {columns.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={cx('whitespace-nowrap px-3 py-2 font-medium', c.className)}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 hover:text-ink"
                      onClick={() =>
                        setSort({ key: c.key, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })
                      }
                    >
                      {c.header}
                      {active ? (
                        sort.dir === 'asc' ? (
                          <ArrowUp size={12} />
                        ) : (
                          <ArrowDown size={12} />
                        )
                      ) : null}
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody
          ref={bodyRef}
          onFocus={(e) => {
            const i = Number((e.target as HTMLElement).dataset.index);
            focused.current = Number.isNaN(i) ? null : i;
          }}
          onBlur={() => {
            focused.current = null;
          }}
        >
          {before > 0 ? <tr aria-hidden style={{ height: before }} /> : null}
          {items.map((item) => {
            const row = sorted[item.index];
            const key = String(item.key);
            return (
              <tr
                key={key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                tabIndex={0}
                onClick={() => onOpen(row)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onOpen(row);
                  if (e.key === 'ArrowDown') focusRow(item.index + 1);
                  if (e.key === 'ArrowUp') focusRow(item.index - 1);
                }}
                aria-selected={selectedKey === key || undefined}
                className={cx(
                  'cursor-pointer border-b border-line/70 hover:bg-sunken focus:bg-sunken focus:outline-none',
                  selectedKey === key && 'bg-accent/5',
                )}
              >
                {columns.map((c) => (
                  <td key={c.key} className={cx('px-3 py-2 align-middle', c.className)}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
          {after > 0 ? <tr aria-hidden style={{ height: after }} /> : null}
        </tbody>
      </table>
    </div>
  );
}

/** Where an element starts in the document, kept current when the window is resized. */
function useDocumentTop(ref: React.RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const update = () => {
      if (ref.current) setTop(ref.current.getBoundingClientRect().top + window.scrollY);
    };
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [ref]);
  return top;
}
