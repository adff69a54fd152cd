/**
 * The Run page's address: `#/run`, `#/run?image=REF` to open it for one image, and
 * `&engine=ID` (or `?engine=ID`) to open it on one engine (the Images page uses `runHref`).
 */
export function runHref(image?: string, engineId?: string): string {
  const query: string[] = [];
  if (image !== undefined && image !== '') query.push(`image=${encodeURIComponent(image)}`);
  if (engineId !== undefined && engineId !== '') query.push(`engine=${encodeURIComponent(engineId)}`);
  return query.length === 0 ? '#/run' : `#/run?${query.join('&')}`;
}

function queryOf(hash: string): URLSearchParams {
  const start = hash.indexOf('?');
  return new URLSearchParams(start === -1 ? '' : hash.slice(start + 1));
}

/** The image a `#/run?image=REF` hash asks for; empty when none. */
export function imageFromRunHash(hash: string): string {
  return queryOf(hash).get('image') ?? '';
}

/** The engine a `#/run?engine=ID` hash asks for; null when none (the default engine). */
export function engineFromRunHash(hash: string): string | null {
  const engineId = queryOf(hash).get('engine');
  return engineId === null || engineId === '' ? null : engineId;
}
