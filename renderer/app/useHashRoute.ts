import { useSyncExternalStore } from 'react';
import { pageFromHash, type PageId } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The URL hash, kept current. Hash routing works from file:// (Electron) and over HTTP alike. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

/** The page named by the URL hash. */
export function useHashRoute(): PageId {
  return pageFromHash(useHash());
}
