import { useState } from 'react';
import { displayByteSize, pruneFilterProblem, type ImagePrunePreview } from '../../../runtime/api/index.js';
import type { EngineTags } from '../../app/useEngineViews.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { fullDate, relativeTime } from '../../ui/relativeTime.js';
import { useNow } from '../../ui/useNow.js';
import { useFilteredPreview } from '../../app/useFilteredPreview.js';
import { shortImageId } from './imageRows.js';
import type { PruneRequest } from './usePruneImages.js';
import { EngineSelect } from '../../ui/EngineSelect.js';
import { FilterWordsField, PreviewPending } from '../../ui/FilterWordsField.js';

interface PruneImagesDialogProps {
  /** The engine to prune; several engines known: the user may pick another connected one. */
  engineId: string;
  engines: EngineTags;
  onPrune: (request: PruneRequest, preview: ImagePrunePreview) => void;
  onClose: () => void;
}

/**
 * **Prune…**: dangling images only, or every image no container uses, optionally narrowed by
 * `docker image prune --filter` words; the images that would go and the space they free are
 * listed before anything is deleted. The preview is the engine's own decision worked out
 * beforehand (runtime/services/images/prune-plan.ts), so the list is what goes.
 */
export function PruneImagesDialog({ engineId: initialEngineId, engines, onPrune, onClose }: PruneImagesDialogProps) {
  const [all, setAll] = useState(false);
  const [engineId, setEngineId] = useState(initialEngineId);
  const [filtersText, setFiltersText] = useState('');
  const { words, wordProblem: problem, isSettled, preview, error, isLoading } = useFilteredPreview('images.prunePreview', engineId, filtersText, pruneFilterProblem, { all });
  const nowMs = useNow(60_000);
  const connected = engines.views.filter((view) => view.state === 'connected');
  const count = preview?.images.length ?? 0;
  const noun = count === 1 ? 'image' : 'images';
  const untagOnly = preview?.untaggedOnly ?? [];
  return (
    <ConfirmDialog
      title="Prune images"
      confirmLabel={preview === null || count > 0 || untagOnly.length === 0 ? `Delete${preview === null ? '' : ` ${count} ${noun}`}` : 'Remove the tags'}
      confirmDisabled={preview === null || (count === 0 && untagOnly.length === 0)}
      onCancel={onClose}
      onConfirm={() => {
        if (preview === null) return;
        onClose();
        onPrune({ engineId, all, filters: words }, preview);
      }}
    >
      {engines.isShown && connected.length > 1 && (
        <EngineSelect engineId={engineId} choices={connected} onChoose={setEngineId} />
      )}
      <fieldset className="prune-choice">
        <legend>Which images</legend>
        <label className="check">
          <input type="radio" name="prune-all" checked={!all} onChange={() => setAll(false)} />
          Dangling images only (untagged, used by no container)
        </label>
        <label className="check">
          <input type="radio" name="prune-all" checked={all} onChange={() => setAll(true)} />
          All unused images (tagged too, used by no container)
        </label>
      </fieldset>
      <FilterWordsField value={filtersText} placeholder="label=team=web label!=keep until=24h" problem={problem} hint="As docker image prune --filter takes them, separated by spaces." onChange={setFiltersText} />
      <div aria-live="polite" className="prune-preview">
        {preview === null ? (
          <PreviewPending failure={error !== null && isSettled && !isLoading ? error : null} problem={problem} />
        ) : count === 0 ? (
          <>
            <p>{untagOnly.length === 0 ? 'Nothing to prune: no image matches.' : 'No image would be deleted.'}</p>
            <UntagOnly kept={untagOnly} />
          </>
        ) : (
          <>
            <p>
              {count} {noun} would be deleted, freeing about <strong>{displayByteSize(preview.spaceBytes)}</strong>
              {preview.intermediateIds.length > 0 && ` (with ${preview.intermediateIds.length} intermediate build ${preview.intermediateIds.length === 1 ? 'image' : 'images'})`}.
              Layers that images kept still use are not counted, so the space is less than the sizes added up.
            </p>
            <table className="kv-table prune-list" aria-label="Images that would be deleted">
              <thead>
                <tr>
                  <th scope="col">Image</th>
                  <th scope="col">Size</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {preview.images.map((image) => (
                  <tr key={image.id}>
                    <td className="mono">{image.repoTags.length > 0 ? image.repoTags.join(', ') : `<none> ${shortImageId(image.id)}`}</td>
                    <td title={`${image.sizeBytes} bytes`}>{displayByteSize(image.sizeBytes)}</td>
                    <td title={fullDate(image.created)}>{relativeTime(image.created, nowMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <UntagOnly kept={untagOnly} />
          </>
        )}
      </div>
    </ConfirmDialog>
  );
}

/** What the engine untags without deleting: it removes all tags but one of an image a container uses. */
function UntagOnly({ kept }: { kept: ImagePrunePreview['untaggedOnly'] }) {
  if (kept.length === 0) return null;
  return (
    <div className="prune-untag">
      <p>These tags would be removed, though their images stay (a container uses them, or kept images are built on them):</p>
      <ul aria-label="Tags that would be removed">
        {kept.map((image) => (
          <li key={image.id} className="mono">
            {image.references.join(', ')} <span className="muted">(image {shortImageId(image.id)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
