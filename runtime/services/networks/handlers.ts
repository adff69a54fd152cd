import type { networksContract } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import { announcesNetworkLifecycle } from '../../engine/dialect.js';
import type { HandlerSlice } from '../../rpc/handlers.js';
import { Lazy } from '../lazy.js';
import { NetworkStore } from './network-store.js';
import { NetworkWatcher } from './network-watcher.js';
import { NetworksService } from './networks-service.js';

/** The watcher behind the `events` stream's network changes (one per engine connection). */
export function networksWatcher(engine: EngineConnection): NetworkWatcher {
  const service = new NetworksService(engine);
  return new NetworkWatcher(engine, (networkIds, containerIds) => service.changes(networkIds, containerIds));
}

/** The connection's live network list (network-store.ts), made by its first `networks.list`. */
export function networkStoreOf(engine: EngineConnection): Lazy<NetworkStore> {
  const service = new NetworksService(engine);
  return new Lazy(
    () =>
      new NetworkStore(
        engine,
        { list: (signal) => service.list(signal), lookup: (networkId, signal) => service.summaryOrNull(networkId, signal) },
        () => engine.status.state === 'connected' && announcesNetworkLifecycle(engine.client.dialect),
      ),
  );
}

/**
 * The networks domain's handlers (`runtime/api/networks.ts`). `networks.list` answers from the
 * live store when it is in step with the engine, else asks the engine; Berth's own creates,
 * removes and prunes patch the store at once. Its own connects and disconnects tell `watcher`
 * (the engine announces none for a stopped container); they change no network's summary.
 */
export function networksHandlers(engine: EngineConnection, watcher: Pick<NetworkWatcher, 'touch'>, store: Lazy<NetworkStore>): HandlerSlice<typeof networksContract> {
  const networks = new NetworksService(engine, (containerId) => watcher.touch(containerId), {
    created: (network) => store.existing?.list.put(network, 'create'),
    removed: (networkId) => store.existing?.list.remove(networkId, 'destroy'),
    pruned: () => store.existing?.list.relist(),
  });
  return {
    methods: {
      'networks.list': async (_params, signal) => (await store.get()?.current(signal)) ?? (await networks.list(signal)),
      'networks.attachments': (_params, signal) => networks.attachments(signal),
      'networks.drivers': (_params, signal) => networks.drivers(signal),
      'networks.inspect': (params, signal) => networks.inspect(params.id, signal),
      'networks.create': (params, signal) => networks.create(params, signal),
      'networks.remove': (params, signal) => networks.remove(params.id, signal),
      'networks.prunePreview': (params, signal) => networks.prunePreview(params, signal),
      'networks.prune': (params, signal) => networks.prune(params, signal),
      'networks.connect': (params, signal) => networks.connect(params, signal),
      'networks.disconnect': (params, signal) => networks.disconnect(params, signal),
    },
    streams: {},
  };
}
