import type { CatalogPage as ClientCatalogPage } from '../../registry/index.js';

/**
 * A filtered catalog page. Registries cannot filter their catalog, so names are read page by
 * page and matched here; a page of results is done when it holds `wanted` matches, when the
 * catalog ends, or after `maxPages` pages of the registry's: typing a filter never reads a whole
 * big catalog at once (the next call continues where this one stopped).
 */

export interface FilteredPage {
  items: string[];
  /** Where to continue (the registry's own cursor); null at the catalog's end. */
  next: string | null;
  /** Names looked at for this page. */
  scanned: number;
  /** Set when the registry does not offer its catalog. */
  unavailable?: string;
}

export interface FilterScan {
  filter: string;
  wanted: number;
  /** Registry pages read at most per call. */
  maxPages: number;
  /** Names asked for per registry page. */
  pageSize: number;
}

export async function scanCatalog(readPage: (cursor: string | null, pageSize: number) => Promise<ClientCatalogPage>, start: string | null, scan: FilterScan): Promise<FilteredPage> {
  const needle = scan.filter.toLowerCase();
  const items: string[] = [];
  let cursor = start;
  let scanned = 0;
  for (let pages = 0; pages < scan.maxPages; pages++) {
    const page = await readPage(cursor, scan.pageSize);
    if (page.kind === 'unavailable') return { items, next: null, scanned, unavailable: page.message };
    scanned += page.repositories.length;
    for (const name of page.repositories) if (name.toLowerCase().includes(needle)) items.push(name);
    cursor = page.next;
    if (cursor === null || items.length >= scan.wanted) break;
  }
  return { items, next: cursor, scanned };
}
