import type { Disposable, VolumesWatchEvent } from '../../api/index.js';
import type { VolumeStore } from './volume-store.js';

/**
 * One `volumes.watch` subscription, a view of the connection's VolumeStore: the whole list when
 * it starts (as soon as the store has it) and after each list again (a reconnect, a burst of more
 * than 64 volumes), then one fresh summary per changed volume (`volume: null` when it is gone).
 * No engine work of its own: many watches cost one set of lookups.
 */
export function watchVolumes(
  store: Pick<VolumeStore, 'subscribe'>,
  engineId: () => string,
  emit: (event: VolumesWatchEvent) => void,
  fail: (error: unknown) => void,
): Disposable {
  return store.subscribe({
    onListed: (volumes) => emit({ type: 'list', engineId: engineId(), volumes: [...volumes] }),
    onChanged: (name, action, volume) => emit({ type: 'volume', engineId: engineId(), name, action, volume }),
    onFailed: fail,
  });
}
