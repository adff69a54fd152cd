import { useBerth } from '../../stores/store.js';

/**
 * Why the image list cannot be shown right now, or null when it can. A list from an engine we
 * are not connected to would be a guess, so the reason is shown instead.
 */
export function useImagesUnavailable(): string | null {
  const link = useBerth((s) => s.engine.link.state);
  const state = useBerth((s) => s.engine.status?.state ?? null);
  const reason = useBerth((s) => s.engine.status?.reason?.message ?? null);
  const loaded = useBerth((s) => s.images.loaded);
  if (link === 'reconnecting') return 'Reconnecting to Berth…';
  if (link === 'connecting') return 'Connecting to Berth…';
  if (state === null || state === 'connecting') return 'Connecting to the engine…';
  if (state === 'unreachable') return `The engine is unreachable: ${reason ?? 'no reason given.'}`;
  if (!loaded) return 'Loading images…';
  return null;
}
