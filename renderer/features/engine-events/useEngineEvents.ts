import { useEffect, useState } from 'react';
import type { Disposable, EngineEventFilter, EngineEventRecord } from '../../../runtime/api/index.js';
import { keepSubscribed } from '../../transport/keepSubscribed.js';
import { useClientSource, type ClientSource } from '../../app/connectionContext.js';
import { EventsFeed } from './eventsFeed.js';

/**
 * The engine events of the given engines that match `filter`, newest first, live: one
 * `eventlog.watch` per engine (the backend filters, and starts each with what it kept), opened
 * again when the filter or the engines change, or after it ended (a reconnect). Closing the
 * page closes them.
 */
export function useEngineEvents(filter: EngineEventFilter, engineIds: readonly string[]): readonly EngineEventRecord[] {
  const clientSource = useClientSource();
  const filterKey = JSON.stringify(filter);
  const engineKey = [...engineIds].sort().join('\n');
  const key = `${engineKey}\n${filterKey}`;
  // The rows of the watches opened for `key`; those of an earlier filter are never shown under a new one.
  const [snapshot, setSnapshot] = useState<{ key: string; rows: readonly EngineEventRecord[] }>({ key: '', rows: none });

  useEffect(() => {
    const params = JSON.parse(filterKey) as EngineEventFilter;
    const feed = new EventsFeed();
    let frame: number | null = null;
    // A burst of batches from several engines redraws once per frame.
    const changed = () => {
      frame ??= requestAnimationFrame(() => {
        frame = null;
        setSnapshot({ key: `${engineKey}\n${filterKey}`, rows: feed.rows() });
      });
    };
    const watches = (engineKey === '' ? [] : engineKey.split('\n')).map((engineId) => watchEngine(clientSource, engineId, params, feed, changed));
    return () => {
      for (const watch of watches) watch.dispose();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [clientSource, engineKey, filterKey]);

  return snapshot.key === key ? snapshot.rows : none;
}

const none: readonly EngineEventRecord[] = [];

/** One engine's watch, subscribed again with backoff when it ends or fails while the page shows it. */
function watchEngine(clientSource: ClientSource, engineId: string, filter: EngineEventFilter, feed: EventsFeed, changed: () => void): Disposable {
  return keepSubscribed(
    clientSource,
    'eventlog.watch',
    filter,
    () => (batch) => {
      feed.apply(engineId, batch);
      changed();
    },
    { engine: engineId },
  );
}
