import { useCallback, useState } from 'react';
import { displayByteSize } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';

const busyKey = 'containers:prune';

/**
 * "Remove all stopped" (`docker container prune`). The removed rows leave the list through the
 * events stream; what the engine reports back is said once, in `outcome`.
 */
export function usePrune(): { isBusy: boolean; outcome: string | null; prune: () => void } {
  const clientSource = useClientSource();
  const isBusy = useBerth((s) => s.ui.busy[busyKey] === true);
  const setBusy = useBerth((s) => s.ui.setBusy);
  const pushNotice = useBerth((s) => s.ui.pushNotice);
  const [outcome, setOutcome] = useState<string | null>(null);

  const prune = useCallback(() => {
    const client = clientSource();
    const fail = (error: unknown) => {
      const { code, message } = toBerthError(error);
      pushNotice({ area: 'containers', code, message: `Could not remove stopped containers: ${message}` });
    };
    if (client === null) {
      fail(new Error('not connected to Berth.'));
      return;
    }
    setOutcome(null);
    setBusy(busyKey, true);
    void client
      .call('containers.prune', {})
      .then(({ removed, spaceReclaimedBytes }) => {
        const noun = removed.length === 1 ? 'container' : 'containers';
        setOutcome(`Removed ${removed.length} stopped ${noun}, reclaimed ${displayByteSize(spaceReclaimedBytes)}.`);
      }, fail)
      .finally(() => setBusy(busyKey, false));
  }, [clientSource, pushNotice, setBusy]);

  return { isBusy, outcome, prune };
}
