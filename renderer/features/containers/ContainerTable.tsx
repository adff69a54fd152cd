import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ContainerSummary } from '../../../runtime/api/index.js';
import { useNow } from '../../ui/useNow.js';
import { ContainerRow } from './ContainerRow.js';
import type { ContainerActions, ContainerRef } from './useContainerActions.js';

/** Rows have one fixed height, so nothing needs measuring and scrolling 1,000+ rows stays cheap. */
const rowHeight = 44;

const columns = ['Name', 'Image', 'State', 'Status', 'Ports', 'Created'] as const;

interface ContainerTableProps {
  rows: readonly ContainerSummary[];
  actions: ContainerActions;
  onRemove: (container: ContainerRef) => void;
}

/** The containers as a table whose body renders only the rows in view. */
export function ContainerTable({ rows, actions, onRemove }: ContainerTableProps) {
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
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  return (
    <div role="table" aria-label="Containers" aria-rowcount={rows.length + 1} className="table">
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
          {virtualizer.getVirtualItems().map((item) => {
            const container = rows[item.index];
            if (!container) return null;
            return (
              <ContainerRow
                key={container.id}
                container={container}
                rowIndex={item.index + 2}
                nowMs={nowMs}
                offsetPx={item.start}
                heightPx={rowHeight}
                actions={actions}
                onRemove={onRemove}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
