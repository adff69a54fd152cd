import { useMemo } from 'react';
import type { ImageSummary } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';
import { imagesOf } from '../images/imageRows.js';

export type LocalImages = { state: 'loading' } | { state: 'ready'; images: ImageSummary[] };

/**
 * The run engine's images from the store, which its events stream keeps current (see
 * renderer/app/engineFeed.ts): they feed the Image suggestions and the "already on the engine"
 * hint, and change while the form is open when an image is pulled or removed anywhere. With no
 * engine known yet, whatever images the store holds.
 */
export function useLocalImages(engineId: string | undefined): LocalImages {
  const byEngine = useBerth((s) => s.images.byEngine);
  return useMemo(() => {
    const engines = engineId === undefined ? Object.values(byEngine) : [byEngine[engineId]].filter((engine) => engine !== undefined);
    if (!engines.some((engine) => engine.loaded)) return { state: 'loading' };
    return { state: 'ready', images: Object.values(imagesOf(byEngine, engineId ?? null)) };
  }, [byEngine, engineId]);
}
