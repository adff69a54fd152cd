import type { ImageSummary } from '../../../../runtime/api/index.js';

/**
 * Is an image reference already on the engine? Decides whether the Run form pulls first (with
 * progress) or creates straight away. Docker lists `busybox:latest`; Podman lists
 * `docker.io/library/busybox:latest`; people type `busybox`. All three must match.
 */

/** `busybox` -> `busybox:latest`; `docker.io/library/x:1` -> `x:1`; digests kept. */
export function normalizeReference(reference: string): string {
  let ref = reference.trim();
  const at = ref.indexOf('@');
  const name = at === -1 ? ref : ref.slice(0, at);
  // A tag is a `:` after the last `/`; a `:` before it is a registry port.
  const hasTag = name.lastIndexOf(':') > name.lastIndexOf('/');
  if (at === -1 && !hasTag) ref = `${ref}:latest`;
  return ref.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
}

/** An image id or its prefix, as `docker run` accepts them. */
function isIdLike(reference: string): boolean {
  return /^(sha256:)?[0-9a-f]{12,64}$/.test(reference);
}

export function isImagePresent(reference: string, images: readonly ImageSummary[]): boolean {
  const wanted = normalizeReference(reference);
  const bare = reference.trim().replace(/^sha256:/, '');
  return images.some(
    (image) =>
      [...image.repoTags, ...image.repoDigests].some((tag) => normalizeReference(tag) === wanted) ||
      (isIdLike(reference.trim()) && image.id.replace(/^sha256:/, '').startsWith(bare)),
  );
}

/** Every tag on the engine, for the Image field's suggestions. `<none>` tags are not names. */
export function imageSuggestions(images: readonly ImageSummary[]): string[] {
  const tags = images.flatMap((image) => image.repoTags).filter((tag) => !tag.startsWith('<none>'));
  return [...new Set(tags)].sort((a, b) => a.localeCompare(b));
}
