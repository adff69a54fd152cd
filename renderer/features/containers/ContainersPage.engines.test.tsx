// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { container, engineEntry, engineStatus, settle } from '../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { composeProjectLabel } from './composeGroups.js';
import { ContainersPage } from './ContainersPage.js';

// The same container id on two engines: the list keeps them apart by engine.
const sharedId = '7'.repeat(64);
const localWeb = container({ engineId: 'engine-1', id: sharedId, name: 'web-local', created: 3 });
const tlsWeb = container({ engineId: 'engine-2', id: sharedId, name: 'web-tls', created: 2 });
const tlsJob = container({ engineId: 'engine-2', id: '8'.repeat(64), name: 'job-tls', state: 'exited', exitCode: 0, status: 'Exited (0)', created: 1 });

const local = engineEntry();
const tls = engineEntry({ engineId: 'engine-2', name: 'tls', color: '#16a34a', url: 'tcp://127.0.0.1:2376', source: 'user', isDefault: false });

function twoEngines() {
  act(() => {
    const { engine, engines, containers } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engines.setEntries([local, tls]);
    engine.setStatus(engineStatus());
    engine.setStatus(engineStatus({ engineId: 'engine-2' }));
    containers.replaceEngine('engine-1', [localWeb]);
    containers.replaceEngine('engine-2', [tlsWeb, tlsJob]);
  });
}

const row = (name: string) => screen.getByRole('row', { name });
const engineCell = (name: string) => within(row(name)).getAllByRole('cell')[2];

beforeAll(() => giveElementsAHeight());
afterEach(cleanup);

describe('Containers page with several engines', () => {
  it('lists every engine\'s containers in one table, each row tagged with its engine by name', () => {
    renderWithClient(<ContainersPage />);
    twoEngines();
    expect(screen.getByText('3 containers')).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toContain('Engine');
    expect(engineCell('web-local')?.textContent).toBe('local');
    expect(engineCell('web-tls')?.textContent).toBe('tls');
    expect(within(row('web-tls')).getByRole('link', { name: 'web-tls' }).getAttribute('href')).toBe(`#/containers/engine-2/${sharedId}`);
    expect(within(row('web-local')).getByRole('link', { name: 'web-local' }).getAttribute('href')).toBe(`#/containers/engine-1/${sharedId}`);
  });

  it('filters by engine', () => {
    renderWithClient(<ContainersPage />);
    twoEngines();
    const filter = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Engine' });
    expect([...filter.options].map((option) => option.textContent)).toEqual(['All engines', 'local', 'tls']);
    fireEvent.change(filter, { target: { value: 'engine-2' } });
    expect(screen.queryByRole('row', { name: 'web-local' })).toBeNull();
    expect(screen.getByText('2 containers')).toBeTruthy();
    fireEvent.change(filter, { target: { value: '' } });
    expect(row('web-local')).toBeTruthy();
  });

  it('sends each row\'s actions, and each selected container of a bulk action, to its own engine', () => {
    const { host } = renderWithClient(<ContainersPage />);
    twoEngines();
    fireEvent.click(within(row('web-tls')).getByRole('button', { name: 'Stop web-tls' }));
    expect(host.callsOf('containers.stop').map((call) => [call.engine, call.params])).toEqual([['engine-2', { id: sharedId }]]);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select web-local' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select job-tls' }));
    const toolbar = screen.getByRole('toolbar', { name: 'Selected containers' });
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Restart' }));
    expect(host.callsOf('containers.restart').map((call) => [call.engine, call.params])).toEqual([
      ['engine-1', { id: sharedId }],
      ['engine-2', { id: tlsJob.id }],
    ]);
  });

  it('greys only the rows of an engine that goes unreachable, says why, and holds their actions', () => {
    renderWithClient(<ContainersPage />);
    twoEngines();
    act(() =>
      berthStore.getState().engine.setStatus(
        engineStatus({ engineId: 'engine-2', state: 'unreachable', identity: undefined, reason: { code: 'refused', message: 'Connection refused.' } }),
      ),
    );
    expect(row('web-tls').className).toContain('row-stale');
    expect(row('job-tls').className).toContain('row-stale');
    expect(row('web-local').className).not.toContain('row-stale');
    const tag = engineCell('web-tls')?.firstElementChild;
    expect(tag?.textContent).toBe('tls unreachable');
    expect(tag?.getAttribute('title')).toBe('tls: unreachable: Connection refused.');
    expect(within(row('web-tls')).getByRole<HTMLButtonElement>('button', { name: 'Stop web-tls' }).disabled).toBe(true);
    expect(within(row('web-local')).getByRole<HTMLButtonElement>('button', { name: 'Stop web-local' }).disabled).toBe(false);

    // Back: live again, its list replaced by what the engine lists now.
    act(() => {
      berthStore.getState().engine.setStatus(engineStatus({ engineId: 'engine-2' }));
      berthStore.getState().containers.replaceEngine('engine-2', [tlsWeb]);
    });
    expect(row('web-tls').className).not.toContain('row-stale');
    expect(screen.queryByRole('row', { name: 'job-tls' })).toBeNull();
    expect(row('web-local')).toBeTruthy();
  });

  it('prunes each engine that has stopped containers, on that engine', async () => {
    const { host } = renderWithClient(<ContainersPage />);
    twoEngines();
    fireEvent.click(screen.getByRole('button', { name: 'Remove all stopped' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Remove 1 stopped container on tls?' })).getByRole('button', { name: 'Remove' }));
    const [prune] = host.callsOf('containers.prune');
    expect(prune?.engine).toBe('engine-2');
    await act(async () => {
      host.reply(prune!.id, { removed: [tlsJob.id], spaceReclaimedBytes: 0 });
      await settle();
    });
    expect(host.callsOf('containers.prune')).toHaveLength(1);
  });

  it('keeps compose projects of the same name on two engines apart, each acting on its engine', () => {
    const { host } = renderWithClient(<ContainersPage />);
    twoEngines();
    const shop = { [composeProjectLabel]: 'shop' };
    act(() => {
      berthStore.getState().containers.replaceEngine('engine-1', [container({ engineId: 'engine-1', id: '1'.repeat(64), name: 'shop-a', labels: shop })]);
      berthStore.getState().containers.replaceEngine('engine-2', [container({ engineId: 'engine-2', id: '1'.repeat(64), name: 'shop-b', labels: shop })]);
    });
    const headers = screen.getAllByRole('row', { name: 'Compose project shop' });
    expect(headers).toHaveLength(2);
    for (const header of headers) fireEvent.click(within(header).getByRole('button', { name: 'Stop project shop' }));
    expect(host.callsOf('containers.stop').map((call) => call.engine).sort()).toEqual(['engine-1', 'engine-2']);
  });
});
