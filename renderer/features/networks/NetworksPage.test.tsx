// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkAttachment, NetworkSummary } from '../../../runtime/api/index.js';
import { berthStore } from '../../stores/store.js';
import { attachment, engineStatus, network, settle, type FakeHost } from '../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { NetworksPage } from './NetworksPage.js';

const appNet = network();
const bridge = network({ id: 'f'.repeat(64), name: 'bridge', predefined: true, subnets: [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1', ipRange: null }] });
const web = attachment();
const db = attachment({ containerId: 'b'.repeat(64), containerName: 'db', containerState: 'exited', ipv4Address: null, macAddress: null });

/** The page, with the engine connected and its lists answered as given (attachments: null leaves them in flight). */
async function open(networks: NetworkSummary[], attachments: NetworkAttachment[] | null): Promise<FakeHost> {
  const { host } = renderWithClient(<NetworksPage />);
  act(() => {
    const { engine } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engine.setStatus(engineStatus());
  });
  // The page wants networks; there is no engine feed here, so the lists are put in by hand as a feed would.
  await act(async () => {
    const slice = berthStore.getState().networks;
    slice.beginRefresh('engine-1');
    slice.replaceNetworks('engine-1', networks);
    if (attachments !== null) slice.replaceAttachments('engine-1', attachments);
    await settle();
  });
  return host;
}

beforeAll(() => giveElementsAHeight());
afterEach(cleanup);

describe('Networks page', () => {
  it('lists each network with its driver, subnets and the containers on it with their addresses, the engine\'s own last', async () => {
    await open([bridge, appNet], [web, db]);
    expect(screen.getByRole('heading', { level: 1, name: 'Networks' })).toBeTruthy();
    expect(screen.getAllByRole('row').slice(1).map((row) => row.getAttribute('aria-label'))).toEqual(['app-net', 'bridge']);
    const row = screen.getByRole('row', { name: 'app-net' });
    expect(within(row).getByText('10.1.0.0/24 via 10.1.0.1')).toBeTruthy();
    expect(within(row).getByRole('cell', { name: 'Containers: 2' }).textContent).toBe('db (exited), web 10.1.0.2');
    expect(within(screen.getByRole('row', { name: 'bridge' })).getByRole<HTMLButtonElement>('button', { name: 'Remove bridge' }).disabled).toBe(true);
  });

  it('shows the networks before their containers are listed, and says they are being listed', async () => {
    await open([appNet], null);
    expect(within(screen.getByRole('row', { name: 'app-net' })).getByRole('cell', { name: 'Containers: listing…' })).toBeTruthy();
    act(() => berthStore.getState().networks.replaceAttachments('engine-1', [web]));
    expect(within(screen.getByRole('row', { name: 'app-net' })).getByRole('cell', { name: 'Containers: 1' }).textContent).toBe('web 10.1.0.2');
  });

  it('filters by name, subnet or container', async () => {
    await open([bridge, appNet], [web]);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter networks' }), { target: { value: 'web' } });
    expect(screen.getAllByRole('row').slice(1).map((row) => row.getAttribute('aria-label'))).toEqual(['app-net']);
    expect(screen.getByText('1 of 2 networks')).toBeTruthy();
  });

  it('names the containers on a network before removing it, and removes only an unused one', async () => {
    const host = await open([appNet], [web]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove app-net' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove app-net?' });
    expect(dialog.textContent).toContain('A container is on it: web (running). Disconnect it first');
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Remove' }).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    act(() => berthStore.getState().networks.applyChange({ type: 'networks', engineId: 'engine-1', networks: [], containers: [{ containerId: web.containerId, attachments: [] }], actions: ['disconnect'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove app-net' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Remove app-net?' })).getByRole('button', { name: 'Remove' }));
    expect(host.callsOf('networks.remove').at(-1)?.params).toEqual({ id: appNet.id });
  });

  it('creates a network with what was typed, and shows the engine\'s refusal under the field it is about', async () => {
    const host = await open([appNet], []);
    fireEvent.click(screen.getByRole('button', { name: 'Create network…' }));
    const dialog = screen.getByRole('dialog', { name: 'Create a network' });
    const field = (name: string) => within(dialog).getByRole('textbox', { name });
    fireEvent.change(field('Name'), { target: { value: 'api-net' } });
    fireEvent.change(field('Subnet'), { target: { value: '10.9.0.0/24' } });
    fireEvent.change(field('Gateway'), { target: { value: '10.8.0.1' } });
    expect(within(dialog).getByText('Gateway: gateway 10.8.0.1 is outside the subnet 10.9.0.0/24')).toBeTruthy();
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Create' }).disabled).toBe(true);
    fireEvent.change(field('Gateway'), { target: { value: '10.9.0.1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));

    const create = host.callsOf('networks.create').at(-1);
    expect(create?.params).toEqual({ name: 'api-net', driver: 'bridge', subnets: [{ subnet: '10.9.0.0/24', gateway: '10.9.0.1' }], ipv6: false, internal: false, attachable: false, labels: {}, options: {} });
    await act(async () => {
      host.fail(create!.id, {
        code: 'conflict',
        message: 'networks.create: subnets.0.subnet: Pool overlaps with other one on this address space (network app-net has 10.9.0.0/16)',
        details: { status: 403, field: 'subnets.0.subnet' },
      });
      await settle();
    });
    expect(within(dialog).getByText('Subnet: Pool overlaps with other one on this address space (network app-net has 10.9.0.0/16)')).toBeTruthy();
    expect(field('Name')).toHaveProperty('value', 'api-net');
  });

  it('lists what a prune would remove first, then removes only those', async () => {
    const host = await open([appNet], []);
    fireEvent.click(screen.getByRole('button', { name: 'Prune…' }));
    const dialog = screen.getByRole('dialog', { name: 'Prune networks' });
    await waitFor(() => expect(host.callsOf('networks.prunePreview')).toHaveLength(1));
    await act(async () => {
      host.reply(host.callsOf('networks.prunePreview')[0]!.id, { networks: [{ id: appNet.id, name: 'app-net', driver: 'bridge', created: null, labels: {}, stoppedContainers: ['db'] }] });
      await settle();
    });
    const list = within(dialog).getByRole('table', { name: 'Networks that would be removed' });
    expect(within(list).getByText('app-net')).toBeTruthy();
    expect(within(list).getByText('db')).toBeTruthy();
    expect(host.callsOf('networks.prune')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove 1 network' }));
    const prune = host.callsOf('networks.prune').at(-1);
    expect(prune?.params).toEqual({ filters: [], only: [appNet.id] });
    await act(async () => {
      host.reply(prune!.id, { removed: ['app-net'], kept: [] });
      await settle();
    });
    expect(screen.getByRole('status').textContent).toBe('Removed 1 network.');
  });
});
