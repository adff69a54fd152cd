/** The app's pages, in sidebar order. The hash (`#/containers`) names the current one. */
export const pages = [
  { id: 'containers', title: 'Containers' },
  { id: 'images', title: 'Images' },
  { id: 'volumes', title: 'Volumes' },
  { id: 'networks', title: 'Networks' },
  { id: 'registries', title: 'Registries' },
  { id: 'dashboard', title: 'Dashboard' },
] as const;

/** Pages reached by links rather than the sidebar: `#/run` (optionally `#/run?image=REF`). */
export const linkedPages = [{ id: 'run', title: 'Run a container' }] as const;

export type PageId = (typeof pages)[number]['id'] | (typeof linkedPages)[number]['id'];

export const defaultPage: PageId = 'containers';

export function pageFromHash(hash: string): PageId {
  // A page may carry a query after its id (`#/run?image=busybox`).
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return [...pages, ...linkedPages].find((page) => page.id === id)?.id ?? defaultPage;
}

export function hrefOf(page: PageId): string {
  return `#/${page}`;
}

/**
 * `#/containers/<id>`: one container's details page. The id is the engine's full id. A tab may
 * follow (`#/containers/<id>/terminal`) to open the page on it.
 */
export function containerHref(containerId: string, tab?: string): string {
  return `#/containers/${encodeURIComponent(containerId)}${tab === undefined ? '' : `/${tab}`}`;
}

/** The tab a `#/containers/<id>/<tab>` hash asks for, or null. */
export function containerTabFromHash(hash: string): string | null {
  const [page, id, tab] = hash.replace(/^#\/?/, '').split('/');
  return page === 'containers' && id && tab ? tab : null;
}

/** The container a `#/containers/<id>` hash names, or null on any other page. */
export function containerIdFromHash(hash: string): string | null {
  const [page, id] = hash.replace(/^#\/?/, '').split('/');
  if (page !== 'containers' || id === undefined || id === '') return null;
  try {
    return decodeURIComponent(id);
  } catch {
    return null; // A malformed escape in a hand-typed URL: show the list.
  }
}
