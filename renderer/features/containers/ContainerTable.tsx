import type { EngineTags } from '../../app/useEngineViews.js';
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
const columnsWithEngine = ['Name', 'Engine', 'Image', 'State', 'Status', 'Ports', 'Created'] as const;

interface ContainerTableProps {
  items: readonly ListItem[];
  engines: EngineTags;
  selection: ContainerSelection;
  actions: ContainerActions;
  onRequest: (request: ActionRequest) => void;
  onToggleCollapsed: (projectKey: string) => void;
}

/**
 * The containers (and compose project headers) as a table whose body renders only the rows in
 * view. With several engines known, an Engine column tags each row with its engine.
 */
export function ContainerTable({ items, engines, selection, actions, onRequest, onToggleCollapsed }: ContainerTableProps) {
  const nowMs = useNow(60_000);
  const engineOf = (engineId: string) => (engines.isShown ? (engines.byId.get(engineId) ?? null) : null);
  return (
    <VirtualTable
      label="Containers"
      className={engines.isShown ? 'containers-table-engines' : undefined}
      rowCount={items.length}
      rowKey={(index) => items[index]?.key ?? index}
      columns={engines.isShown ? columnsWithEngine : columns}
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
          <GroupRow
            key={item.key}
            project={item.project}
            projectKey={item.projectKey}
            engine={engineOf(item.engineId)}
            members={item.members}
            isCollapsed={item.isCollapsed}
            onToggleCollapsed={onToggleCollapsed}
            {...shared}
          />
        ) : (
          <ContainerRow key={item.key} container={item.container} engine={engineOf(item.container.engineId)} isMember={item.isMember} nowMs={nowMs} {...shared} />
        );
      }}
    />
  );
}
