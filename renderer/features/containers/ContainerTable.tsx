import { Checkbox } from '../../ui/Checkbox.js';
import { useNow } from '../../ui/useNow.js';
import { VirtualTable } from '../../ui/VirtualTable.js';
import type { ActionRequest } from './ActionDialog.js';
import type { ListItem } from './composeGroups.js';
import { ContainerRow } from './ContainerRow.js';
import { GroupRow } from './GroupRow.js';
import type { ContainerActions } from './useContainerActions.js';
import type { ContainerSelection } from './useContainerSelection.js';

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
  const nowMs = useNow(60_000);
  return (
    <VirtualTable
      label="Containers"
      rowCount={items.length}
      rowKey={(index) => items[index]?.key ?? index}
      columns={columns}
      leadingHeader={
        <div role="columnheader" className="cell cell-select">
          <Checkbox
            label="Select all"
            checked={selection.isAllSelected}
            indeterminate={selection.isSomeSelected}
            onChange={(checked) => selection.setAllSelected(checked)}
          />
        </div>
      }
      renderRow={(index, placement) => {
        const item = items[index];
        if (!item) return null;
        const shared = { ...placement, actions, onRequest };
        return item.kind === 'group' ? (
          <GroupRow key={item.key} project={item.project} members={item.members} isCollapsed={item.isCollapsed} onToggleCollapsed={onToggleCollapsed} {...shared} />
        ) : (
          <ContainerRow key={item.key} container={item.container} isMember={item.isMember} nowMs={nowMs} {...shared} />
        );
      }}
    />
  );
}
