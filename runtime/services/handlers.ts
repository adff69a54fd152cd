import { BerthError, DisposableStore } from '../api/index.js';
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
      // Being built in this change (issue 4); each answers honestly until then.
      'containers.restart': notBuilt('containers.restart'),
      'containers.kill': notBuilt('containers.kill'),
      'containers.pause': notBuilt('containers.pause'),
      'containers.unpause': notBuilt('containers.unpause'),
      'containers.rename': notBuilt('containers.rename'),
      'containers.prune': notBuilt('containers.prune'),
      'containers.inspect': notBuilt('containers.inspect'),
      'containers.top': notBuilt('containers.top'),
      'containers.diff': notBuilt('containers.diff'),
      'containers.update': notBuilt('containers.update'),
      'containers.create': notBuilt('containers.create'),
      'containers.validateRun': notBuilt('containers.validateRun'),
      'containers.parseRunCommand': notBuilt('containers.parseRunCommand'),
      'containers.runCommand': notBuilt('containers.runCommand'),
      'containers.recreate': notBuilt('containers.recreate'),
      'images.list': notBuilt('images.list'),
    },
    streams: {
      events: (_params, sink) => openEventsStream(engine, watcher, (event) => sink.emit(event)),
      'containers.stats': notBuilt('containers.stats'),
      'images.pull': notBuilt('images.pull'),
    },
  };
  return { handlers, dispose: () => store.dispose() };
}

function notBuilt(name: string): () => Promise<never> {
  return () => Promise.reject(new BerthError('internal', `${name} is not built yet in this version.`));
}
