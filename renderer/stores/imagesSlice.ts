import type { ImageSummary } from '../../runtime/api/index.js';
import type { SliceCreator } from './store.js';

/**
 * The engine's images. Unlike containers there are no per-item patches: every change (and every
 * reconnect) brings a whole fresh `images.list` (see runtime/services/image-watcher.ts for why),
 * so the one action that writes the list replaces it.
 */
export interface ImagesSlice {
  images: {
    /** Every image of the current engine, keyed by full id (`sha256:...`). */
    byId: Record<string, ImageSummary>;
    /** False until the first full list lands; the page says "Loading…" meanwhile. */
    loaded: boolean;
    /** What the user typed into "Filter images". */
    filterText: string;
    replaceAll: (list: readonly ImageSummary[]) => void;
    setFilterText: (text: string) => void;
  };
}

export const createImagesSlice: SliceCreator<ImagesSlice> = (set) => ({
  images: {
    byId: {},
    loaded: false,
    filterText: '',
    replaceAll: (list) =>
      set((s) => {
        const byId: Record<string, ImageSummary> = {};
        for (const image of list) byId[image.id] = image;
        return { images: { ...s.images, byId, loaded: true } };
      }),
    setFilterText: (filterText) => set((s) => ({ images: { ...s.images, filterText } })),
  },
});
