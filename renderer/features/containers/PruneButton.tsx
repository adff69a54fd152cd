import { useMemo, useState } from 'react';
import type { EngineTags } from '../../app/useEngineViews.js';
import { isLive } from '../../stores/engineViews.js';
import { useBerth } from '../../stores/store.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { containersOf } from './containerFilter.js';
import { isStopped } from './containerState.js';
import { usePrune } from './usePrune.js';

interface PruneButtonProps {
  engines: EngineTags;
  /** The engine the page shows, or null for all: prune follows it. */
  engineFilter: string | null;
}

/**
 * "Remove all stopped", with the count of what would go shown before the user confirms. It acts
 * on the connected engines shown (all, or the one the engine filter names); an engine that is
 * not connected keeps its stopped containers until it is.
 */
export function PruneButton({ engines, engineFilter }: PruneButtonProps) {
  const byEngine = useBerth((s) => s.containers.byEngine);
  // Every stopped container counts, filtered out by text or not: prune does not look at the text filter.
  const stopped = useMemo(
    () => Object.values(containersOf(byEngine, engineFilter)).filter((container) => isStopped(container) && isLive(engines.byId.get(container.engineId))),
    [byEngine, engineFilter, engines],
  );
  const targets = useMemo(() => {
    const ids = [...new Set(stopped.map((container) => container.engineId))];
    return ids.map((engineId) => ({ engineId, name: engines.byId.get(engineId)?.name ?? engineId }));
  }, [stopped, engines]);
  const { isBusy, outcome, prune } = usePrune();
  const [isAsking, setAsking] = useState(false);
  const noun = stopped.length === 1 ? 'container' : 'containers';
  const where = engines.isShown && targets.length > 0 ? ` on ${targets.map((target) => target.name).join(', ')}` : '';
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
          title={`Remove ${stopped.length} stopped ${noun}${where}?`}
          confirmLabel="Remove"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            prune(targets);
          }}
        >
          <p>Every container that is created, exited or dead is deleted (like docker container prune). Their anonymous volumes are kept.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
