// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RegistryRoute } from '../../app/routes.js';
import { berthStore } from '../../stores/store.js';
import { engineStatus, settle, type FakeHost } from '../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { RegistryBrowser } from './RegistryBrowser.js';
import { catalogPage, registryEntry } from './registriesTesting.js';

beforeAll(() => giveElementsAHeight());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const registry = '127.0.0.1:5000';
const hostile = '<img src=x onerror=alert(1)>';

function renderBrowser(route: Partial<RegistryRoute> = {}): { host: FakeHost } {
  const rendered = renderWithClient(<RegistryBrowser route={{ registry, repository: null, reference: null, ...route }} entry={registryEntry({ signedInAs: 'berth', credentialStore: 'session' })} />);
  act(() => {
    const { engine } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engine.setStatus(engineStatus());
  });
  return rendered;
}

async function reply(host: FakeHost, method: string, result: unknown): Promise<void> {
  const call = host.callsOf(method).at(-1);
  if (!call) throw new Error(`${method} was not called`);
  await act(async () => {
    host.reply(call.id, result);
    await settle();
  });
}

const catalogCalls = (host: FakeHost) => host.callsOf('registries.catalog').map((call) => call.params);
const repositories = () => screen.getByRole('region', { name: 'Repositories' });
/** Lets `ms` of (fake) time pass. */
const pass = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });
const typeFilter = (text: string) => fireEvent.change(within(repositories()).getByRole('searchbox', { name: 'Filter repositories' }), { target: { value: text } });

