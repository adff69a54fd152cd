import { useMemo } from 'react';
import { useBerth } from '../../stores/store.js';
import { containerCountsByImage, visibleImageRows, type ImageRow } from './imageRows.js';

export interface VisibleImages {
  rows: ImageRow[];
  /** Rows before filtering (tags, plus one per untagged image). */
  total: number;
  isFiltered: boolean;
  /** Containers using each image id. */
  containerCounts: ReadonlyMap<string, number>;
}

/** The filtered, sorted rows, recomputed only when the images, the containers or the filter change. */
export function useVisibleImages(): VisibleImages {
  const byId = useBerth((s) => s.images.byId);
  const filterText = useBerth((s) => s.images.filterText);
  const containers = useBerth((s) => s.containers.byId);
  const rows = useMemo(() => visibleImageRows(byId, filterText), [byId, filterText]);
  // One row per tag, or one for an untagged image (see rowsOfImage).
  const total = useMemo(() => Object.values(byId).reduce((sum, image) => sum + Math.max(1, image.repoTags.length), 0), [byId]);
  const containerCounts = useMemo(() => containerCountsByImage(containers), [containers]);
  return { rows, total, isFiltered: filterText.trim() !== '', containerCounts };
}
