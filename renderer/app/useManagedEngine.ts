import { useCallback } from 'react';
import { useBerth } from '../stores/store.js';
import { toBerthError } from '../transport/callError.js';
import { useClientSource } from './connectionContext.js';

const busyKey = 'engine:managed';

/**
 * Starts or stops Berth's managed engine. The new status arrives on the events stream like any
 * other change, so the result is not written to the store here; only failures are.
 */
export function useManagedEngine(): { isBusy: boolean; setRunning: (running: boolean) => void } {
  const clientSource = useClientSource();
  const isBusy = useBerth((s) => s.ui.busy[busyKey] === true);
  const setBusy = useBerth((s) => s.ui.setBusy);
  const pushNotice = useBerth((s) => s.ui.pushNotice);

  const setRunning = useCallback(
    (running: boolean) => {
      const client = clientSource();
      const verb = running ? 'start' : 'stop';
      if (client === null) {
        pushNotice({ area: 'engine', code: 'engine_unreachable', message: `Could not ${verb} the managed engine: not connected to Berth.` });
        return;
      }
      setBusy(busyKey, true);
      void client
        .call(running ? 'engine.startManaged' : 'engine.stopManaged', {})
        .catch((error: unknown) => {
          const { code, message } = toBerthError(error);
          pushNotice({ area: 'engine', code, message: `Could not ${verb} the managed engine: ${message}` });
        })
        .finally(() => setBusy(busyKey, false));
    },
    [clientSource, pushNotice, setBusy],
  );

  return { isBusy, setRunning };
}
