import { useMemo } from 'react';
import { useBerth } from '../../stores/store.js';
import { containerCountsByImage, imagesOf, visibleImageRows, type ImageRow } from './imageRows.js';

export interface VisibleImages {
  rows: ImageRow[];
  /** Rows before filtering (tags, plus one per untagged image) of the engines shown. */
  total: number;
  isFiltered: boolean;
  /** Containers using each image id, by engine id. */
  containerCounts: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** The filtered, sorted rows of every engine (or of `engineFilter`), recomputed only when the images, the containers or a filter change. */
export function useVisibleImages(engineFilter: string | null): VisibleImages {
  const byEngine = useBerth((s) => s.images.byEngine);
  const filterText = useBerth((s) => s.images.filterText);
  const containers = useBerth((s) => s.containers.byEngine);
  const shown = useMemo(() => imagesOf(byEngine, engineFilter), [byEngine, engineFilter]);
  const rows = useMemo(() => visibleImageRows(shown, filterText), [shown, filterText]);
  // One row per tag, or one for an untagged image (see rowsOfImage).
  const total = useMemo(() => Object.values(shown).reduce((sum, image) => sum + Math.max(1, image.repoTags.length), 0), [shown]);
  const containerCounts = useMemo(
    () => new Map(Object.entries(containers).map(([engineId, engine]) => [engineId, containerCountsByImage(engine.byId)])),
    [containers],
  );
  return { rows, total, isFiltered: filterText.trim() !== '', containerCounts };
}
