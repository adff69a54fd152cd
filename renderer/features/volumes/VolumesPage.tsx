import '../../ui/table.css';
import './volumes.css';
import { useMemo, useState } from 'react';
import type { VolumeSummary } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { volumeHref } from '../../app/routes.js';
import { effectiveEngineFilter, useDefaultEngineId, useEngineTags } from '../../app/useEngineViews.js';
import { useListUnavailable, type IsListLoaded } from '../../app/useListUnavailable.js';
import { berthStore, useBerth } from '../../stores/store.js';
import { EngineFilter } from '../../ui/EngineFilter.js';
import { FilterBox } from '../../ui/FilterBox.js';
import { CreateVolumeDialog } from './CreateVolumeDialog.js';
import { NameDialog } from './NameDialog.js';
import { PruneVolumesDialog } from './PruneVolumesDialog.js';
import { RemoveVolumeDialog } from './RemoveVolumeDialog.js';
import { TransferStatusLine } from './TransferStatusLine.js';
import { ActionStatusLine, useVolumeActions } from './useVolumeActions.js';
import { loadVolumeSizes } from './useVolumesFeed.js';
import { useVolumeTransfers } from './useVolumeTransfers.js';
import { visibleVolumes } from './volumeRows.js';
import { VolumeTable } from './VolumeTable.js';

const isLoaded: IsListLoaded = (s, engineId) => s.volumes.byEngine[engineId]?.loaded === true;

type Open = 'create' | 'prune' | 'restore' | null;

/** `#/volumes`: every engine's volumes, live (volumes.watch), with their sizes arriving after the list. */
export function VolumesPage() {
  const unavailable = useListUnavailable(isLoaded, 'Loading volumes…');
  const filterText = useBerth((s) => s.volumes.filterText);
  const setFilterText = useBerth((s) => s.volumes.setFilterText);
  const setEngineFilter = useBerth((s) => s.volumes.setEngineFilter);
  const byEngine = useBerth((s) => s.volumes.byEngine);
  const engines = useEngineTags();
  const engineFilter = effectiveEngineFilter(useBerth((s) => s.volumes.engineFilter), engines);
  const defaultEngineId = useDefaultEngineId();
  const visible = useMemo(() => visibleVolumes(byEngine, engineFilter, filterText), [byEngine, engineFilter, filterText]);
  const sizesLoading = Object.entries(byEngine).some(([engineId, engine]) => (engineFilter === null || engineId === engineFilter) && engine.sizes.state === 'loading');
  const clientSource = useClientSource();
  const actions = useVolumeActions();
  const transfers = useVolumeTransfers();
  const [open, setOpen] = useState<Open>(null);
  const [removing, setRemoving] = useState<VolumeSummary | null>(null);
  const targetEngine = engineFilter ?? defaultEngineId;

  const refreshSizes = () => {
    for (const engineId of Object.keys(byEngine)) if (engineFilter === null || engineId === engineFilter) loadVolumeSizes(clientSource, berthStore, engineId);
  };

  return (
    <section className="page volumes-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Volumes</h1>
        <FilterBox label="Filter volumes" placeholder="Filter by name, driver, label or container" value={filterText} onChange={setFilterText} />
        {engines.isShown && <EngineFilter engines={engines.views} value={engineFilter} onChange={setEngineFilter} />}
        {unavailable === null && (
          <p className="count" aria-live="polite">
            {visible.rows.length === visible.total ? `${visible.total} ${visible.total === 1 ? 'volume' : 'volumes'}` : `${visible.rows.length} of ${visible.total} volumes`}
            {sizesLoading ? ' · loading sizes…' : ''}
          </p>
        )}
        <span className="page-header-end">
          <button type="button" disabled={unavailable !== null || sizesLoading} onClick={refreshSizes}>
            Refresh sizes
          </button>
          <button type="button" disabled={targetEngine === null} onClick={() => setOpen('prune')}>
            Prune…
          </button>
          <button type="button" disabled={targetEngine === null || transfers.status.kind === 'working'} onClick={() => setOpen('restore')}>
            Restore backup…
          </button>
          <button type="button" disabled={targetEngine === null} onClick={() => setOpen('create')}>
            Create volume…
          </button>
        </span>
      </header>
      <ActionStatusLine status={actions.status} onDismiss={() => actions.say({ kind: 'idle' })} />
      <TransferStatusLine status={transfers.status} onDismiss={transfers.dismiss} />
      {unavailable !== null ? (
        <p className="empty">{unavailable}</p>
      ) : visible.total === 0 ? (
        <p className="empty">No volumes</p>
      ) : visible.rows.length === 0 ? (
        <p className="empty">No volumes match</p>
      ) : (
        <VolumeTable rows={visible.rows} engines={engines} sizesOf={(engineId) => byEngine[engineId]?.sizes} onRemove={setRemoving} />
      )}
      {open === 'create' && targetEngine !== null && (
        <CreateVolumeDialog
          engineId={targetEngine}
          engines={engines}
          onCreated={(volume) => actions.say({ kind: 'done', text: `Created ${volume.name}.` })}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'prune' && targetEngine !== null && <PruneVolumesDialog engineId={targetEngine} engines={engines} onPrune={actions.prune} onClose={() => setOpen(null)} />}
      {open === 'restore' && targetEngine !== null && (
        <NameDialog
          title="Restore a backup"
          label="Into volume"
          confirmLabel="Restore"
          hint="A new name makes a new volume; an existing one must be empty unless you overwrite."
          {...(transfers.isDesktop ? {} : { fileLabel: 'Backup file' })}
          offerOverwrite
          onConfirm={(name, options) =>
            transfers.restore({ engineId: targetEngine, name }, options.overwrite, options.file, (result) => {
              if (result.created) window.location.hash = volumeHref(targetEngine, result.volume);
            })
          }
          onClose={() => setOpen(null)}
        />
      )}
      {removing !== null && <RemoveVolumeDialog volume={removing} onRemove={(volume) => actions.remove(volume)} onClose={() => setRemoving(null)} />}
    </section>
  );
}
