import { describe, expect, it } from 'vitest';
import type { CatalogPage } from '../../registry/index.js';
import { scanCatalog } from './catalog-filter.js';

/** A catalog of `names` served in pages, counting what was asked (the registry's cursor is the index here). */
function catalog(names: string[]) {
  const asked: { cursor: string | null; pageSize: number }[] = [];
  const read = (cursor: string | null, pageSize: number): Promise<CatalogPage> => {
    asked.push({ cursor, pageSize });
    const start = cursor === null ? 0 : Number(cursor);
    const end = Math.min(names.length, start + pageSize);
    return Promise.resolve({ kind: 'page', repositories: names.slice(start, end), next: end < names.length ? String(end) : null });
  };
  return { read, asked };
}

const names = Array.from({ length: 5000 }, (_, index) => `team-${String(index).padStart(4, '0')}/app`);

describe('a filtered catalog', () => {
  it('stops once the page holds what was wanted, and says where to go on', async () => {
    const { read, asked } = catalog(names);
    const page = await scanCatalog(read, null, { filter: 'APP', wanted: 100, maxPages: 4, pageSize: 500 });
    expect(asked).toEqual([{ cursor: null, pageSize: 500 }]);
    expect(page.items).toHaveLength(500); // the whole page read: the cursor continues after it
    expect(page).toMatchObject({ next: '500', scanned: 500 });
  });

  it('reads at most maxPages pages a call for a rare match, never the whole catalog at once', async () => {
    const { read, asked } = catalog(names);
    const first = await scanCatalog(read, null, { filter: 'team-4999', wanted: 100, maxPages: 4, pageSize: 500 });
    expect(asked).toHaveLength(4);
    expect(first).toEqual({ items: [], next: '2000', scanned: 2000 });
    const second = await scanCatalog(read, first.next, { filter: 'team-4999', wanted: 100, maxPages: 4, pageSize: 500 });
    expect(second).toEqual({ items: [], next: '4000', scanned: 2000 });
    const last = await scanCatalog(read, second.next, { filter: 'team-4999', wanted: 100, maxPages: 4, pageSize: 500 });
    expect(last).toEqual({ items: ['team-4999/app'], next: null, scanned: 1000 });
  });

  it('says so when the registry does not offer its catalog', async () => {
    const read = () => Promise.resolve<CatalogPage>({ kind: 'unavailable', status: 401, message: 'The registry does not list its repositories.' });
    expect(await scanCatalog(read, null, { filter: 'x', wanted: 10, maxPages: 4, pageSize: 500 })).toEqual({ items: [], next: null, scanned: 0, unavailable: 'The registry does not list its repositories.' });
  });
});