describe('Registry browser: repositories', () => {
  it('shows the first page of the catalog and reads the next one, with `last`, only when Load more is pressed', async () => {
    const { host } = renderBrowser();
    expect(screen.getByRole('heading', { level: 1, name: registry })).toBeTruthy();
    expect(screen.getByText('signed in as berth (this session only)')).toBeTruthy();
    expect(catalogCalls(host)).toEqual([{ registry }]);
    expect(within(repositories()).getByRole('status').textContent).toBe('Loading repositories…');

    await reply(host, 'registries.catalog', catalogPage(['seed/a', 'seed/b'], 'seed/b'));
    const table = within(repositories()).getByRole('table', { name: 'Repositories' });
    expect(within(table).getByRole('link', { name: 'seed/b' }).getAttribute('href')).toBe('#/registries/127.0.0.1%3A5000/seed%2Fb');
    expect(within(repositories()).queryByRole('status')).toBeNull();

    fireEvent.click(within(repositories()).getByRole('button', { name: 'Load more repositories' }));
    expect(catalogCalls(host)).toEqual([{ registry }, { registry, last: 'seed/b' }]);
    // One page at a time: no second request while one is on its way.
    expect(within(repositories()).queryByRole('button', { name: 'Load more repositories' })).toBeNull();
    await reply(host, 'registries.catalog', catalogPage(['seed/c']));
    expect(within(table).getAllByRole('link').map((link) => link.textContent)).toEqual(['seed/a', 'seed/b', 'seed/c']);
    // The last page: nothing more to load.
    expect(within(repositories()).queryByRole('button', { name: 'Load more repositories' })).toBeNull();
    expect(catalogCalls(host)).toHaveLength(2);
  });

  it('sends the filter once typing pauses, not once per key, and cancels the read it replaces', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { host } = renderBrowser();
    await reply(host, 'registries.catalog', catalogPage(['seed/a', 'team/app'], 'team/app'));

    for (const text of ['t', 'te', 'tea']) {
      typeFilter(text);
      pass(100);
    }
    expect(catalogCalls(host)).toEqual([{ registry }]);
    pass(150);
    expect(catalogCalls(host)).toEqual([{ registry }, { registry, filter: 'tea' }]);
    pass(5_000);
    expect(catalogCalls(host)).toHaveLength(2);

    // Typing on while the filtered read is still on its way: that read is cancelled, one new one sent.
    const stale = host.callsOf('registries.catalog').at(-1)!;
    typeFilter('team');
    pass(250);
    expect(catalogCalls(host)).toEqual([{ registry }, { registry, filter: 'tea' }, { registry, filter: 'team' }]);
    expect(host.sent).toContainEqual({ kind: 'cancel', id: stale.id });

    await reply(host, 'registries.catalog', catalogPage(['team/app'], 'x-500', { scanned: 2000 }));
    expect(within(repositories()).getAllByRole('link').map((link) => link.textContent)).toEqual(['team/app']);
    // More of the catalog remains unread: say what was found so far, read on only when asked.
    expect(within(repositories()).getByText('1 found so far.')).toBeTruthy();
    fireEvent.click(within(repositories()).getByRole('button', { name: 'Load more repositories' }));
    expect(catalogCalls(host).at(-1)).toEqual({ registry, filter: 'team', last: 'x-500' });
    await reply(host, 'registries.catalog', catalogPage([], null, { scanned: 300 }));
    expect(within(repositories()).queryByRole('button', { name: 'Load more repositories' })).toBeNull();

    typeFilter('nothing-like-it');
    pass(250);
    await reply(host, 'registries.catalog', catalogPage([], null, { scanned: 2 }));
    expect(within(repositories()).getByText('No repository contains “nothing-like-it”.')).toBeTruthy();
  });

  it('where the registry does not list its repositories, says so and opens a repository typed by name', async () => {
    window.location.hash = '#/registries/127.0.0.1%3A5000';
    const { host } = renderBrowser();
    await reply(host, 'registries.catalog', catalogPage([], null, { scanned: 0, unavailable: '127.0.0.1:5000 does not list its repositories (/v2/_catalog: UNSUPPORTED): type a repository name.' }));
    expect(within(repositories()).getByRole('note').textContent).toBe('127.0.0.1:5000 does not list its repositories (/v2/_catalog: UNSUPPORTED): type a repository name.');
    expect(within(repositories()).queryByRole('searchbox')).toBeNull();
    const name = within(repositories()).getByRole('textbox', { name: 'Repository name' });
    fireEvent.change(name, { target: { value: ' team/app ' } });
    fireEvent.click(within(repositories()).getByRole('button', { name: 'Open' }));
    expect(window.location.hash).toBe('#/registries/127.0.0.1%3A5000/team%2Fapp');
  });

  it('a page that cannot be read says why, and Try again reads the same page again', async () => {
    const { host } = renderBrowser();
    await act(async () => {
      host.fail(host.callsOf('registries.catalog')[0]!.id, { code: 'unauthorized', message: 'The catalog at 127.0.0.1:5000 needs credentials: anonymous access was refused (UNAUTHORIZED).' });
      await settle();
    });
    expect(within(repositories()).getByRole('alert').textContent).toContain('The catalog at 127.0.0.1:5000 needs credentials');
    fireEvent.click(within(repositories()).getByRole('button', { name: 'Try again' }));
    expect(catalogCalls(host)).toEqual([{ registry }, { registry }]);
  });

  it('renders repository names and tags from the registry as text, never as HTML', async () => {
    const { host } = renderBrowser({ repository: 'team/app' });
    await reply(host, 'registries.catalog', catalogPage([hostile, 'team/app']));
    await reply(host, 'registries.tags', { items: [hostile, '1'], next: null });
    expect(within(repositories()).getByRole('link', { name: hostile })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Tags of team/app' })).getByRole('link', { name: hostile })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('Registry browser: tags', () => {
  it("reads a repository's tags a page at a time and marks the one shown", async () => {
    const { host } = renderBrowser({ repository: 'team/app', reference: '2' });
    await reply(host, 'registries.catalog', catalogPage(['team/app']));
    expect(within(repositories()).getByRole('link', { name: 'team/app' }).closest('[role="row"]')?.getAttribute('aria-current')).toBe('true');
    expect(host.callsOf('registries.tags').map((call) => call.params)).toEqual([{ registry, repository: 'team/app' }]);
    await reply(host, 'registries.tags', { items: ['1', '2'], next: '2' });
    const tags = screen.getByRole('region', { name: 'Tags of team/app' });
    expect(within(tags).getByRole('link', { name: '2' }).getAttribute('href')).toBe('#/registries/127.0.0.1%3A5000/team%2Fapp/2');
    expect(within(tags).getByRole('link', { name: '2' }).closest('[role="row"]')?.getAttribute('aria-current')).toBe('true');
    fireEvent.click(within(tags).getByRole('button', { name: 'Load more tags' }));
    expect(host.callsOf('registries.tags').map((call) => call.params)).toEqual([
      { registry, repository: 'team/app' },
      { registry, repository: 'team/app', last: '2' },
    ]);
    await reply(host, 'registries.tags', { items: ['3'], next: null });
    expect(within(tags).getAllByRole('link').map((link) => link.textContent)).toEqual(['1', '2', '3']);
  });

  it('says so when a repository has no tags', async () => {
    const { host } = renderBrowser({ repository: 'team/empty' });
    await reply(host, 'registries.tags', { items: [], next: null });
    expect(within(screen.getByRole('region', { name: 'Tags of team/empty' })).getByText('This repository has no tags.')).toBeTruthy();
  });
});
