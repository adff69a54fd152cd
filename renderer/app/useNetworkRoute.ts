import { useSyncExternalStore } from 'react';
import { networkRouteFromHash, type NetworkRoute } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The network whose page the hash shows (`#/networks/<engineId>/<id>`), or null. */
export function useNetworkRoute(): NetworkRoute | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return networkRouteFromHash(hash);
}
