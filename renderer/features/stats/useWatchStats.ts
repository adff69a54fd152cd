import { useEffect, useState } from 'react';
import { useClientSource } from '../../app/connectionContext.js';
import { useBerth } from '../../stores/store.js';
import { usePageVisible } from '../../ui/usePageVisible.js';
import type { LiveSamples } from './liveSamples.js';

/** Container ids per engine: what a view shows now. */
export type IdsByEngine = ReadonlyMap<string, readonly string[]>;

/** A rest after the last change of what is shown before subscribing again (scrolling changes it at every frame). */
export const watchDebounceMs = 250;

/**
 * Keeps one `stats.watch` subscription per engine for the containers a view shows, feeding
 * `samples`: subscribed again (debounced) when the set changes, and not at all while the page
 * is hidden (the backend keeps the history meanwhile; nothing crosses to a hidden page).
 */
export function useWatchStats(samples: LiveSamples, idsByEngine: IdsByEngine): void {
  const clientSource = useClientSource();
  const linkState = useBerth((s) => s.engine.link.state);
  const isVisible = usePageVisible();
  const wanted = signatureOf(idsByEngine);
  const [settled, setSettled] = useState(wanted);

  useEffect(() => {
    if (wanted === settled) return;
    const timer = setTimeout(() => setSettled(wanted), watchDebounceMs);
    return () => clearTimeout(timer);
  }, [wanted, settled]);

  useEffect(() => {
    const client = clientSource();
    if (client === null || !isVisible || settled === '') return;
    const subscriptions = (JSON.parse(settled) as [string, string[]][]).map(([engineId, ids]) =>
      client.subscribe('stats.watch', { ids }, { onEvent: (batch) => samples.apply(engineId, batch) }, { engine: engineId }),
    );
    return () => {
      for (const subscription of subscriptions) subscription.dispose();
    };
  }, [settled, isVisible, linkState, clientSource, samples]);
}

/** A stable text for a set of ids per engine (order does not matter); '' for none. */
function signatureOf(idsByEngine: IdsByEngine): string {
  const entries = [...idsByEngine]
    .filter(([, ids]) => ids.length > 0)
    .map(([engineId, ids]) => [engineId, [...ids].sort()] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? '' : JSON.stringify(entries);
}
