import type { ImageSummary } from '../../../../runtime/api/index.js';
import { couldBeImageIdPrefix, normalizeImageReference } from '../../../../runtime/api/image-reference.js';

/**
 * Is an image reference already on the engine? Decides whether the Run form pulls first (with
 * progress) or creates straight away. Docker lists `busybox:latest`; Podman lists
 * `docker.io/library/busybox:latest`; people type `busybox`. All three must match, so all are
 * compared in the full form the CLI resolves them to (runtime/api/image-reference.ts).
 */
export function isImagePresent(reference: string, images: readonly ImageSummary[]): boolean {
  const typed = reference.trim();
  const wanted = normalizeImageReference(typed);
  const idPrefix = couldBeImageIdPrefix(typed) ? typed.replace(/^sha256:/, '') : null;
  return images.some(
    (image) =>
      [...image.repoTags, ...image.repoDigests].some((tag) => {
        const normal = normalizeImageReference(tag);
        return normal !== null && normal === wanted;
      }) ||
      (idPrefix !== null && image.id.replace(/^sha256:/, '').startsWith(idPrefix)),
  );
}

/** Every tag on the engine, for the Image field's suggestions. `<none>` tags are not names. */
export function imageSuggestions(images: readonly ImageSummary[]): string[] {
  const tags = images.flatMap((image) => image.repoTags).filter((tag) => !tag.startsWith('<none>'));
  return [...new Set(tags)].sort((a, b) => a.localeCompare(b));
}
