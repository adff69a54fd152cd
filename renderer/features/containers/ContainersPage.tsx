import '../../ui/table.css';
import './containers.css';
import { useCallback, useMemo, useState } from 'react';
import { effectiveEngineFilter, useEngineTags, type EngineTags } from '../../app/useEngineViews.js';
import { useListUnavailable, type IsListLoaded } from '../../app/useListUnavailable.js';
import { isLive } from '../../stores/engineViews.js';
import { useBerth } from '../../stores/store.js';
import { EngineFilter } from '../../ui/EngineFilter.js';
import { FilterBox } from '../../ui/FilterBox.js';
import { NoticeList } from '../../ui/NoticeList.js';
import { ActionDialog, type ActionRequest } from './ActionDialog.js';
import { BulkToolbar } from './BulkToolbar.js';
import { listItems } from './composeGroups.js';
import { ContainerTable } from './ContainerTable.js';
import { PruneButton } from './PruneButton.js';
import { useContainerActions, type ContainerActions } from './useContainerActions.js';
import { useContainerSelection } from './useContainerSelection.js';
import { useForceRemoveAction } from './useForceRemoveAction.js';
import { useVisibleContainers, type VisibleContainers } from './useVisibleContainers.js';

const isLoaded: IsListLoaded = (s, engineId) => s.containers.byEngine[engineId]?.loaded === true;

/** `#/containers`: every engine's containers in one live list. */
export function ContainersPage() {
  const unavailable = useListUnavailable(isLoaded, 'Loading containers…');
  const filterText = useBerth((s) => s.containers.filterText);
  const setFilterText = useBerth((s) => s.containers.setFilterText);
  const setEngineFilter = useBerth((s) => s.containers.setEngineFilter);
  const engines = useEngineTags();
  const engineFilter = effectiveEngineFilter(useBerth((s) => s.containers.engineFilter), engines);
  const visible = useVisibleContainers(engineFilter);
  const actions = useContainerActions();
  const [request, setRequest] = useState<ActionRequest | null>(null);
  const renderNoticeAction = useForceRemoveAction(actions);

  return (
    <section className="page containers-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Containers</h1>
        <FilterBox label="Filter containers" placeholder="Filter by name, image, state, status or id" value={filterText} onChange={setFilterText} />
        {engines.isShown && <EngineFilter engines={engines.views} value={engineFilter} onChange={setEngineFilter} />}
        {unavailable === null && <ContainerCount visible={visible} />}
        <span className="page-header-end">
          {unavailable === null && <PruneButton engines={engines} engineFilter={engineFilter} />}
          <a className="button-link" href="#/run">
            Run container
          </a>
        </span>
      </header>
      <NoticeList area="containers" renderAction={renderNoticeAction} />
      {unavailable !== null ? <p className="empty">{unavailable}</p> : <ContainerList visible={visible} engines={engines} actions={actions} onRequest={setRequest} />}
      {request && <ActionDialog request={request} actions={actions} onClose={() => setRequest(null)} />}
    </section>
  );
}

function ContainerCount({ visible }: { visible: VisibleContainers }) {
  const noun = visible.total === 1 ? 'container' : 'containers';
  const text = visible.isFiltered ? `${visible.rows.length} of ${visible.total} ${noun}` : `${visible.total} ${noun}`;
  return (
    <p className="count" aria-live="polite">
      {text}
    </p>
  );
}

interface ContainerListProps {
  visible: VisibleContainers;
  engines: EngineTags;
  actions: ContainerActions;
  onRequest: (request: ActionRequest) => void;
}

function ContainerList({ visible, engines, actions, onRequest }: ContainerListProps) {
  const selection = useContainerSelection(visible.rows);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const items = useMemo(() => listItems(visible.rows, collapsed), [visible.rows, collapsed]);
  // Rows of an engine that is not connected stay ticked, but nothing is sent to it.
  const actionable = useMemo(() => selection.selected.filter((container) => isLive(engines.byId.get(container.engineId))), [selection.selected, engines]);
  const toggleCollapsed = useCallback(
    (projectKey: string) =>
      setCollapsed((old) => {
        const next = new Set(old);
        if (!next.delete(projectKey)) next.add(projectKey);
        return next;
      }),
    [],
  );
  if (visible.total === 0) return <p className="empty">No containers</p>;
  return (
    <>
      <BulkToolbar selected={actionable} actions={actions} onRequest={onRequest} onClear={selection.clear} />
      {visible.rows.length === 0 ? (
        <p className="empty">No containers match</p>
      ) : (
        <ContainerTable items={items} engines={engines} selection={selection} actions={actions} onRequest={onRequest} onToggleCollapsed={toggleCollapsed} />
      )}
    </>
  );
}
