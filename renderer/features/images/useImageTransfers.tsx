import { useCallback, useState, type ReactNode } from 'react';
import { useClientSource } from '../../app/connectionContext.js';
import { useBerth } from '../../stores/store.js';
import type { TransferAction } from './ImageTableRow.js';
import { PullImageDialog } from './PullImageDialog.js';
import { TagImageDialog } from './TagImageDialog.js';
import type { ImageTarget } from './useRemoveImage.js';

/**
 * The Images page's Pull button, and the rows' Tag and Push: Pull and Tag open their dialogs,
 * Push starts a task at once (the status bar shows it). Kept out of ImagesPage so the page only
 * places what this returns.
 */
export function useImageTransfers(): { pullButton: ReactNode; dialogs: ReactNode; onTransfer: (action: TransferAction, target: ImageTarget) => void } {
  const clientSource = useClientSource();
  const startTask = useBerth((s) => s.tasks.start);
  const pushNotice = useBerth((s) => s.ui.pushNotice);
  const [isPulling, setPulling] = useState(false);
  const [tagging, setTagging] = useState<ImageTarget | null>(null);

  const onTransfer = useCallback(
    (action: TransferAction, target: ImageTarget) => {
      if (action === 'tag') {
        setTagging(target);
        return;
      }
      const client = clientSource();
      if (client === null) pushNotice({ area: 'images', message: `Could not push ${target.label}: not connected to Berth.` });
      else startTask(client, 'push', target.engineId, target.ref);
    },
    [clientSource, pushNotice, startTask],
  );

  return {
    pullButton: (
      <button type="button" onClick={() => setPulling(true)}>
        Pull
      </button>
    ),
    dialogs: (
      <>
        {isPulling && <PullImageDialog onClose={() => setPulling(false)} />}
        {tagging !== null && <TagImageDialog target={tagging} onClose={() => setTagging(null)} />}
      </>
    ),
    onTransfer,
  };
}
