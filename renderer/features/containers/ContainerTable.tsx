import type { EngineTags } from '../../app/useEngineViews.js';
import { Checkbox } from '../../ui/Checkbox.js';
import { useNow } from '../../ui/useNow.js';
import { useCallback, useMemo, useState } from 'react';
import { LiveSamples } from '../stats/liveSamples.js';
import { useWatchStats } from '../stats/useWatchStats.js';
import { VirtualTable } from '../../ui/VirtualTable.js';
import type { ActionRequest } from './ActionDialog.js';
import type { ListItem } from './composeGroups.js';
import { ContainerRow } from './ContainerRow.js';
import { GroupRow } from './GroupRow.js';
import type { ContainerActions } from './useContainerActions.js';
import type { ContainerSelection } from './useContainerSelection.js';

const columns = ['Name', 'Image', 'State', 'CPU / Memory', 'Status', 'Ports', 'Created'] as const;
const columnsWithEngine = ['Name', 'Engine', 'Image', 'State', 'CPU / Memory', 'Status', 'Ports', 'Created'] as const;

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
  const [tickMs, setTickMs] = useState(60_000);
  const nowMs = useNow(tickMs);
  // Every second while a status line counts seconds ("Up 5 seconds"), else every minute.
  const wantedTickMs = items.some((item) => item.kind === 'container' && item.container.statusSince !== undefined && nowMs - item.container.statusSince < 60_000) ? 1_000 : 60_000;
  if (wantedTickMs !== tickMs) setTickMs(wantedTickMs);
  const samples = useRowStats(items);
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
      onVisibleRange={samples.onVisibleRange}
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
          <ContainerRow key={item.key} container={item.container} engine={engineOf(item.container.engineId)} isMember={item.isMember} nowMs={nowMs} samples={samples.live} {...shared} />
        );
      }}
    />
  );
}

/**
 * Live CPU and memory for the running containers in view: one `stats.watch` per engine for
 * exactly those rows, subscribed again (debounced) as the view scrolls or the list changes,
 * and none while the page is hidden.
 */
function useRowStats(items: readonly ListItem[]) {
  const [live] = useState(() => new LiveSamples());
  const [range, setRange] = useState<[number, number] | null>(null);
  const onVisibleRange = useCallback((first: number, last: number) => setRange([first, last]), []);
  const idsByEngine = useMemo(() => {
    const byEngine = new Map<string, string[]>();
    if (range === null) return byEngine;
    for (const item of items.slice(range[0], range[1] + 1)) {
      if (item.kind !== 'container' || item.container.state !== 'running') continue;
      const ids = byEngine.get(item.container.engineId) ?? [];
      ids.push(item.container.id);
      byEngine.set(item.container.engineId, ids);
    }
    return byEngine;
  }, [items, range]);
  useWatchStats(live, idsByEngine);
  return { live, onVisibleRange };
}
