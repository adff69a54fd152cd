import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Checkbox } from '../../ui/Checkbox.js';
import { useNow } from '../../ui/useNow.js';
import type { ActionRequest } from './ActionDialog.js';
import type { ListItem } from './composeGroups.js';
import { ContainerRow } from './ContainerRow.js';
import { GroupRow } from './GroupRow.js';
import type { ContainerActions } from './useContainerActions.js';
import type { ContainerSelection } from './useContainerSelection.js';

/** Rows have one fixed height, so nothing needs measuring and scrolling 1,000+ rows stays cheap. */
const rowHeight = 44;

const columns = ['Name', 'Image', 'State', 'Status', 'Ports', 'Created'] as const;

interface ContainerTableProps {
  items: readonly ListItem[];
  selection: ContainerSelection;
  actions: ContainerActions;
  onRequest: (request: ActionRequest) => void;
  onToggleCollapsed: (project: string) => void;
}

/** The containers (and compose project headers) as a table whose body renders only the rows in view. */
export function ContainerTable({ items, selection, actions, onRequest, onToggleCollapsed }: ContainerTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const nowMs = useNow(60_000);
  // The virtualizer keeps its own mutable state; React Compiler cannot memoize around it, and
  // this component does not rely on that.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    getItemKey: (index) => items[index]?.key ?? index,
  });

  return (
    <div role="table" aria-label="Containers" aria-rowcount={items.length + 1} className="table">
      <div role="rowgroup" className="table-head">
        <div role="row" aria-rowindex={1} className="row row-head">
          <div role="columnheader" className="cell cell-select">
            <Checkbox
              label="Select all"
              checked={selection.isAllSelected}
              indeterminate={selection.isSomeSelected}
              onChange={(checked) => selection.setAllSelected(checked)}
            />
          </div>
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
            const item = items[virtual.index];
            if (!item) return null;
            const placement = { rowIndex: virtual.index + 2, offsetPx: virtual.start, heightPx: rowHeight, actions, onRequest };
            return item.kind === 'group' ? (
              <GroupRow key={item.key} project={item.project} members={item.members} isCollapsed={item.isCollapsed} onToggleCollapsed={onToggleCollapsed} {...placement} />
            ) : (
              <ContainerRow key={item.key} container={item.container} isMember={item.isMember} nowMs={nowMs} {...placement} />
            );
          })}
        </div>
      </div>
    </div>
  );
}
