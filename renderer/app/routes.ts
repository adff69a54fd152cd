/** The app's pages, in sidebar order. The hash (`#/containers`) names the current one. */
export const pages = [
  { id: 'dashboard', title: 'Dashboard' },
  { id: 'containers', title: 'Containers' },
  { id: 'images', title: 'Images' },
  { id: 'logs', title: 'Logs' },
  { id: 'volumes', title: 'Volumes' },
  { id: 'networks', title: 'Networks' },
  { id: 'registries', title: 'Registries' },
  { id: 'engines', title: 'Engines' },
  { id: 'events', title: 'Events' },
  { id: 'settings', title: 'Settings' },
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

/** The tabs of a container's page, as the address names them (`#/containers/<engine>/<id>/terminal`). */
export const containerTabs = ['overview', 'logs', 'inspect', 'processes', 'filesystem', 'resources', 'stats', 'terminal'] as const;
export type ContainerTab = (typeof containerTabs)[number];

function isContainerTab(text: string | undefined): text is ContainerTab {
  return (containerTabs as readonly (string | undefined)[]).includes(text);
}

/**
 * One container's details page: `#/containers/<engineId>/<id>`, optionally on a tab
 * (`#/containers/<engineId>/<id>/terminal`). A container id is unique only within its engine,
 * so the address names both; the id is the engine's full id.
 */
export function containerHref(engineId: string, containerId: string, tab?: ContainerTab): string {
  return `#/containers/${encodeURIComponent(engineId)}/${encodeURIComponent(containerId)}${tab === undefined ? '' : `/${tab}`}`;
}

/** The old form, `#/containers/<id>[/tab]`: a container of the default engine, resolved when the page opens. */
export function containerHrefOnDefault(containerId: string, tab?: ContainerTab): string {
  return `#/containers/${encodeURIComponent(containerId)}${tab === undefined ? '' : `/${tab}`}`;
}

/**
 * What a container page's address names. `engineId` is null for an address from before there
 * were several engines (`#/containers/<id>[/tab]`), which the app resolves to an engine.
 */
export interface ContainerRoute {
  engineId: string | null;
  containerId: string;
  tab: ContainerTab | null;
}

/** The container page a hash names, or null on any other page (or a malformed address: the list is shown). */
export function containerRouteFromHash(hash: string): ContainerRoute | null {
  const [page, ...rest] = hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? [];
  if (page !== 'containers' || rest.length === 0 || rest.some((part) => part === '')) return null;
  try {
    const parts = rest.map((part) => decodeURIComponent(part));
    const [first = '', second, third] = parts;
    // The old form: an id alone, or an id and a tab.
    if (parts.length === 1) return { engineId: null, containerId: first, tab: null };
    if (parts.length === 2 && isContainerTab(second)) return { engineId: null, containerId: first, tab: second };
    if (second === undefined || parts.length > 3) return null;
    return { engineId: first, containerId: second, tab: isContainerTab(third) ? third : null };
  } catch {
    return null; // A malformed escape in a hand-typed URL: show the list.
  }
}

/**
 * One image's details page: `#/images/<engineId>/<imageId>`. The id is the engine's full image
 * id (`sha256:...`): a tag can move to another image while the page is open, the id cannot.
 */
export function imageHref(engineId: string, imageId: string): string {
  return `#/images/${encodeURIComponent(engineId)}/${encodeURIComponent(imageId)}`;
}

export interface ImageRoute {
  engineId: string;
  imageId: string;
}

/** The image page a hash names, or null on any other page (or a malformed address: the list is shown). */
export function imageRouteFromHash(hash: string): ImageRoute | null {
  const [page, ...rest] = hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? [];
  if (page !== 'images' || rest.length !== 2 || rest.some((part) => part === '')) return null;
  try {
    const [engineId = '', imageId = ''] = rest.map((part) => decodeURIComponent(part));
    return { engineId, imageId };
  } catch {
    return null;
  }
}

/**
 * The Registries page's place: `#/registries` (the list), `#/registries/<registry>` (its
 * catalog), `.../<repository>` (its tags) and `.../<repository>/<reference>` (a manifest). Each
 * part is escaped whole, so a repository's `/` stays inside its part.
 */
export interface RegistryRoute {
  registry: string;
  repository: string | null;
  reference: string | null;
}

export function registryHref(registry: string, repository?: string | null, reference?: string | null): string {
  const parts = [registry, ...(repository ? [repository] : []), ...(repository && reference ? [reference] : [])];
  return `#/registries/${parts.map((part) => encodeURIComponent(part)).join('/')}`;
}

/** The registry browser a hash names, or null on the list (or on a malformed address). */
export function registryRouteFromHash(hash: string): RegistryRoute | null {
  const [page, ...rest] = hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? [];
  if (page !== 'registries' || rest.length === 0 || rest.length > 3 || rest.some((part) => part === '')) return null;
  try {
    const [registry = '', repository = null, reference = null] = rest.map((part) => decodeURIComponent(part));
    return { registry, repository, reference };
  } catch {
    return null;
  }
}

/**
 * One volume's page: `#/volumes/<engineId>/<name>`, optionally on a folder of its files
 * (`?path=/logs`). A volume name is unique only within its engine, so the address names both.
 */
export function volumeHref(engineId: string, name: string, path?: string): string {
  const base = `#/volumes/${encodeURIComponent(engineId)}/${encodeURIComponent(name)}`;
  return path === undefined || path === '/' ? base : `${base}?path=${encodeURIComponent(path)}`;
}

export interface VolumeRoute {
  engineId: string;
  name: string;
  /** The folder shown, from the volume's root (`/` when the address names none). */
  path: string;
}

/** The volume page a hash names, or null on any other page (or a malformed address: the list is shown). */
export function volumeRouteFromHash(hash: string): VolumeRoute | null {
  const [address = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page, ...rest] = address.split('/');
  if (page !== 'volumes' || rest.length !== 2 || rest.some((part) => part === '')) return null;
  try {
    const [engineId = '', name = ''] = rest.map((part) => decodeURIComponent(part));
    const path = new URLSearchParams(query).get('path');
    return { engineId, name, path: path === null || path === '' ? '/' : path };
  } catch {
    return null;
  }
}

/** One network's page: `#/networks/<engineId>/<networkId>` (the full id: a name can be taken again by another network). */
export function networkHref(engineId: string, networkId: string): string {
  return `#/networks/${encodeURIComponent(engineId)}/${encodeURIComponent(networkId)}`;
}

export interface NetworkRoute {
  engineId: string;
  networkId: string;
}

/** The network page a hash names, or null on any other page (or a malformed address: the list is shown). */
export function networkRouteFromHash(hash: string): NetworkRoute | null {
  const [page, ...rest] = hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? [];
  if (page !== 'networks' || rest.length !== 2 || rest.some((part) => part === '')) return null;
  try {
    const [engineId = '', networkId = ''] = rest.map((part) => decodeURIComponent(part));
    return { engineId, networkId };
  } catch {
    return null;
  }
}
