import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useNow } from '../../ui/useNow.js';
import type { ImageRow } from './imageRows.js';
import { ImageTableRow } from './ImageTableRow.js';
import type { ImageTarget } from './useRemoveImage.js';

/** Rows have one fixed height, so nothing needs measuring. */
const rowHeight = 44;

const columns = ['Name', 'Image ID', 'Size', 'Created', 'Containers'] as const;

interface ImageTableProps {
  rows: readonly ImageRow[];
  containerCounts: ReadonlyMap<string, number>;
  onRemove: (target: ImageTarget, isTag: boolean) => void;
}

/** The images as a table whose body renders only the rows in view. */
export function ImageTable({ rows, containerCounts, onRemove }: ImageTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const nowMs = useNow(60_000);
  // The virtualizer keeps its own mutable state; React Compiler cannot memoize around it, and
  // this component does not rely on that.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  return (
    <div role="table" aria-label="Images" aria-rowcount={rows.length + 1} className="table images-table">
      <div role="rowgroup" className="table-head">
        <div role="row" aria-rowindex={1} className="row row-head">
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
          {virtualizer.getVirtualItems().map((virtual) => {
            const row = rows[virtual.index];
            if (!row) return null;
            return (
              <ImageTableRow
                key={row.key}
                row={row}
                containerCount={containerCounts.get(row.image.id) ?? 0}
                rowIndex={virtual.index + 2}
                nowMs={nowMs}
                offsetPx={virtual.start}
                heightPx={rowHeight}
                onRemove={onRemove}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
