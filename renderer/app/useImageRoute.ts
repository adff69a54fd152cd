import { useSyncExternalStore } from 'react';
import { imageRouteFromHash, type ImageRoute } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The image whose details page the hash shows (`#/images/<engineId>/<id>`), or null. */
export function useImageRoute(): ImageRoute | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return imageRouteFromHash(hash);
}
