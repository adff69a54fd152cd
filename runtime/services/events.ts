import type { BerthEvent, Disposable } from '../api/index.js';
import { DisposableStore } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import type { ContainerWatcher } from './container-watcher.js';
import type { ImageWatcher } from './image-watcher.js';

/** What the `events` stream reports besides the engine status, one watcher per kind of item. */
export interface EventSources {
  containers: ContainerWatcher;
  images: ImageWatcher;
}

/** The `events` stream: the current engine status first, then every status, container and image change. */
export function openEventsStream(engine: EngineConnection, sources: EventSources, emit: (event: BerthEvent) => void): Disposable {
  const store = new DisposableStore();
  emit({ type: 'engine', status: engine.status });
  store.add(engine.onStatus((status) => emit({ type: 'engine', status })));
  store.add(sources.containers.onChange((change) => emit(change)));
  store.add(sources.images.onChange((change) => emit(change)));
  return store;
}
