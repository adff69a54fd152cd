import type { BerthEvent, Disposable } from '../api/index.js';
import { DisposableStore } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import type { ContainerWatcher } from './container-watcher.js';

/** The `events` stream: the current engine status first, then every status change and container change. */
export function openEventsStream(engine: EngineConnection, containers: ContainerWatcher, emit: (event: BerthEvent) => void): Disposable {
  const store = new DisposableStore();
  emit({ type: 'engine', status: engine.status });
  store.add(engine.onStatus((status) => emit({ type: 'engine', status })));
  store.add(containers.onChange((change) => emit(change)));
  return store;
}
