import { useBerth } from '../stores/store.js';

/**
 * Why a list page cannot show its list right now, or null when it can. A list from an engine
 * we are not connected to would be a guess, so the reason is shown instead.
 */
export function useListUnavailable(isLoaded: boolean, loadingText: string): string | null {
  const link = useBerth((s) => s.engine.link.state);
  const state = useBerth((s) => s.engine.status?.state ?? null);
  const reason = useBerth((s) => s.engine.status?.reason?.message ?? null);
  if (link === 'reconnecting') return 'Reconnecting to Berth…';
  if (link === 'connecting') return 'Connecting to Berth…';
  if (state === null || state === 'connecting') return 'Connecting to the engine…';
  if (state === 'unreachable') return `The engine is unreachable: ${reason ?? 'no reason given.'}`;
  if (!isLoaded) return loadingText;
  return null;
}
