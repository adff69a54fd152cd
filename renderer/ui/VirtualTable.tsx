import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

/** Rows have one fixed height, so nothing needs measuring and scrolling 1,000+ rows stays cheap. */
export const tableRowHeight = 44;

/** Where a body row sits: its ARIA row index (header = 1) and its place in the scrolled body. */
export interface RowPlacement {
  rowIndex: number;
  offsetPx: number;
  heightPx: number;
}

interface VirtualTableProps {
  /** Accessible name of the table. */
  label: string;
  className?: string;
  rowCount: number;
  /** A stable key per row, so a row keeps its DOM (and focus) while the list changes around it. */
  rowKey: (index: number) => string | number;
  /** Column titles, in order; an unlabelled "Actions" column follows them. */
  columns: readonly string[];
  /** A header cell before the titles (the "Select all" box). */
  leadingHeader?: ReactNode;
  renderRow: (index: number, placement: RowPlacement) => ReactNode;
  /** Told the rows in view (first and last index, without the rows rendered beyond it) whenever they change. */
  onVisibleRange?: (firstIndex: number, lastIndex: number) => void;
}

/** An ARIA table whose body renders only the rows in view (and ten either side). */
export function VirtualTable({ label, className, rowCount, rowKey, columns, leadingHeader, renderRow, onVisibleRange }: VirtualTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer keeps its own mutable state; React Compiler cannot memoize around it, and
  // this component does not rely on that.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => tableRowHeight,
    overscan: 10,
    getItemKey: rowKey,
  });
  // Worked out for this render's row count: `virtualizer.range` alone is what the last
  // rendering worked out, so a row added without a scroll would go unseen.
  const range = virtualizer.calculateRange();
  const first = range?.startIndex ?? -1;
  const last = range?.endIndex ?? -1;
  useEffect(() => {
    if (first >= 0) onVisibleRange?.(first, last);
  }, [first, last, onVisibleRange]);

  return (
    <div role="table" aria-label={label} aria-rowcount={rowCount + 1} className={className === undefined ? 'table' : `table ${className}`}>
      <div role="rowgroup" className="table-head">
        <div role="row" aria-rowindex={1} className="row row-head">
          {leadingHeader}
          {columns.map((column) => (
            <div key={column} role="columnheader" className="cell">
              {column}
            </div>
          ))}
          <div role="columnheader" className="cell">
            <span className="visually-hidden">Actions</span>
          </div>
        </div>
      </div>
      <div role="rowgroup" ref={scrollRef} className="table-body">
        <div role="presentation" className="table-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((virtual) =>
            renderRow(virtual.index, { rowIndex: virtual.index + 2, offsetPx: virtual.start, heightPx: tableRowHeight }),
          )}
        </div>
      </div>
    </div>
  );
}
