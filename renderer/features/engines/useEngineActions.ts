import { useCallback, useMemo } from 'react';
import type { BerthClient, EngineEntry } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';

/** The engine an action is about: its id to call with, its name to speak of it. */
export type EngineRef = Pick<EngineEntry, 'engineId' | 'name'>;

/**
 * What can be done to an engine from its row. Each resolves true when the backend did it, false
 * when it refused (the reason is then a notice); none rejects. The new state reaches the page
 * through `engines.watch`, not from here.
 */
export interface EngineActions {
  connect: (engine: EngineRef) => Promise<boolean>;
  disconnect: (engine: EngineRef) => Promise<boolean>;
  makeDefault: (engine: EngineRef) => Promise<boolean>;
  rename: (engine: EngineRef, name: string) => Promise<boolean>;
  recolor: (engine: EngineRef, color: string) => Promise<boolean>;
  remove: (engine: EngineRef) => Promise<boolean>;
}

export function engineBusyKey(engineId: string): string {
  return `engine:${engineId}`;
}

/** The row's buttons are disabled while an action on that engine runs; failures are notices naming the engine. */
export function useEngineActions(): EngineActions {
  const clientSource = useClientSource();
  const setBusy = useBerth((s) => s.ui.setBusy);
  const pushNotice = useBerth((s) => s.ui.pushNotice);

  const run = useCallback(
    async (engine: EngineRef, what: string, invoke: (client: BerthClient) => Promise<unknown>): Promise<boolean> => {
      const fail = (error: unknown) => {
        const { code, message } = toBerthError(error);
        pushNotice({ area: 'engines', code, message: `Could not ${what}: ${message}` });
        return false;
      };
      const client = clientSource();
      if (client === null) return fail(new Error('not connected to Berth.'));
      const key = engineBusyKey(engine.engineId);
      setBusy(key, true);
      try {
        await invoke(client);
        return true;
      } catch (error) {
        return fail(error);
      } finally {
        setBusy(key, false);
      }
    },
    [clientSource, pushNotice, setBusy],
  );

  return useMemo(
    () => ({
      connect: (e) => run(e, `connect ${e.name}`, (client) => client.call('engines.connect', { engine: e.engineId })),
      disconnect: (e) => run(e, `disconnect ${e.name}`, (client) => client.call('engines.disconnect', { engine: e.engineId })),
      makeDefault: (e) => run(e, `make ${e.name} the default`, (client) => client.call('engines.setDefault', { engine: e.engineId })),
      rename: (e, name) => run(e, `rename ${e.name}`, (client) => client.call('engines.update', { engine: e.engineId, name })),
      recolor: (e, color) => run(e, `change the colour of ${e.name}`, (client) => client.call('engines.update', { engine: e.engineId, color })),
      remove: (e) => run(e, `remove ${e.name}`, (client) => client.call('engines.remove', { engine: e.engineId })),
    }),
    [run],
  );
}
