// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { container, engineStatus, settle } from '../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { composeProjectLabel } from './composeGroups.js';
import { ContainersPage } from './ContainersPage.js';

const up = container({ id: '1'.repeat(64), name: 'up', created: 5 });
const held = container({ id: '2'.repeat(64), name: 'held', state: 'paused', status: 'Up 1 minute (Paused)', created: 4 });
const done = container({ id: '3'.repeat(64), name: 'done', state: 'exited', exitCode: 0, status: 'Exited (0) 1 minute ago', created: 3 });
const fresh = container({ id: '4'.repeat(64), name: 'fresh', state: 'created', status: 'Created', created: 2 });

function connectedWith(...list: ReturnType<typeof container>[]) {
  act(() => {
    const { engine, containers } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engine.setStatus(engineStatus());
    containers.replaceEngine('engine-1', list);
  });
}

const toolbar = () => screen.getByRole('toolbar', { name: 'Selected containers' });
const select = (name: string) => fireEvent.click(screen.getByRole('checkbox', { name: `Select ${name}` }));

beforeAll(() => giveElementsAHeight());
afterEach(cleanup);

describe('Containers page selection', () => {
  it('acts on each selected container the action applies to', () => {
    const { host } = renderWithClient(<ContainersPage />);
    connectedWith(up, held, done, fresh);
    select('up');
    select('held');
    select('done');
    expect(within(toolbar()).getByText('3 selected')).toBeTruthy();

    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Stop' }));
    expect(host.callsOf('containers.stop').map((call) => call.params)).toEqual([{ id: up.id }, { id: held.id }]);
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Start' }));
    expect(host.callsOf('containers.start').map((call) => call.params)).toEqual([{ id: done.id }]);
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Unpause' }));
    expect(host.callsOf('containers.unpause').map((call) => call.params)).toEqual([{ id: held.id }]);
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Restart' }));
    expect(host.callsOf('containers.restart')).toHaveLength(3);
  });

  it('kills with the chosen signal and removes with the chosen options, after asking', () => {
    const { host } = renderWithClient(<ContainersPage />);
    connectedWith(up, held, done);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all' }));
    expect(within(toolbar()).getByText('3 selected')).toBeTruthy();

    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Kill' }));
    const killDialog = screen.getByRole('dialog', { name: 'Kill 2 containers?' });
    fireEvent.change(within(killDialog).getByRole('combobox', { name: 'Signal' }), { target: { value: 'SIGHUP' } });
    fireEvent.click(within(killDialog).getByRole('button', { name: 'Kill' }));
    expect(host.callsOf('containers.kill').map((call) => call.params)).toEqual([
      { id: up.id, signal: 'SIGHUP' },
      { id: held.id, signal: 'SIGHUP' },
    ]);

    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Remove' }));
    const removeDialog = screen.getByRole('dialog', { name: 'Remove 3 containers?' });
    fireEvent.click(within(removeDialog).getByRole('checkbox', { name: 'Also remove anonymous volumes' }));
    fireEvent.click(within(removeDialog).getByRole('checkbox', { name: 'Force: kill it first if it is running' }));
    fireEvent.click(within(removeDialog).getByRole('button', { name: 'Remove' }));
    expect(host.callsOf('containers.remove').map((call) => call.params)).toEqual(
      [up, held, done].map(({ id }) => ({ id, force: true, volumes: true })),
    );
  });

  it('acts only on selected containers the filter still shows', () => {
    const { host } = renderWithClient(<ContainersPage />);
    connectedWith(up, done, fresh);
    select('done');
    select('fresh');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter containers' }), { target: { value: 'done' } });
    expect(within(toolbar()).getByText('1 selected')).toBeTruthy();
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Start' }));
    expect(host.callsOf('containers.start').map((call) => call.params)).toEqual([{ id: done.id }]);
  });

  it('runs single-container actions from the row menu', async () => {
    const { host } = renderWithClient(<ContainersPage />);
    connectedWith(up);
    fireEvent.click(screen.getByRole('button', { name: 'More actions for up' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Pause' }));
    const [pause] = host.callsOf('containers.pause');
    expect(pause?.params).toEqual({ id: up.id });
    expect(screen.queryByRole('menu')).toBeNull();
    await act(async () => {
      host.reply(pause!.id, null);
      await settle();
    });

    fireEvent.click(screen.getByRole('button', { name: 'More actions for up' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Rename' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename up' });
    const input = within(dialog).getByRole('textbox', { name: 'New name' });
    fireEvent.change(input, { target: { value: '-bad' } });
    expect(within(dialog).getByRole('alert').textContent).toContain('New name must');
    fireEvent.change(input, { target: { value: 'api-2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(host.callsOf('containers.rename')[0]?.params).toEqual({ id: up.id, name: 'api-2' });
  });
});

describe('Containers page prune and compose projects', () => {
  it('says how many stopped containers a prune removes before it asks the engine', async () => {
    const { host } = renderWithClient(<ContainersPage />);
    connectedWith(up, held, done, fresh);
    fireEvent.click(screen.getByRole('button', { name: 'Remove all stopped' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove 2 stopped containers?' });
    expect(host.callsOf('containers.prune')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    const [prune] = host.callsOf('containers.prune');
    await act(async () => {
      host.reply(prune!.id, { removed: [done.id, fresh.id], spaceReclaimedBytes: 2048 });
      await settle();
    });
    expect(screen.getByText('Removed 2 stopped containers, reclaimed 2 KiB.')).toBeTruthy();
  });

  it('groups the containers of a compose project under a header with its actions', () => {
    const { host } = renderWithClient(<ContainersPage />);
    const shop = { [composeProjectLabel]: 'shop' };
    const web = container({ id: '5'.repeat(64), name: 'shop-web-1', labels: shop });
    const db = container({ id: '6'.repeat(64), name: 'shop-db-1', labels: shop, state: 'exited', exitCode: 1, status: 'Exited (1) 1 minute ago' });
    connectedWith(up, web, db);
    const header = screen.getByRole('row', { name: 'Compose project shop' });
    expect(within(header).getByText('2 containers · 1 running')).toBeTruthy();

    fireEvent.click(within(header).getByRole('button', { name: 'Stop project shop' }));
    expect(host.callsOf('containers.stop').map((call) => call.params)).toEqual([{ id: web.id }]);
    fireEvent.click(within(header).getByRole('checkbox', { name: 'Select project shop' }));
    expect(within(toolbar()).getByText('2 selected')).toBeTruthy();

    const disclosure = within(header).getByRole('button', { name: 'Containers of project shop' });
    fireEvent.click(disclosure);
    expect(disclosure.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('row', { name: 'shop-web-1' })).toBeNull();
    expect(screen.getByRole('row', { name: 'up' })).toBeTruthy();
  });
});
