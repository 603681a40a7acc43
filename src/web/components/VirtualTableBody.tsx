import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual';
import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { type BodyProps, BodyRow } from './DataTable';

/**
 * DataTable's rows for a table of hundreds (a busy month of tasks): only those near the window's
 * view are mounted, between two spacer rows. Mounted rows measure themselves; the estimate only
 * sizes the spacers for rows never mounted.
 */
export function VirtualTableBody<T>({
  rows,
  columns,
  rowKey,
  onOpen,
  selectedKey,
  estimateRowHeight = 48,
}: BodyProps<T> & { estimateRowHeight?: number }) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const scrollMargin = useDocumentTop(bodyRef);
  // The focused row stays mounted when it scrolls away, so keyboard focus is never dropped.
  const focused = useRef<number | null>(null);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => estimateRowHeight,
    overscan: 10,
    scrollMargin,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    useFlushSync: false,
    getItemKey: (i) => rowKey(rows[i]),
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const f = focused.current;
      if (f === null || f >= rows.length || indexes.includes(f)) return indexes;
      return [...indexes, f].sort((a, b) => a - b);
    },
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length > 0 ? items[0].start - scrollMargin : 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  // A neighbour scrolled out of view is not mounted: bring it in first, focus follows on Arrow again.
  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return;
    const tr = bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    if (tr) tr.focus();
    else virtualizer.scrollToIndex(index);
  };

  return (
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
        const key = String(item.key);
        return (
          <BodyRow
            key={key}
            row={rows[item.index]}
            columns={columns}
            onOpen={onOpen}
            selected={selectedKey === key}
            onStep={(delta) => focusRow(item.index + delta)}
            index={item.index}
            measureRef={virtualizer.measureElement}
          />
        );
      })}
      {after > 0 ? <tr aria-hidden style={{ height: after }} /> : null}
    </tbody>
  );
}

/** Where an element starts in the document, kept current when the window is resized. */
function useDocumentTop(ref: RefObject<HTMLElement | null>): number {
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
