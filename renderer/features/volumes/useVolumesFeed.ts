import { useEffect, useMemo, useRef } from 'react';
import type { Disposable } from '../../../runtime/api/index.js';
import { keepSubscribed } from '../../transport/keepSubscribed.js';
import { useClientSource, type ClientSource } from '../../app/connectionContext.js';
import { useEngineViews } from '../../app/useEngineViews.js';
import { berthStore, type BerthStore } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';

/**
 * Keeps every engine's volumes live in the store while a volumes page is open: one
 * `volumes.watch` per engine that is not disconnected (the whole list first, then one volume per
 * change; the engine's events drive it, nothing polls), and each engine's sizes asked for once
 * its list is in, never before (disk usage can take long), unless `withSizes` is false (the
 * Dashboard, which measures disk usage itself). Leaving the pages drops the streams
 * and what they wrote, so nothing stale is shown on the next visit.
 */
export function useVolumesFeed(store: BerthStore = berthStore, { withSizes = true }: { withSizes?: boolean } = {}): void {
  const clientSource = useClientSource();
  const views = useEngineViews();
  const engineKey = useMemo(
    () =>
      views
        .filter((view) => view.state !== 'disconnected')
        .map((view) => view.engineId)
        .sort()
        .join('\n'),
    [views],
  );
  const feeds = useRef(new Map<string, Disposable>());

  useEffect(() => {
    const wanted = new Set(engineKey === '' ? [] : engineKey.split('\n'));
    for (const [engineId, feed] of [...feeds.current]) {
      if (wanted.has(engineId)) continue;
      feed.dispose();
      feeds.current.delete(engineId);
      store.getState().volumes.dropEngine(engineId);
    }
    for (const engineId of wanted) {
      if (!feeds.current.has(engineId)) feeds.current.set(engineId, startVolumeFeed(clientSource, store, engineId, withSizes));
    }
  }, [engineKey, clientSource, store, withSizes]);

  useEffect(() => {
    const current = feeds.current;
    return () => {
      for (const [engineId, feed] of current) {
        feed.dispose();
        store.getState().volumes.dropEngine(engineId);
      }
      current.clear();
    };
  }, [store]);
}

/** Asks one engine for its sizes, filing the answer (or why not) under it. */
export function loadVolumeSizes(clientSource: ClientSource, store: BerthStore, engineId: string): void {
  const client = clientSource();
  if (client === null) return;
  store.getState().volumes.setSizesLoading(engineId);
  client.call('volumes.sizes', {}, { engine: engineId }).then(
    (sizes) => store.getState().volumes.setSizes(sizes),
    (error: unknown) => store.getState().volumes.setSizesFailed(engineId, toBerthError(error).message),
  );
}

/** One engine's watch, subscribed again with backoff when it ends or fails while wanted. */
function startVolumeFeed(clientSource: ClientSource, store: BerthStore, engineId: string, withSizes: boolean): Disposable {
  return keepSubscribed(
    clientSource,
    'volumes.watch',
    {},
    () => {
      // Each subscription starts with the whole list; sizes are asked for after the first list of each.
      let sizesAsked = !withSizes;
      return (event) => {
        if (event.type === 'list') {
          store.getState().volumes.replaceEngine(engineId, event.volumes);
          if (!sizesAsked) {
            sizesAsked = true;
            loadVolumeSizes(clientSource, store, engineId);
          }
        } else store.getState().volumes.applyChange(event);
      };
    },
    { engine: engineId },
  );
}
