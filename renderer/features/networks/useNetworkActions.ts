import { useCallback } from 'react';
import { BerthError, type MethodName, type MethodParams } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { itemKey } from '../../stores/itemKey.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';

/** A network an action is about: its engine, its id and its name to speak of it. */
export interface NetworkTarget {
  engineId: string;
  id: string;
  name: string;
}

export function networkBusyKey(engineId: string, id: string): string {
  return `network:${itemKey(engineId, id)}`;
}

type NetworkMethod = Extract<MethodName, 'networks.connect' | 'networks.disconnect' | 'networks.create' | 'networks.remove'>;

/**
 * Calls one networks method on one engine; answers null when done, or the refusal (whose
 * `details.field` says which field it is about). Never throws: a dialog shows the refusal next
 * to its field, a row as a notice. What changed arrives through the events stream.
 */
export function useNetworkCall(): <M extends NetworkMethod>(method: M, params: MethodParams<M>, engineId: string) => Promise<BerthError | null> {
  const clientSource = useClientSource();
  return useCallback(
    async (method, params, engineId) => {
      const client = clientSource();
      if (client === null) return new BerthError('engine_unreachable', 'Not connected to Berth.');
      try {
        await client.call(method, params, { engine: engineId });
        return null;
      } catch (error) {
        return toBerthError(error);
      }
    },
    [clientSource],
  );
}

/** Remove for a row or the network's page: busy while it runs, a notice with the engine's or Berth's words when refused. */
export function useRemoveNetwork(): (target: NetworkTarget) => Promise<boolean> {
  const call = useNetworkCall();
  const setBusy = useBerth((s) => s.ui.setBusy);
  const pushNotice = useBerth((s) => s.ui.pushNotice);
  return useCallback(
    async (target) => {
      const key = networkBusyKey(target.engineId, target.id);
      setBusy(key, true);
      const refused = await call('networks.remove', { id: target.id }, target.engineId);
      setBusy(key, false);
      if (refused !== null) pushNotice({ area: 'networks', code: refused.code, message: `Could not remove ${target.name}: ${refused.message}` });
      return refused === null;
    },
    [call, pushNotice, setBusy],
  );
}

/** Disconnect, from either page: a notice with the words when refused. */
export function useDisconnect(): (request: { engineId: string; networkId: string; networkName: string; containerId: string; containerName: string }, force: boolean) => void {
  const call = useNetworkCall();
  const pushNotice = useBerth((s) => s.ui.pushNotice);
  return useCallback(
    (request, force) => {
      void call('networks.disconnect', { network: request.networkId, container: request.containerId, force }, request.engineId).then((refused) => {
        if (refused !== null) pushNotice({ area: 'networks', code: refused.code, message: `Could not disconnect ${request.containerName} from ${request.networkName}: ${refused.message}` });
      });
    },
    [call, pushNotice],
  );
}
