import { useSyncExternalStore } from 'react';
import type { StatsBatch, StatsSample } from '../../../runtime/api/index.js';
import { itemKey } from '../../stores/itemKey.js';

/**
 * The latest sample of each watched container, keyed by engine and id, outside the app's store:
 * samples come twice a second for every row on screen, and only the row whose sample changed
 * draws again (each subscribes to its own key).
 */
export class LiveSamples {
  private readonly samples = new Map<string, StatsSample>();
  private readonly keyListeners = new Map<string, Set<() => void>>();
  private readonly anyListeners = new Set<() => void>();
  private changes = 0;

  get(key: string): StatsSample | undefined {
    return this.samples.get(key);
  }

  /** Every sample held, with its key. */
  entries(): IterableIterator<[string, StatsSample]> {
    return this.samples.entries();
  }

  /** Counts the batches taken: a snapshot for whoever reads them all. */
  get version(): number {
    return this.changes;
  }

  /** Takes one `stats.watch` message of one engine (whose ids are the containers' full ids). */
  apply(engineId: string, batch: StatsBatch): void {
    for (const { id, sample } of batch.samples) {
      const key = itemKey(engineId, id);
      this.samples.set(key, sample);
      for (const listener of this.keyListeners.get(key) ?? []) listener();
    }
    this.changes += 1;
    for (const listener of this.anyListeners) listener();
  }

  subscribeKey(key: string, listener: () => void): () => void {
    let listeners = this.keyListeners.get(key);
    if (!listeners) {
      listeners = new Set();
      this.keyListeners.set(key, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.keyListeners.delete(key);
    };
  }

  subscribeAll(listener: () => void): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }
}

/** One container's latest sample; the component draws again only when it changes. */
export function useLiveSample(samples: LiveSamples, key: string): StatsSample | undefined {
  return useSyncExternalStore(
    (listener) => samples.subscribeKey(key, listener),
    () => samples.get(key),
  );
}

/** The number of batches taken so far: changes whenever any sample does. */
export function useLiveSamplesVersion(samples: LiveSamples): number {
  return useSyncExternalStore(
    (listener) => samples.subscribeAll(listener),
    () => samples.version,
  );
}
