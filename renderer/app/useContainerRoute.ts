import { useSyncExternalStore } from 'react';
import { containerIdFromHash } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The container whose details page the hash shows (`#/containers/<id>`), or null. */
export function useContainerRoute(): string | null {
  return useSyncExternalStore(subscribe, () => containerIdFromHash(window.location.hash));
}
