import { useMemo, useState } from 'react';
import { useBerth } from '../../stores/store.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { isStopped } from './containerState.js';
import { usePrune } from './usePrune.js';

/** "Remove all stopped", with the count of what would go shown before the user confirms. */
export function PruneButton() {
  const byId = useBerth((s) => s.containers.byId);
  // Every stopped container counts, filtered out or not: prune does not look at the filter.
  const stopped = useMemo(() => Object.values(byId).filter(isStopped), [byId]);
  const { isBusy, outcome, prune } = usePrune();
  const [isAsking, setAsking] = useState(false);
  const noun = stopped.length === 1 ? 'container' : 'containers';
  return (
    <>
      <button type="button" disabled={isBusy || stopped.length === 0} onClick={() => setAsking(true)}>
        Remove all stopped
      </button>
      <span role="status" className="count">
        {outcome}
      </span>
      {isAsking && (
        <ConfirmDialog
          title={`Remove ${stopped.length} stopped ${noun}?`}
          confirmLabel="Remove"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            prune();
          }}
        >
          <p>Every container that is created, exited or dead is deleted (like docker container prune). Their anonymous volumes are kept.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
