import { useCallback, useState } from 'react';
import { displayByteSize, type VolumeSummary } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { toBerthError } from '../../transport/callError.js';
import type { VolumePruneRequest } from './PruneVolumesDialog.js';

/** The last remove, prune or create on a volumes page, said next to its controls. */
export type ActionStatus = { kind: 'idle' } | { kind: 'done' | 'error'; text: string };

/** Remove and prune, each said in a line next to the controls (the list itself follows by the watch). */
export function useVolumeActions(): {
  status: ActionStatus;
  remove: (volume: VolumeSummary, onRemoved?: () => void) => void;
  prune: (request: VolumePruneRequest) => void;
  say: (status: ActionStatus) => void;
} {
  const clientSource = useClientSource();
  const [status, setStatus] = useState<ActionStatus>({ kind: 'idle' });

  const remove = useCallback(
    (volume: VolumeSummary, onRemoved?: () => void) => {
      const client = clientSource();
      if (client === null) return setStatus({ kind: 'error', text: `Could not remove ${volume.name}: not connected to Berth.` });
      client.call('volumes.remove', { name: volume.name }, { engine: volume.engineId }).then(
        () => {
          setStatus({ kind: 'done', text: `Removed ${volume.name}.` });
          onRemoved?.();
        },
        (error: unknown) => setStatus({ kind: 'error', text: `Could not remove ${volume.name}: ${toBerthError(error).message}` }),
      );
    },
    [clientSource],
  );

  const prune = useCallback(
    (request: VolumePruneRequest) => {
      const client = clientSource();
      if (client === null) return setStatus({ kind: 'error', text: 'Could not prune: not connected to Berth.' });
      client.call('volumes.prune', { all: request.all, filters: request.filters, names: request.names }, { engine: request.engineId }).then(
        (result) => {
          const removed = `Removed ${result.removed.length} ${result.removed.length === 1 ? 'volume' : 'volumes'}, freeing ${displayByteSize(result.spaceReclaimedBytes)}.`;
          const skipped = result.skipped.map((item) => ` Kept ${item.name}: ${item.reason}`).join('');
          setStatus({ kind: result.skipped.length > 0 ? 'error' : 'done', text: `${removed}${skipped}` });
        },
        (error: unknown) => setStatus({ kind: 'error', text: `Could not prune: ${toBerthError(error).message}` }),
      );
    },
    [clientSource],
  );

  return { status, remove, prune, say: setStatus };
}

/** The line saying how the last action went. */
export function ActionStatusLine({ status, onDismiss }: { status: ActionStatus; onDismiss: () => void }) {
  if (status.kind === 'idle') return null;
  return (
    <p className={status.kind === 'error' ? 'error-text' : undefined} role={status.kind === 'error' ? 'alert' : 'status'} aria-label="Volume action">
      {status.text}{' '}
      <button type="button" className="button-quiet" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </p>
  );
}
