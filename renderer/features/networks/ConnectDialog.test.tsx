// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { attachment, container, engineStatus, network, settle } from '../../testing/fakeHost.js';
import { renderWithClient } from '../../testing/renderWithClient.js';
import { ConnectDialog } from './ConnectDialog.js';

afterEach(cleanup);

const appNet = network();
const dbNet = network({ id: 'e'.repeat(64), name: 'db-net', subnets: [{ subnet: '10.2.0.0/24', gateway: null, ipRange: null }] });
const web = container({ id: 'a'.repeat(64), name: 'web' });

function setUp() {
  act(() => {
    const state = berthStore.getState();
    state.engine.setStatus(engineStatus());
    state.containers.replaceEngine('engine-1', [web, container({ id: 'b'.repeat(64), name: 'db', state: 'exited' })]);
    state.networks.beginRefresh('engine-1');
    state.networks.replaceNetworks('engine-1', [appNet, dbNet, network({ id: '1'.repeat(64), name: 'host', driver: 'host', subnets: [] })]);
    state.networks.replaceAttachments('engine-1', [attachment()]);
  });
}

describe('Connect', () => {
  it("from a container's page offers the networks it is not on, checks a fixed address against the chosen one's subnet, and connects", async () => {
    const { host } = renderWithClient(<ConnectDialog engineId="engine-1" subject={{ kind: 'container', containerId: web.id, containerName: 'web' }} onClose={() => undefined} />);
    setUp();
    const dialog = screen.getByRole('dialog', { name: 'Connect web to a network' });
    const select = within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Network' });
    expect([...select.options].map((option) => option.textContent)).toEqual(['db-net (bridge)']);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'IPv4 address' }), { target: { value: '10.1.0.9' } });
    expect(within(dialog).getByText('IPv4 address: 10.1.0.9 is outside the IPv4 subnet of network db-net (10.2.0.0/24)')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'IPv4 address' }), { target: { value: '10.2.0.9' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Aliases' }), { target: { value: 'api cache' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    expect(host.callsOf('networks.connect').at(-1)?.params).toEqual({ network: dbNet.id, container: web.id, aliases: ['api', 'cache'], ipv4Address: '10.2.0.9' });
    await act(async () => {
      host.fail(host.callsOf('networks.connect').at(-1)!.id, { code: 'conflict', message: 'networks.connect: ipv4Address: Address already in use', details: { status: 403, field: 'ipv4Address' } });
      await settle();
    });
    expect(within(dialog).getByText('IPv4 address: Address already in use')).toBeTruthy();
  });

  it("from a network's page offers the containers not on it", () => {
    renderWithClient(<ConnectDialog engineId="engine-1" subject={{ kind: 'network', networkId: appNet.id }} onClose={() => undefined} />);
    setUp();
    const dialog = screen.getByRole('dialog', { name: 'Connect a container to app-net' });
    expect([...within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Container' }).options].map((option) => option.textContent)).toEqual(['db (exited)']);
  });
});
