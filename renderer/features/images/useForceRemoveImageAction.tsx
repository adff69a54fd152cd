import { useCallback, type ReactNode } from 'react';
import type { Notice } from '../../stores/uiSlice.js';
import type { ImageTarget } from './useRemoveImage.js';

/**
 * An image a stopped container uses (or an id with several tags) is the usual refusal: offer
 * the next step. The engine's message, shown above it, says which container and whether force
 * can help; a running container's image keeps refusing, and says so again.
 */
export function useForceRemoveImageAction(remove: (target: ImageTarget, options: { force: boolean }) => Promise<boolean>): (notice: Notice) => ReactNode {
  return useCallback(
    (notice: Notice) => {
      const subject = notice.subject;
      if (notice.code !== 'conflict' || notice.failedAction !== 'remove' || subject?.kind !== 'image') return null;
      return (
        <button type="button" className="button-danger" onClick={() => void remove({ engineId: subject.engineId, ref: subject.id, label: subject.name }, { force: true })}>
          Force remove
        </button>
      );
    },
    [remove],
  );
}
