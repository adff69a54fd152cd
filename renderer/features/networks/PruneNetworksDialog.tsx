import { useState } from 'react';
import { networkPruneFilterProblem } from '../../../runtime/api/index.js';
import { useFilteredPreview } from '../../app/useFilteredPreview.js';
import type { EngineTags } from '../../app/useEngineViews.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { EngineSelect } from '../../ui/EngineSelect.js';
import { FilterWordsField, PreviewPending } from '../../ui/FilterWordsField.js';

export interface PruneNetworksRequest {
  engineId: string;
  filters: string[];
  /** The ids the preview listed: only these may go. */
  only: string[];
}

interface PruneNetworksDialogProps {
  engineId: string;
  engines: EngineTags;
  onPrune: (request: PruneNetworksRequest) => void;
  onClose: () => void;
}

/**
 * **Prune…**: every network no running container uses (the engine's own networks aside),
 * optionally narrowed by `docker network prune --filter` words. The networks that would go are
 * listed first, with the stopped containers that would lose one; only those listed are removed.
 */
export function PruneNetworksDialog({ engineId: initialEngineId, engines, onPrune, onClose }: PruneNetworksDialogProps) {
  const [engineId, setEngineId] = useState(initialEngineId);
  const [filtersText, setFiltersText] = useState('');
  const { words, wordProblem: problem, isSettled, preview, error, isLoading } = useFilteredPreview('networks.prunePreview', engineId, filtersText, networkPruneFilterProblem, {});
  const connected = engines.views.filter((view) => view.state === 'connected');
  const count = preview?.networks.length ?? 0;
  const noun = count === 1 ? 'network' : 'networks';
  return (
    <ConfirmDialog
      title="Prune networks"
      confirmLabel={`Remove${preview === null ? '' : ` ${count} ${noun}`}`}
      confirmDisabled={preview === null || count === 0}
      onCancel={onClose}
      onConfirm={() => {
        if (preview === null) return;
        onClose();
        onPrune({ engineId, filters: words, only: preview.networks.map((network) => network.id) });
      }}
    >
      {engines.isShown && connected.length > 1 && <EngineSelect engineId={engineId} choices={connected} onChoose={setEngineId} />}
      <FilterWordsField value={filtersText} placeholder="label=team=web label!=keep until=24h" problem={problem} hint="As docker network prune --filter takes them, separated by spaces." onChange={setFiltersText} />
      <div aria-live="polite" className="prune-preview">
        {preview === null ? (
          <PreviewPending failure={error !== null && isSettled && !isLoading ? error : null} problem={problem} />
        ) : count === 0 ? (
          <p>Nothing to prune: every network is in use or the engine&apos;s own.</p>
        ) : (
          <>
            <p>
              {count} {noun} no running container uses would be removed:
            </p>
            <table className="kv-table prune-list" aria-label="Networks that would be removed">
              <thead>
                <tr>
                  <th scope="col">Network</th>
                  <th scope="col">Driver</th>
                  <th scope="col">Stopped containers that would lose it</th>
                </tr>
              </thead>
              <tbody>
                {preview.networks.map((network) => (
                  <tr key={network.id}>
                    <td className="mono">{network.name}</td>
                    <td>{network.driver}</td>
                    <td>{network.stoppedContainers.length === 0 ? '—' : network.stoppedContainers.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </ConfirmDialog>
  );
}
