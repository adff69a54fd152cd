import { useMemo, useState } from 'react';
import { displayByteSize, volumeFilterProblem, type VolumePrunePreview } from '../../../runtime/api/index.js';
import type { EngineTags } from '../../app/useEngineViews.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { EngineSelect } from '../../ui/EngineSelect.js';
import { Field } from '../../ui/Field.js';
import { useMethodResult } from '../container-details/useMethodResult.js';

export interface VolumePruneRequest {
  engineId: string;
  all: boolean;
  filters: string[];
  /** Exactly the volumes the preview listed: nothing else is removed. */
  names: string[];
}

interface PruneVolumesDialogProps {
  engineId: string;
  engines: EngineTags;
  onPrune: (request: VolumePruneRequest, preview: VolumePrunePreview) => void;
  onClose: () => void;
}

/**
 * **Prune…**: unused anonymous volumes, or every unused volume, optionally narrowed by label
 * filters; the volumes that would go and their sizes are listed before anything is removed, and
 * only those are removed.
 */
export function PruneVolumesDialog({ engineId: initialEngineId, engines, onPrune, onClose }: PruneVolumesDialogProps) {
  const [engineId, setEngineId] = useState(initialEngineId);
  const [all, setAll] = useState(false);
  const [filtersText, setFiltersText] = useState('');
  const words = useMemo(() => filtersText.split(/\s+/).filter((word) => word !== ''), [filtersText]);
  const problem = words.map((word) => volumeFilterProblem(word)).find((found) => found !== null) ?? null;
  const params = useMemo(() => (problem === null ? { all, filters: words } : null), [all, words, problem]);
  const { data, error, isLoading } = useMethodResult('volumes.prunePreview', params, { engineId });
  const preview = params === null || isLoading ? null : data;
  const connected = engines.views.filter((view) => view.state === 'connected');
  const count = preview?.volumes.length ?? 0;
  return (
    <ConfirmDialog
      title="Prune volumes"
      confirmLabel={count === 0 ? 'Prune' : `Remove ${count} ${count === 1 ? 'volume' : 'volumes'}`}
      confirmDisabled={preview === null || count === 0}
      onConfirm={() => {
        if (preview === null || params === null) return;
        onClose();
        onPrune({ engineId, all, filters: words, names: preview.volumes.map((volume) => volume.name) }, preview);
      }}
      onCancel={onClose}
    >
      {engines.isShown && <EngineSelect engineId={engineId} choices={connected} onChoose={setEngineId} />}
      <label className="check">
        <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />
        Named volumes too (every volume no container uses), not only anonymous ones
      </label>
      <Field label="Filters" error={problem === null ? null : `Filters: ${problem}`} hint="label=KEY[=VALUE] or label!=KEY[=VALUE], separated by spaces.">
        {(control) => <input {...control} value={filtersText} placeholder="label=team=web label!=keep" onChange={(event) => setFiltersText(event.target.value)} />}
      </Field>
      {error !== null && (
        <p role="alert" className="error-text">
          {error.message}
        </p>
      )}
      {preview === null ? (
        params !== null && error === null && <p role="status">Listing what would go…</p>
      ) : count === 0 ? (
        <p role="status">Nothing to prune: no unused volume matches.</p>
      ) : (
        <>
          <p role="status">
            These {count} {count === 1 ? 'volume goes' : 'volumes go'}, with every file in them
            {preview.spaceBytes === null ? '' : `, freeing ${displayByteSize(preview.spaceBytes)}`}:
          </p>
          <ul aria-label="Volumes to remove" className="prune-list">
            {preview.volumes.map((volume) => (
              <li key={volume.name}>
                {volume.name} ({volume.sizeBytes === null ? 'size unknown' : displayByteSize(volume.sizeBytes)})
              </li>
            ))}
          </ul>
        </>
      )}
    </ConfirmDialog>
  );
}
