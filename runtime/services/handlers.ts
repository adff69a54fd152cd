import { DisposableStore } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import type { ServiceHandlers } from '../rpc/handlers.js';
import { ContainersService } from './containers.js';
import { ContainerWatcher } from './container-watcher.js';
import { openEventsStream } from './events.js';

/** Binds every contract method and stream to its service. One instance per engine connection. */
export function createServiceHandlers(engine: EngineConnection): { handlers: ServiceHandlers; dispose(): void } {
  const store = new DisposableStore();
  const containers = new ContainersService(engine);
  const watcher = store.add(new ContainerWatcher(engine, (containerId) => containers.summary(containerId)));

  const handlers: ServiceHandlers = {
    methods: {
      'engine.info': () => Promise.resolve(engine.status),
      'engine.startManaged': () => engine.startManaged(),
      'engine.stopManaged': () => engine.stopManaged(),
      'containers.list': (params, signal) => containers.list(params, signal),
      'containers.start': (params, signal) => containers.start(params, signal),
      'containers.stop': (params, signal) => containers.stop(params, signal),
      'containers.remove': (params, signal) => containers.remove(params, signal),
    },
    streams: {
      events: (_params, sink) => openEventsStream(engine, watcher, (event) => sink.emit(event)),
    },
  };
  return { handlers, dispose: () => store.dispose() };
}
