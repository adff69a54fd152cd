/** The app's pages, in sidebar order. The hash (`#/containers`) names the current one. */
export const pages = [
  { id: 'containers', title: 'Containers' },
  { id: 'images', title: 'Images' },
  { id: 'volumes', title: 'Volumes' },
  { id: 'networks', title: 'Networks' },
  { id: 'registries', title: 'Registries' },
  { id: 'dashboard', title: 'Dashboard' },
] as const;

export type PageId = (typeof pages)[number]['id'];

export const defaultPage: PageId = 'containers';

export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split('/')[0];
  return pages.find((page) => page.id === id)?.id ?? defaultPage;
}

export function hrefOf(page: PageId): string {
  return `#/${page}`;
}
