import type { BerthEvent, Disposable, eventsContract } from '../api/index.js';
import type { HandlerSlice } from '../rpc/handlers.js';
import { DisposableStore } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import type { ContainerWatcher } from './container-watcher.js';
import type { ImageWatcher } from './image-watcher.js';
import type { NetworkWatcher } from './networks/network-watcher.js';

/** What the `events` stream reports besides the engine status, one watcher per kind of item. */
export interface EventSources {
  containers: ContainerWatcher;
  images: ImageWatcher;
  networks: NetworkWatcher;
}

/** The `events` stream: the current engine status first, then every status, container, image and network change. */
export function openEventsStream(engine: EngineConnection, sources: EventSources, emit: (event: BerthEvent) => void): Disposable {
  const store = new DisposableStore();
  emit({ type: 'engine', status: engine.status });
  store.add(engine.onStatus((status) => emit({ type: 'engine', status })));
  store.add(sources.containers.onChange((change) => emit(change)));
  store.add(sources.images.onChange((change) => emit(change)));
  store.add(sources.networks.onChange((change) => emit(change)));
  return store;
}

/** The events domain's handlers (`runtime/api/events.ts`). */
export function eventsHandlers(engine: EngineConnection, sources: EventSources): HandlerSlice<typeof eventsContract> {
  return {
    methods: {},
    streams: {
      events: (_params, sink) => openEventsStream(engine, sources, (event) => sink.emit(event)),
    },
  };
}
