import type { networksContract } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { HandlerSlice } from '../../rpc/handlers.js';
import { NetworkWatcher } from './network-watcher.js';
import { NetworksService } from './networks-service.js';

/** The watcher behind the `events` stream's network changes (one per engine connection). */
export function networksWatcher(engine: EngineConnection): NetworkWatcher {
  const service = new NetworksService(engine);
  return new NetworkWatcher(engine, (networkIds, containerIds) => service.changes(networkIds, containerIds));
}

/** The networks domain's handlers (`runtime/api/networks.ts`); Berth's own connects and disconnects tell `watcher`. */
export function networksHandlers(engine: EngineConnection, watcher: Pick<NetworkWatcher, 'touch'>): HandlerSlice<typeof networksContract> {
  const networks = new NetworksService(engine, (containerId) => watcher.touch(containerId));
  return {
    methods: {
      'networks.list': (_params, signal) => networks.list(signal),
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
