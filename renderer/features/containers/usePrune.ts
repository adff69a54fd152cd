import { useCallback, useState } from 'react';
import { displayByteSize, type PruneResult } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';

const busyKey = 'containers:prune';

/**
 * "Remove all stopped" (`docker container prune`) on each of the given engines, in parallel. The
 * removed rows leave the list through the events streams; what the engines report back is said
 * once, in `outcome`, and an engine's refusal is its own notice.
 */
export function usePrune(): { isBusy: boolean; outcome: string | null; prune: (engines: readonly { engineId: string; name: string }[]) => void } {
  const clientSource = useClientSource();
  const isBusy = useBerth((s) => s.ui.busy[busyKey] === true);
  const setBusy = useBerth((s) => s.ui.setBusy);
  const pushNotice = useBerth((s) => s.ui.pushNotice);
  const [outcome, setOutcome] = useState<string | null>(null);

  const prune = useCallback(
    (engines: readonly { engineId: string; name: string }[]) => {
      const client = clientSource();
      const fail = (error: unknown, on: string) => {
        const { code, message } = toBerthError(error);
        pushNotice({ area: 'containers', code, message: `Could not remove stopped containers${on}: ${message}` });
        return null;
      };
      if (client === null) {
        fail(new Error('not connected to Berth.'), '');
        return;
      }
      setOutcome(null);
      setBusy(busyKey, true);
      const on = (name: string) => (engines.length > 1 ? ` on ${name}` : '');
      void Promise.all(
        engines.map(({ engineId, name }) =>
          client.call('containers.prune', {}, { engine: engineId }).then(
            (result): PruneResult => result,
            (error: unknown) => fail(error, on(name)),
          ),
        ),
      )
        .then((results) => {
          const done = results.filter((result): result is PruneResult => result !== null);
          if (done.length === 0) return;
          const removed = done.reduce((sum, result) => sum + result.removed.length, 0);
          const reclaimed = done.reduce((sum, result) => sum + result.spaceReclaimedBytes, 0);
          setOutcome(`Removed ${removed} stopped ${removed === 1 ? 'container' : 'containers'}, reclaimed ${displayByteSize(reclaimed)}.`);
        })
        .finally(() => setBusy(busyKey, false));
    },
    [clientSource, pushNotice, setBusy],
  );

  return { isBusy, outcome, prune };
}
