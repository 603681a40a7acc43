import { ArrowDown, ArrowUp } from 'lucide-react';
import { type ComponentType, type ReactNode, useMemo, useState } from 'react';
import { cx } from './ui';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Value used to sort; a column without it is not sortable. */
  sortValue?: (row: T) => string | number | null;
  className?: string;
}

type Sort = { key: string; dir: 'asc' | 'desc' };

export interface BodyProps<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  onOpen?: (row: T) => void;
  selectedKey?: string | null;
}

/**
 * A dense table that sorts by clicking a header, and whose rows open with a click or Enter
 * (each row is a button-like element reachable with Tab, arrow keys move between rows).
 *
 * `virtualBody` (VirtualTableBody) mounts only the rows near the window's view, for tables of
 * hundreds of rows; aria-rowcount / aria-rowindex then tell assistive technology the real size.
 * It is passed in rather than built in so that pages with short tables never load the virtualizer.
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
  virtualBody: VirtualBody,
}: BodyProps<T> & {
  initialSort?: Sort;
  caption: string;
  empty?: ReactNode;
  virtualBody?: ComponentType<BodyProps<NoInfer<T>>>;
}) {
  const [sort, setSort] = useState(initialSort ?? null);
  const sorted = useMemo(() => sortRows(rows, columns, sort), [rows, columns, sort]);

  if (rows.length === 0 && empty) return <>{empty}</>;
  const body = { rows: sorted, columns, rowKey, onOpen, selectedKey };
  return (
    <div className="overflow-x-auto">
      <table
        className="w-full border-collapse text-sm"
        aria-rowcount={VirtualBody ? sorted.length + 1 : undefined}
      >
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr
            aria-rowindex={VirtualBody ? 1 : undefined}
            className="border-b border-line text-left text-xs text-muted"
          >
            {columns.map((c) => (
              <HeaderCell key={c.key} column={c} sort={sort} onSort={setSort} />
            ))}
          </tr>
        </thead>
        {VirtualBody ? <VirtualBody {...body} /> : <PlainBody {...body} />}
      </table>
    </div>
  );
}

function sortRows<T>(rows: T[], columns: Column<T>[], sort: Sort | null): T[] {
  if (!sort) return rows;
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
}

function HeaderCell<T>({
  column: c,
  sort,
  onSort,
}: {
  column: Column<T>;
  sort: Sort | null;
  onSort: (sort: Sort) => void;
}) {
  const active = sort?.key === c.key;
  return (
    <th
      scope="col"
      className={cx('whitespace-nowrap px-3 py-2 font-medium', c.className)}
      aria-sort={active ? (sort?.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      {c.sortValue ? (
        <button
          type="button"
          className="inline-flex items-center gap-1 hover:text-ink"
          onClick={() =>
            onSort({ key: c.key, dir: active && sort?.dir === 'asc' ? 'desc' : 'asc' })
          }
        >
          {c.header}
          {active ? sort?.dir === 'asc' ? <ArrowUp size={12} /> : <ArrowDown size={12} /> : null}
        </button>
      ) : (
        c.header
      )}
    </th>
  );
}

function PlainBody<T>({ rows, columns, rowKey, onOpen, selectedKey }: BodyProps<T>) {
  return (
    <tbody>
      {rows.map((row) => {
        const key = rowKey(row);
        return (
          <BodyRow
            key={key}
            row={row}
            columns={columns}
            onOpen={onOpen}
            selected={selectedKey === key}
            onStep={(delta, tr) =>
              (
                (delta > 0
                  ? tr.nextElementSibling
                  : tr.previousElementSibling) as HTMLElement | null
              )?.focus()
            }
          />
        );
      })}
    </tbody>
  );
}

export function BodyRow<T>({
  row,
  columns,
  onOpen,
  selected,
  onStep,
  index,
  measureRef,
}: {
  row: T;
  columns: Column<T>[];
  onOpen?: (row: T) => void;
  selected: boolean;
  onStep: (delta: 1 | -1, tr: HTMLTableRowElement) => void;
  /** Set in a virtualized body: the row's place among all rows, not just the mounted ones. */
  index?: number;
  measureRef?: (tr: HTMLTableRowElement | null) => void;
}) {
  return (
    <tr
      ref={measureRef}
      data-index={index}
      aria-rowindex={index === undefined ? undefined : index + 2}
      tabIndex={onOpen ? 0 : undefined}
      onClick={onOpen ? () => onOpen(row) : undefined}
      onKeyDown={
        onOpen
          ? (e) => {
              if (e.key === 'Enter') onOpen(row);
              if (e.key === 'ArrowDown') onStep(1, e.currentTarget);
              if (e.key === 'ArrowUp') onStep(-1, e.currentTarget);
            }
          : undefined
      }
      aria-selected={selected || undefined}
      className={cx(
        'border-b border-line/70',
        onOpen && 'cursor-pointer hover:bg-sunken focus:bg-sunken focus:outline-none',
        selected && 'bg-accent/5',
      )}
    >
      {columns.map((c) => (
        <td key={c.key} className={cx('px-3 py-2 align-middle', c.className)}>
          {c.cell(row)}
        </td>
      ))}
    </tr>
  );
}
