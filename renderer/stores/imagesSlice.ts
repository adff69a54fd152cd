import type { ImageSummary } from '../../runtime/api/index.js';
import type { SliceCreator } from './store.js';

/** One engine's images. */
export interface EngineImages {
  /** Keyed by full id (`sha256:...`); unique only within this engine. */
  byId: Record<string, ImageSummary>;
  /** False until this engine's first full list lands. */
  loaded: boolean;
}

/**
 * Every engine's images. Unlike containers there are no per-item patches: every change (and
 * every reconnect) of an engine brings a whole fresh `images.list` of that engine (see
 * runtime/services/image-watcher.ts for why), so the one action that writes a list replaces it.
 */
export interface ImagesSlice {
  images: {
    byEngine: Record<string, EngineImages>;
    /** What the user typed into "Filter images". */
    filterText: string;
    /** The engine the page shows, or null for every engine. */
    engineFilter: string | null;
    /** One engine's fresh list; the other engines' images stay as they are. */
    replaceEngine: (engineId: string, list: readonly ImageSummary[]) => void;
    /** Forgets an engine's images (the engine was disconnected or removed). */
    dropEngine: (engineId: string) => void;
    setFilterText: (text: string) => void;
    setEngineFilter: (engineId: string | null) => void;
  };
}

export const createImagesSlice: SliceCreator<ImagesSlice> = (set) => ({
  images: {
    byEngine: {},
    filterText: '',
    engineFilter: null,
    replaceEngine: (engineId, list) =>
      set((s) => {
        const byId: Record<string, ImageSummary> = {};
        for (const image of list) byId[image.id] = image;
        return { images: { ...s.images, byEngine: { ...s.images.byEngine, [engineId]: { byId, loaded: true } } } };
      }),
    dropEngine: (engineId) =>
      set((s) => {
        if (!(engineId in s.images.byEngine)) return s;
        const byEngine = { ...s.images.byEngine };
        delete byEngine[engineId];
        return { images: { ...s.images, byEngine } };
      }),
    setFilterText: (filterText) => set((s) => ({ images: { ...s.images, filterText } })),
    setEngineFilter: (engineFilter) => set((s) => ({ images: { ...s.images, engineFilter } })),
  },
});
