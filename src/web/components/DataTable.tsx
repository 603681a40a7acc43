import { ArrowDown, ArrowUp } from 'lucide-react';
import { type ReactNode, useMemo, useState } from 'react';
import { cx } from './ui';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Value used to sort; a column without it is not sortable. */
  sortValue?: (row: T) => string | number | null;
  className?: string;
}

/**
 * A dense table that sorts by clicking a header, and whose rows open with a click or Enter
 * (each row is a button-like element reachable with Tab).
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  onOpen,
  initialSort,
  caption,
  empty,
  selectedKey,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  onOpen?: (row: T) => void;
  initialSort?: { key: string; dir: 'asc' | 'desc' };
  caption: string;
  empty?: ReactNode;
  selectedKey?: string | null;
}) {
  const [sort, setSort] = useState(initialSort ?? null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const col = columns.find((c) => c.key === sort.key);
    if (!col?.sortValue) return rows;
    const get = col.sortValue;
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

  if (rows.length === 0 && empty) return <>{empty}</>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-line text-left text-xs text-muted">
            {columns.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={cx('whitespace-nowrap px-3 py-2 font-medium', c.className)}
                  aria-sort={
                    active ? (sort?.dir === 'asc' ? 'ascending' : 'descending') : undefined
                  }
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 hover:text-ink"
                      onClick={() =>
                        setSort({ key: c.key, dir: active && sort?.dir === 'asc' ? 'desc' : 'asc' })
                      }
                    >
                      {c.header}
                      {active ? (
                        sort?.dir === 'asc' ? (
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
        <tbody>
          {sorted.map((row) => {
            const key = rowKey(row);
            return (
              <tr
                key={key}
                tabIndex={onOpen ? 0 : undefined}
                onClick={onOpen ? () => onOpen(row) : undefined}
                onKeyDown={
                  onOpen
                    ? (e) => {
                        if (e.key === 'Enter') onOpen(row);
                        if (e.key === 'ArrowDown')
                          (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
                        if (e.key === 'ArrowUp')
                          (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
                      }
                    : undefined
                }
                aria-selected={selectedKey === key || undefined}
                className={cx(
                  'border-b border-line/70',
                  onOpen && 'cursor-pointer hover:bg-sunken focus:bg-sunken focus:outline-none',
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
        </tbody>
      </table>
    </div>
  );
}
