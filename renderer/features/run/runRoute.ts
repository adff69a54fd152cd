/**
 * The Run page's address: `#/run`, or `#/run?image=REF` to open it for one image (the Images
 * page and image links use `runHref`).
 */
export function runHref(image?: string): string {
  return image === undefined || image === '' ? '#/run' : `#/run?image=${encodeURIComponent(image)}`;
}

/** The image a `#/run?image=REF` hash asks for; empty when none. */
export function imageFromRunHash(hash: string): string {
  const query = hash.indexOf('?');
  if (query === -1) return '';
  return new URLSearchParams(hash.slice(query + 1)).get('image') ?? '';
}
