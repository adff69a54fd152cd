/**
 * The Run page's address: `#/run`, `#/run?image=REF` to open it for one image, and
 * `&engine=ID` (or `?engine=ID`) to open it on one engine (the Images page uses `runHref`);
 * `volume=NAME` opens it with that named volume mounted (a volume's page uses it).
 */
export function runHref(image?: string, engineId?: string, volume?: string): string {
  const query: string[] = [];
  if (image !== undefined && image !== '') query.push(`image=${encodeURIComponent(image)}`);
  if (engineId !== undefined && engineId !== '') query.push(`engine=${encodeURIComponent(engineId)}`);
  if (volume !== undefined && volume !== '') query.push(`volume=${encodeURIComponent(volume)}`);
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

/** The named volume a `#/run?volume=NAME` hash asks to mount; null when none. */
export function volumeFromRunHash(hash: string): string | null {
  const volume = queryOf(hash).get('volume');
  return volume === null || volume === '' ? null : volume;
}
