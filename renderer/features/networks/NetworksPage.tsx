import '../../ui/table.css';
import './networks.css';
import { useCallback, useState } from 'react';
import { effectiveEngineFilter, useDefaultEngineId, useEngineTags } from '../../app/useEngineViews.js';
import { useListUnavailable, type IsListLoaded } from '../../app/useListUnavailable.js';
import { useBerth } from '../../stores/store.js';
import { EngineFilter } from '../../ui/EngineFilter.js';
import { FilterBox } from '../../ui/FilterBox.js';
import { NoticeList } from '../../ui/NoticeList.js';
import { CreateNetworkDialog } from './CreateNetworkDialog.js';
import { NetworkTable } from './NetworkTable.js';
import type { NetworkRow } from './networkRows.js';
import { PruneNetworksButton } from './PruneNetworksButton.js';
import { RemoveNetworkDialog } from './RemoveNetworkDialog.js';
import { useNetworksWanted, useVisibleNetworks } from './useNetworks.js';
import { useRemoveNetwork } from './useNetworkActions.js';

const isLoaded: IsListLoaded = (s, engineId) => s.networks.byEngine[engineId]?.loaded === true;

/**
 * `#/networks`: every engine's networks with the containers on each (addresses from the
 * engine's list of containers, which may land after the networks themselves), live from each
 * engine's events stream. Create, Remove and Prune go to the row's (or the chosen) engine.
 */
export function NetworksPage() {
  useNetworksWanted();
  const unavailable = useListUnavailable(isLoaded, 'Loading networks…');
  const filterText = useBerth((s) => s.networks.filterText);
  const setFilterText = useBerth((s) => s.networks.setFilterText);
  const setEngineFilter = useBerth((s) => s.networks.setEngineFilter);
  const engines = useEngineTags();
  const engineFilter = effectiveEngineFilter(useBerth((s) => s.networks.engineFilter), engines);
  const defaultEngineId = useDefaultEngineId();
  const visible = useVisibleNetworks(engineFilter);
  const remove = useRemoveNetwork();
  const [removing, setRemoving] = useState<NetworkRow | null>(null);
  const [isCreating, setCreating] = useState(false);
  const requestRemove = useCallback((row: NetworkRow) => setRemoving(row), []);
  // The row being removed, live: a container may join or leave it while the dialog is open.
  const removingRow = removing === null ? null : (visible.rows.find((row) => row.network.engineId === removing.network.engineId && row.network.id === removing.network.id) ?? removing);
  const createOn = engineFilter ?? defaultEngineId;
  const noun = visible.total === 1 ? 'network' : 'networks';

  return (
    <section className="page networks-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Networks</h1>
        <FilterBox label="Filter networks" placeholder="Filter by name, id, driver, subnet or container" value={filterText} onChange={setFilterText} />
        {engines.isShown && <EngineFilter engines={engines.views} value={engineFilter} onChange={setEngineFilter} />}
        {unavailable === null && (
          <p className="count" aria-live="polite">
            {visible.isFiltered ? `${visible.rows.length} of ${visible.total} ${noun}` : `${visible.total} ${noun}`}
          </p>
        )}
        <span className="page-header-end">
          <PruneNetworksButton engines={engines} engineFilter={engineFilter} />
          <button type="button" disabled={createOn === null} onClick={() => setCreating(true)}>
            Create network…
          </button>
        </span>
      </header>
      <NoticeList area="networks" />
      {unavailable !== null ? (
        <p className="empty">{unavailable}</p>
      ) : visible.rows.length === 0 ? (
        <p className="empty">{visible.total === 0 ? 'No networks' : 'No networks match'}</p>
      ) : (
        <NetworkTable rows={visible.rows} engines={engines} onRemove={requestRemove} />
      )}
      {isCreating && createOn !== null && <CreateNetworkDialog engineId={createOn} engines={engines} onClose={() => setCreating(false)} />}
      {removingRow && (
        <RemoveNetworkDialog
          target={{ engineId: removingRow.network.engineId, id: removingRow.network.id, name: removingRow.network.name }}
          containers={removingRow.containers}
          onRemove={(target) => void remove(target)}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
