import '../../ui/table.css';
import './images.css';
import { useCallback, useState } from 'react';
import { NoticeList } from '../../ui/NoticeList.js';
import { runHref } from '../run/runRoute.js';
import { ImageArchiveActions } from './archive/ImageArchiveActions.js';
import { ImageTable } from './ImageTable.js';
import { PruneImagesButton } from './PruneImagesButton.js';
import { BuildPanel } from './build/BuildPanel.js';
import { RemoveImageDialog } from './RemoveImageDialog.js';
import { useForceRemoveImageAction } from './useForceRemoveImageAction.js';
import { useImageTransfers } from './useImageTransfers.js';
import { useRemoveImage, type ImageTarget } from './useRemoveImage.js';
import { useVisibleImages, type VisibleImages } from './useVisibleImages.js';
import { effectiveEngineFilter, useEngineTags } from '../../app/useEngineViews.js';
import { useListUnavailable, type IsListLoaded } from '../../app/useListUnavailable.js';
import { useBerth } from '../../stores/store.js';
import { EngineFilter } from '../../ui/EngineFilter.js';
import { FilterBox } from '../../ui/FilterBox.js';

const isLoaded: IsListLoaded = (s, engineId) => s.images.byEngine[engineId]?.loaded === true;

/** `#/images`: every engine's local images, live (each engine's events stream lists them again after each change). */
export function ImagesPage() {
  const unavailable = useListUnavailable(isLoaded, 'Loading images…');
  const filterText = useBerth((s) => s.images.filterText);
  const setFilterText = useBerth((s) => s.images.setFilterText);
  const setEngineFilter = useBerth((s) => s.images.setEngineFilter);
  const engines = useEngineTags();
  const engineFilter = effectiveEngineFilter(useBerth((s) => s.images.engineFilter), engines);
  const visible = useVisibleImages(engineFilter);
  const remove = useRemoveImage();
  const renderNoticeAction = useForceRemoveImageAction(remove);
  const [removing, setRemoving] = useState<{ target: ImageTarget; isTag: boolean } | null>(null);
  const requestRemove = useCallback((target: ImageTarget, isTag: boolean) => setRemoving({ target, isTag }), []);
  const [isBuildOpen, setBuildOpen] = useState(false);
  const transfers = useImageTransfers();

  return (
    <section className="page images-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Images</h1>
        <FilterBox label="Filter images" placeholder="Filter by name, tag or id" value={filterText} onChange={setFilterText} />
        {engines.isShown && <EngineFilter engines={engines.views} value={engineFilter} onChange={setEngineFilter} />}
        {unavailable === null && <ImageCount visible={visible} />}
        <span className="page-header-end">
          <PruneImagesButton engines={engines} engineFilter={engineFilter} />
          <button type="button" aria-expanded={isBuildOpen} onClick={() => setBuildOpen(true)}>
            Build…
          </button>
          {transfers.pullButton}
          {/* Save and load (archive/). */}
          <ImageArchiveActions rows={visible.rows} engines={engines} loadEngineId={engineFilter ?? undefined} />
          <a className="button-link" href={runHref()}>
            Run container
          </a>
        </span>
      </header>
      <NoticeList area="images" renderAction={renderNoticeAction} />
      {isBuildOpen && <BuildPanel onClose={() => setBuildOpen(false)} />}
      {unavailable !== null ? (
        <p className="empty">{unavailable}</p>
      ) : visible.total === 0 ? (
        <p className="empty">No images</p>
      ) : visible.rows.length === 0 ? (
        <p className="empty">No images match</p>
      ) : (
        <ImageTable rows={visible.rows} engines={engines} containerCounts={visible.containerCounts} onRemove={requestRemove} onTransfer={transfers.onTransfer} />
      )}
      {transfers.dialogs}
      {removing && (
        <RemoveImageDialog
          target={removing.target}
          isTag={removing.isTag}
          onRemove={(target, options) => void remove(target, options)}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}

function ImageCount({ visible }: { visible: VisibleImages }) {
  const noun = visible.total === 1 ? 'image' : 'images';
  const text = visible.isFiltered ? `${visible.rows.length} of ${visible.total} ${noun}` : `${visible.total} ${noun}`;
  return (
    <p className="count" aria-live="polite">
      {text}
    </p>
  );
}
