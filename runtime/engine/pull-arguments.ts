import type { ImageReference } from '../api/image-reference.js';

/**
 * What the engine's pull endpoint (`POST /images/create`) wants for a reference: `fromImage`
 * and `tag`. A digest goes in `tag`; without a tag the engine would pull EVERY tag of the
 * repository, so an absent tag is sent as `latest`, as `docker pull` does.
 */
export function pullArguments(reference: ImageReference): { fromImage: string; tag: string } {
  const fromImage = reference.domain === undefined ? reference.path : `${reference.domain}/${reference.path}`;
  return { fromImage, tag: reference.digest ?? reference.tag ?? 'latest' };
}
