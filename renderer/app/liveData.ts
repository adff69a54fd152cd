import { DisposableStore, toDisposable, type BerthClient, type Disposable, type EngineEntry } from '../../runtime/api/index.js';
import { reconnectDelayMs } from '../../runtime/api/backoff.js';
import type { BerthStore } from '../stores/store.js';
import { startEngineFeed } from './engineFeed.js';

/**
 * Keeps the store live for one client: subscribes to `engines.watch` first (the whole list
 * now, then again on every change), and keeps one engine feed (engineFeed.ts) per engine that
 * is not disconnected, each on its own events stream, so each engine's lists are fetched in
 * parallel with the others'. An engine that is disconnected or removed loses its feed and its
 * items; one that turns unreachable keeps both (its rows are greyed).
 */
export function startLiveData(client: BerthClient, store: BerthStore): Disposable {
  const disposables = new DisposableStore();
  /** Keyed by engine and whether it is the default: a stream is routed when it opens, so a new default needs a new stream. */
  const feeds = new Map<string, Disposable>();
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  disposables.add(toDisposable(() => clearTimeout(retryTimer)));
  disposables.add(
    toDisposable(() => {
      for (const feed of feeds.values()) feed.dispose();
      feeds.clear();
    }),
  );

  const reconcile = (entries: readonly EngineEntry[]) => {
    const wanted = new Map<string, string | undefined>();
    for (const entry of entries) {
      if (entry.state !== 'disconnected') wanted.set(`${entry.engineId}|${entry.isDefault ? 'default' : 'other'}`, entry.engineId);
    }
    // No engine was found at all: the default stream is still the one that can say so.
    if (!entries.some((entry) => entry.isDefault)) wanted.set('default', undefined);

    for (const [key, feed] of [...feeds]) {
      if (wanted.has(key)) continue;
      feed.dispose();
      feeds.delete(key);
    }
    const { containers, images, networks } = store.getState();
    const keep = new Set([...wanted.values()]);
    for (const engineId of new Set([...Object.keys(containers.byEngine), ...Object.keys(images.byEngine), ...Object.keys(networks.byEngine)])) {
      if (keep.has(engineId)) continue;
      containers.dropEngine(engineId);
      images.dropEngine(engineId);
      networks.dropEngine(engineId);
    }
    for (const [key, engineId] of wanted) {
      if (!feeds.has(key)) feeds.set(key, startEngineFeed(client, store, engineId));
    }
  };

  let subscription: Disposable | null = null;
  const subscribe = () => {
    retryTimer = undefined;
    if (disposables.isDisposed) return;
    subscription = client.subscribe(
      'engines.watch',
      {},
      {
        onEvent: (entries) => {
          attempt = 0;
          store.getState().engines.setEntries(entries);
          reconcile(entries);
        },
        onEnd: resubscribeLater,
        onError: resubscribeLater,
      },
    );
  };

  // The list stream ended while the client may still be alive: the feeds keep going on their
  // own streams meanwhile; the next list reconciles them.
  function resubscribeLater(): void {
    if (disposables.isDisposed) return;
    subscription = null;
    retryTimer = setTimeout(subscribe, reconnectDelayMs(attempt++));
  }

  subscribe();
  disposables.add(toDisposable(() => subscription?.dispose()));
  return disposables;
}
