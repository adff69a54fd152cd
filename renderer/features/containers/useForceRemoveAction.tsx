import { useCallback, type ReactNode } from 'react';
import type { Notice } from '../../stores/uiSlice.js';
import type { ContainerActions } from './useContainerActions.js';

/** Removing a running container without force is the usual conflict: offer the next step. */
export function useForceRemoveAction(actions: ContainerActions): (notice: Notice) => ReactNode {
  return useCallback(
    (notice: Notice) => {
      const subject = notice.subject;
      if (notice.code !== 'conflict' || notice.failedAction !== 'remove' || subject === undefined) return null;
      return (
        <button type="button" className="button-danger" onClick={() => void actions.remove(subject, { force: true })}>
          Force remove
        </button>
      );
    },
    [actions],
  );
}
