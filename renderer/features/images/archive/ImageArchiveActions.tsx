import './archive.css';
import { useRef, useState } from 'react';
import type { EngineTags } from '../../../app/useEngineViews.js';
import type { ImageRow } from '../imageRows.js';
import { ArchiveStatusLine } from './ArchiveStatusLine.js';
import { SaveImagesDialog } from './SaveImagesDialog.js';
import { useImageArchive } from './useImageArchive.js';

interface ImageArchiveActionsProps {
  /** The rows the page shows, to choose from. */
  rows: readonly ImageRow[];
  engines: EngineTags;
  /** The engine a load goes to: the one the page is filtered to, or the default (undefined). */
  loadEngineId: string | undefined;
}

/**
 * Save… and Load… on the Images page (`docker save` / `docker load`), with what they are doing
 * beside them. In the desktop app the backend's dialogs ask for the file; in a browser a save
 * downloads and a load uploads the file chosen here.
 */
export function ImageArchiveActions({ rows, engines, loadEngineId }: ImageArchiveActionsProps) {
  const archive = useImageArchive();
  const [isChoosing, setChoosing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const isWorking = archive.status.kind === 'working';

  return (
    <span className="image-archive">
      <button type="button" disabled={isWorking || rows.length === 0} onClick={() => setChoosing(true)}>
        Save…
      </button>
      <button type="button" disabled={isWorking} onClick={() => (archive.isDesktop ? archive.load(null, loadEngineId) : fileInput.current?.click())}>
        Load…
      </button>
      {!archive.isDesktop && (
        <input
          ref={fileInput}
          type="file"
          accept=".tar,application/x-tar"
          aria-label="Image archive to load"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0] ?? null;
            event.target.value = ''; // the same file chosen again loads again
            if (file !== null) archive.load(file, loadEngineId);
          }}
        />
      )}
      <ArchiveStatusLine status={archive.status} onDismiss={archive.dismiss} />
      {isChoosing && (
        <SaveImagesDialog rows={rows} engines={engines} confirmLabel={archive.isDesktop ? 'Save' : 'Download'} onSave={archive.save} onClose={() => setChoosing(false)} />
      )}
    </span>
  );
}
