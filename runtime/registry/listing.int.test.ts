import { beforeAll, describe, expect, it } from 'vitest';
import type { RegistryClient } from './index.js';
import { clientFor, registries, seederFor, signIn, uniqueRepository, users } from '../testing/test-registries.js';

// The catalog and tags, a page at a time, from the test environment's real registries: 250
// repositories seeded through the registry API (no engine), pages of 100 followed through
// the Link header; tags paged where distribution 2.8 ignores `n` for them.

async function allCatalogPages(client: RegistryClient, pageSize: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await client.catalogPage({ cursor, pageSize });
    if (page.kind !== 'page') throw new Error(`catalog unavailable: ${page.message}`);
    pages.push(page.repositories);
    cursor = page.next;
  } while (cursor !== null && pages.length < 1000);
  return pages;
}

describe('the catalog', () => {
  // Fixed names: seeding is idempotent, so a second run of this file adds nothing.
  const seeded = Array.from({ length: 250 }, (_, index) => `seed-catalog/r${String(index).padStart(3, '0')}`);

  beforeAll(async () => {
    await seederFor('open').many(seeded, '1');
  }, 120_000);

  it('comes in pages of 100 that follow one another through the Link header, holding every repository once', async () => {
    const { client, lines } = clientFor(registries.open);
    const pages = await allCatalogPages(client, 100);
    const all = pages.flat();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(100);
    expect(pages.slice(0, -1).every((page) => page.length === 100)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual([...all].sort());
    expect(all.filter((name) => name.startsWith('seed-catalog/'))).toEqual(seeded);
    // The second request continues where the registry's Link said.
    expect(lines[1]).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/v2\/_catalog\?last=[^&]+&n=100 \(anonymous\) -> 200/);
  });

  it('gives the first page alone, so a view can show it before any other is fetched', async () => {
    const { client, lines } = clientFor(registries.open);
    const first = await client.catalogPage({ pageSize: 100 });
    expect(first).toMatchObject({ kind: 'page', next: expect.stringMatching(/^\/v2\/_catalog\?/) as unknown });
    expect(first.kind === 'page' && first.repositories).toHaveLength(100);
    expect(lines).toHaveLength(1);
  });

  it('pages through a registry that wants a sign-in, with a token for the catalog scope', async () => {
    await seederFor('token').many(['seed-token/a', 'seed-token/b', 'seed-token/c'], '1');
    const { client } = clientFor(registries.token, signIn(users.reader));
    const all = (await allCatalogPages(client, 2)).flat();
    expect(all).toEqual(expect.arrayContaining(['seed-token/a', 'seed-token/b', 'seed-token/c']));
  });

  it('says the registry does not offer its catalog when it refuses it after a good handshake', async () => {
    const { client } = clientFor(registries.token);
    expect((await client.check()).kind).toBe('reachable');
    const page = await client.catalogPage();
    expect(page).toEqual({
      kind: 'unavailable',
      status: 401,
      message: expect.stringMatching(/^127\.0\.0\.1:\d+ does not offer its catalog without signing in \(.*\): type a repository name to browse it\.$/) as unknown,
    });
  });

  it('refuses a page size out of range and a cursor that does not continue the catalog', async () => {
    const { client } = clientFor(registries.open);
    await expect(client.catalogPage({ pageSize: 0 })).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'pageSize' } });
    await expect(client.catalogPage({ pageSize: 1001 })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(client.catalogPage({ cursor: '/v2/seed/bb/manifests/1' })).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'cursor' } });
    await expect(client.catalogPage({ cursor: 'http://elsewhere.example/v2/_catalog?n=1' })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('tags', () => {
  const repository = uniqueRepository('tags');
  const tags = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'd1'];

  beforeAll(async () => {
    const seeder = seederFor('token');
    const image = await seeder.image(repository, []);
    // In a shuffled order: the registry lists tags in whatever order its storage gives.
    for (const tag of ['c2', 'a1', 'd1', 'b2', 'a2', 'c1', 'b1']) await seeder.putManifest(repository, tag, image.mediaType, image.manifest);
  });

  it('come in pages, sorted, even from a registry that ignores the page size for tags', async () => {
    const { client } = clientFor(registries.token, signIn());
    const first = await client.tagsPage(repository, { pageSize: 3 });
    expect(first).toEqual({ repository, tags: ['a1', 'a2', 'b1'], next: expect.any(String) as unknown });
    const second = await client.tagsPage(repository, { cursor: first.next });
    expect(second.tags).toEqual(['b2', 'c1', 'c2']);
    const third = await client.tagsPage(repository, { cursor: second.next });
    expect(third).toEqual({ repository, tags: ['d1'], next: null });
  });

  it('come whole in one page when they fit', async () => {
    const { client } = clientFor(registries.token, signIn());
    const page = await client.tagsPage(repository);
    expect([...page.tags].sort()).toEqual(tags);
    expect(page.next).toBeNull();
  });

  it('of a repository the registry does not have are not_found, naming it', async () => {
    const { client } = clientFor(registries.open);
    await expect(client.tagsPage('no-such/repository')).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/^The tags of no-such\/repository at 127\.0\.0\.1:\d+: NAME_UNKNOWN: repository name not known to registry$/) as unknown });
  });

  it('refuse a repository name that is not one before anything is sent', async () => {
    const { client, lines } = clientFor(registries.open);
    await expect(client.tagsPage('../_catalog')).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'repository' } });
    await expect(client.tagsPage('Upper/Case')).rejects.toMatchObject({ message: 'repository: "Upper/Case" must be lowercase' });
    expect(lines).toEqual([]);
  });
});
