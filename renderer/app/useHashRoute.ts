import { useSyncExternalStore } from 'react';
import { pageFromHash, type PageId } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The page named by the URL hash. Hash routing works from file:// (Electron) and over HTTP alike. */
export function useHashRoute(): PageId {
  return useSyncExternalStore(subscribe, () => pageFromHash(window.location.hash));
}
