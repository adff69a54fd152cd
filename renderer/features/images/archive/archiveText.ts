import { displayByteSize } from '../../../../runtime/api/byte-size.js';
import type { ImageLoadResult } from '../../../../runtime/api/image-archive.js';

/** "Saving 12 MB of about 40 MB" (a save's total is the images' sizes: an estimate). */
export function saveProgressText(bytes: number, estimateBytes: number | null): string {
  const done = displayByteSize(bytes);
  return estimateBytes === null || estimateBytes === 0 ? `Saving ${done}` : `Saving ${done} of about ${displayByteSize(estimateBytes)}`;
}

/** "Loading 3 MB of 10 MB" (a load's total is the file's size: exact). */
export function loadProgressText(bytes: number, totalBytes: number | null): string {
  const done = displayByteSize(bytes);
  return totalBytes === null ? `Loading ${done}` : `Loading ${done} of ${displayByteSize(totalBytes)}`;
}

/**
 * The value a progress bar shows: the bytes, capped at the total (a save's estimate may be
 * exceeded by the archive's tar headers); null while the total is unknown (an indeterminate bar).
 */
export function progressValue(bytes: number, totalBytes: number | null): { value: number; max: number } | null {
  if (totalBytes === null || totalBytes <= 0) return null;
  return { value: Math.min(bytes, totalBytes), max: totalBytes };
}

/** "Loaded app:1 and busybox:latest", with the image ids the engine named, short, after them. */
export function loadedText(result: ImageLoadResult): string {
  const ids = result.ids.map((id) => id.replace(/^sha256:/, '').slice(0, 12));
  const parts: string[] = [];
  if (result.references.length > 0) parts.push(listText(result.references));
  if (ids.length > 0) parts.push(`${ids.length === 1 ? 'image' : 'images'} ${ids.join(', ')}`);
  return parts.length === 0 ? 'The archive held no images.' : `Loaded ${parts.join('; ')}`;
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
