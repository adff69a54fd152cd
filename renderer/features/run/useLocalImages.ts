import { useMemo } from 'react';
import type { ImageSummary } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';

export type LocalImages = { state: 'loading' } | { state: 'ready'; images: ImageSummary[] };

/**
 * The engine's images from the store, which the events stream keeps current (see
 * renderer/app/liveData.ts): they feed the Image suggestions and the "already on the engine"
 * hint, and change while the form is open when an image is pulled or removed anywhere.
 */
export function useLocalImages(): LocalImages {
  const loaded = useBerth((s) => s.images.loaded);
  const byId = useBerth((s) => s.images.byId);
  return useMemo(() => (loaded ? { state: 'ready', images: Object.values(byId) } : { state: 'loading' }), [loaded, byId]);
}
