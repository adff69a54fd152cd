import type { ContainerSummary, ImageSummary } from '../../../runtime/api/index.js';
import type { EngineImages } from '../../stores/imagesSlice.js';
import { itemKey } from '../../stores/itemKey.js';

/**
 * The Images page shows what `docker images` shows: one row per tag, so an image with three
 * tags is three rows, and an untagged image is one `<none>` row named by its short id.
 */
export interface ImageRow {
  /** Stable across lists of its engine: the tag, or the image id for an untagged image (`itemKey` with the engine across engines). */
  key: string;
  /** What Run and Remove act on: the tag, or the full image id for an untagged image. */
  ref: string;
  /** `repo:tag`, or `<none>` for an untagged image. */
  tag: string;
  /** How controls and dialogs speak of the row: the tag, or `image 0123456789ab` when untagged. */
  label: string;
  /** The first 12 hex digits of the id, as the docker CLI prints it. */
  shortId: string;
  image: ImageSummary;
}

export function shortImageId(imageId: string): string {
  return imageId.replace(/^sha256:/, '').slice(0, 12);
}

export function rowsOfImage(image: ImageSummary): ImageRow[] {
  const shortId = shortImageId(image.id);
  if (image.repoTags.length === 0) return [{ key: image.id, ref: image.id, tag: '<none>', label: `image ${shortId}`, shortId, image }];
  return image.repoTags.map((tag) => ({ key: tag, ref: tag, tag, label: tag, shortId, image }));
}

/**
 * Whether a row matches what the user typed: a case-insensitive part of its tag, or the start
 * of its id (ids are only ever typed from the start, with or without `sha256:`).
 */
export function matchesImageFilter(row: ImageRow, filterText: string): boolean {
  const query = filterText.trim().toLowerCase();
  if (query === '') return true;
  return row.tag.toLowerCase().includes(query) || shortImageId(row.image.id).startsWith(query.replace(/^sha256:/, ''));
}

/**
 * The rows to show: filtered, newest image first, tag, id then engine breaking ties so order is
 * stable. Keys are whatever the caller keyed by; only the values count.
 */
export function visibleImageRows(images: Readonly<Record<string, ImageSummary>>, filterText: string): ImageRow[] {
  return Object.values(images)
    .flatMap(rowsOfImage)
    .filter((row) => matchesImageFilter(row, filterText))
    .sort(
      (a, b) =>
        b.image.created - a.image.created || a.tag.localeCompare(b.tag) || a.image.id.localeCompare(b.image.id) || a.image.engineId.localeCompare(b.image.engineId),
    );
}

/** Every engine's images in one map keyed by `itemKey`, or one engine's when `engineId` is given. */
export function imagesOf(byEngine: Readonly<Record<string, EngineImages>>, engineId: string | null): Record<string, ImageSummary> {
  const all: Record<string, ImageSummary> = {};
  for (const [id, engine] of Object.entries(byEngine)) {
    if (engineId !== null && id !== engineId) continue;
    for (const image of Object.values(engine.byId)) all[itemKey(id, image.id)] = image;
  }
  return all;
}

/**
 * How many containers (running or not) use each image id, for the containers of one engine (an
 * image is used only by its own engine's containers). Known for free from the live container
 * list, so the engine is never asked (its own count needs a slow disk-usage query).
 */
export function containerCountsByImage(containers: Readonly<Record<string, ContainerSummary>>): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const container of Object.values(containers)) counts.set(container.imageId, (counts.get(container.imageId) ?? 0) + 1);
  return counts;
}
