// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VolumeSummary, VolumesWatchEvent } from '../../../runtime/api/index.js';
import { berthStore } from '../../stores/store.js';
import { engineEntry, engineStatus, settle } from '../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { useVolumesFeed } from './useVolumesFeed.js';
import { VolumesPage } from './VolumesPage.js';

function volume(overrides: Partial<VolumeSummary> = {}): VolumeSummary {
  return {
    engineId: 'engine-1',
    name: 'data',
    driver: 'local',
    mountpoint: '/var/lib/docker/volumes/data/_data',
    created: '2026-01-02T03:04:05Z',
    labels: {},
    scope: 'local',
    options: {},
    isAnonymous: false,
    containers: [],
    ...overrides,
  };
}

function Page() {
  useVolumesFeed();
  return <VolumesPage />;
}

function connected() {
  act(() => {
    const { engine, engines } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engine.setStatus(engineStatus());
    engines.setEntries([engineEntry()]);
  });
}

beforeAll(() => giveElementsAHeight());
afterEach(cleanup);

describe('Volumes page', () => {
  it('shows the list as soon as it arrives, its sizes loading, then the sizes the engine measured', async () => {
    const { host } = renderWithClient(<Page />);
    connected();
    const watch = host.subscriptionId('volumes.watch');
    const used = volume({ name: 'db', containers: [{ engineId: 'engine-1', id: 'c'.repeat(64), name: 'postgres', state: 'running' }] });
    act(() => host.emitTo(watch, { type: 'list', engineId: 'engine-1', volumes: [volume(), used] } satisfies VolumesWatchEvent));
    expect(screen.getByText('2 volumes · loading sizes…')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: 'data' })).getByText('loading…')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: 'data' })).getByText('Unused')).toBeTruthy();
    const user = within(screen.getByRole('row', { name: 'db' })).getByRole('link', { name: 'postgres' });
    expect(user.getAttribute('href')).toBe(`#/containers/engine-1/${'c'.repeat(64)}`);

    // Sizes are asked for after the list, never before it.
    const [sizes] = host.callsOf('volumes.sizes');
    expect(sizes).toBeDefined();
    expect(host.sent.findIndex((message) => message === sizes)).toBeGreaterThan(host.sent.findIndex((message) => message.kind === 'subscribe' && message.stream === 'volumes.watch'));
    await act(async () => {
      host.reply(sizes!.id, { engineId: 'engine-1', sizes: [{ name: 'data', sizeBytes: 2048 }, { name: 'db', sizeBytes: null }] });
      await settle();
    });
    expect(screen.getByText('2 volumes')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: 'data' })).getByText('2 KiB')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: 'db' })).getByText('unknown')).toBeTruthy();
  });

  it('follows the watch: a volume made, a volume that gets a user, a volume removed', () => {
    const { host } = renderWithClient(<Page />);
    connected();
    const watch = host.subscriptionId('volumes.watch');
    act(() => host.emitTo(watch, { type: 'list', engineId: 'engine-1', volumes: [volume()] }));
    act(() => host.emitTo(watch, { type: 'volume', engineId: 'engine-1', name: 'cache', action: 'create', volume: volume({ name: 'cache' }) }));
    expect(screen.getAllByRole('row').slice(1).map((row) => row.getAttribute('aria-label'))).toEqual(['cache', 'data']);
    act(() =>
      host.emitTo(watch, {
        type: 'volume',
        engineId: 'engine-1',
        name: 'cache',
        action: 'mount',
        volume: volume({ name: 'cache', containers: [{ engineId: 'engine-1', id: 'd'.repeat(64), name: 'worker', state: 'exited' }] }),
      }),
    );
    expect(within(screen.getByRole('row', { name: 'cache' })).getByText('worker')).toBeTruthy();
    act(() => host.emitTo(watch, { type: 'volume', engineId: 'engine-1', name: 'data', action: 'destroy', volume: null }));
    expect(screen.queryByRole('row', { name: 'data' })).toBeNull();
    expect(screen.getByText(/^1 volume/)).toBeTruthy();
  });

  it('renders names and labels from the engine as text, never as HTML', () => {
    const { host } = renderWithClient(<Page />);
    connected();
    const evil = '<img src=x onerror=alert(1)>';
    act(() => host.emitTo(host.subscriptionId('volumes.watch'), { type: 'list', engineId: 'engine-1', volumes: [volume({ name: 'x1', containers: [{ engineId: 'engine-1', id: 'e'.repeat(64), name: evil, state: 'created' }] })] }));
    expect(screen.getByText(evil)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});
