import { useCallback, useState } from 'react';
import type { MethodName, MethodParams, MethodResult } from '../../runtime/api/index.js';
import { useBerth } from '../stores/store.js';
import type { NoticeArea } from '../stores/uiSlice.js';
import { toBerthError } from '../transport/callError.js';
import { useClientSource } from './connectionContext.js';

export interface OutcomeCall {
  /** True while a call of this `busyKey` runs (from any page: the key is the store's). */
  isBusy: boolean;
  /** What the last call did, said once; null before one ends and while one runs. */
  outcome: string | null;
  /** Calls `method` on one engine; `describe` turns its result into the outcome. */
  run: <M extends MethodName>(method: M, params: MethodParams<M>, engineId: string, describe: (result: MethodResult<M>) => string) => void;
}

/**
 * One action's call (a prune) on one engine: the store's `busyKey` is set while it runs, what it
 * did is said once in `outcome`, and a refusal is a notice in `area`, "`failure`: the engine's
 * words".
 */
export function useOutcomeCall(busyKey: string, area: NoticeArea, failure: string): OutcomeCall {
  const clientSource = useClientSource();
  const isBusy = useBerth((s) => s.ui.busy[busyKey] === true);
  const setBusy = useBerth((s) => s.ui.setBusy);
  const pushNotice = useBerth((s) => s.ui.pushNotice);
  const [outcome, setOutcome] = useState<string | null>(null);

  const run = useCallback(
    <M extends MethodName>(method: M, params: MethodParams<M>, engineId: string, describe: (result: MethodResult<M>) => string) => {
      const fail = (error: unknown) => {
        const { code, message } = toBerthError(error);
        pushNotice({ area, code, message: `${failure}: ${message}` });
      };
      const client = clientSource();
      if (client === null) {
        fail(new Error('not connected to Berth.'));
        return;
      }
      setOutcome(null);
      setBusy(busyKey, true);
      client
        .call(method, params, { engine: engineId })
        .then((result) => setOutcome(describe(result)), fail)
        .finally(() => setBusy(busyKey, false));
    },
    [area, busyKey, clientSource, failure, pushNotice, setBusy],
  );

  return { isBusy, outcome, run };
}
