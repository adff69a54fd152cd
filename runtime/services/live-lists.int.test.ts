import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeTestSubnets } from '../../scripts/test-subnets.js';
import { EngineRelay } from '../testing/engine-relay.js';
import { connectBackend, docker, testImage, type Connected } from '../testing/real-engine.js';
import { TestNetworks } from '../testing/test-networks.js';
import { TestVolumes } from '../testing/test-volumes.js';
import { NetworksService } from './networks/networks-service.js';
import { VolumesService } from './volumes/volumes-service.js';

// volumes.list and networks.list answer from a live list kept from the REAL engine's events
// (live-list.ts). Through a relay in front of the test engine that sees every request: volumes
// and networks made and removed with the docker CLI show in the lists as `docker volume ls` /
// `docker network ls` say; a list with no change since asks the engine nothing; a change and
// then a list does; and while the events stream is down a list is not answered from the store.

let relay: EngineRelay;
let connected: Connected;
const volumes = new TestVolumes();
const networks = new TestNetworks();
let subnets: string[];

beforeAll(async () => {
  subnets = await freeTestSubnets(3);
  relay = await EngineRelay.start();
  connected = await connectBackend(relay.url);
});

afterAll(async () => {
  await volumes.removeAll();
  await networks.removeAll();
  connected.close();
  await relay.stop();
});

/** Where each connection's requests stand now (a keep-alive connection opened earlier may carry the next one). */
const mark = () => relay.connections.map((connection) => connection.requests.length);
/** The requests of one kind (path without its API version) the backend sent the engine since `from`. */
const requestsSince = (from: number[], path: RegExp) =>
  relay.connections.flatMap((connection, index) => connection.requests.slice(from[index] ?? 0)).filter((line) => path.test(line.replace(/^(\w+) \/v[\d.]+\//, '$1 /')));
const volumeCalls = /^GET \/(volumes|containers\/json|containers\/[^/]+\/json)/;
const networkCalls = /^GET \/networks/;

const cliVolumeNames = async () => (await docker('volume', 'ls', '-q')).split('\n').filter(Boolean).sort();
const cliNetworkIds = async () => (await docker('network', 'ls', '-q', '--no-trunc')).split('\n').filter(Boolean).sort();

describe('volumes.list from the live volume list', () => {
  it('shows volumes made and removed with the docker CLI, as docker volume ls and a fresh engine list say', async () => {
    const { client } = connected;
    const names = async () => (await client.call('volumes.list', {})).map((volume) => volume.name).sort();
    await names(); // the first list: the store is made
    const made = await volumes.create('from-shell', '--label', 'made=shell');
    await expect.poll(names, { timeout: 5_000 }).toContain(made);
    const user = await volumes.container('create', 'user', '-v', `${made}:/data`, testImage(), 'true');
    const userId = (await docker('inspect', '-f', '{{.Id}}', user)).trim();
    await expect
      .poll(async () => (await client.call('volumes.list', {})).find((volume) => volume.name === made)?.containers.map((entry) => entry.id), { timeout: 5_000 })
      .toEqual([userId]);
    expect(await names()).toEqual(await cliVolumeNames());
    // What it holds is what the engine says now, volume for volume, users and all.
    const fresh = await new VolumesService(connected.backend.engine).list();
    expect([...(await client.call('volumes.list', {}))].sort((a, b) => a.name.localeCompare(b.name))).toEqual(fresh.sort((a, b) => a.name.localeCompare(b.name)));

    await docker('rm', user);
    await docker('volume', 'rm', made);
    await expect.poll(names, { timeout: 5_000 }).not.toContain(made);
    expect(await names()).toEqual(await cliVolumeNames());
  });

  it('asks the engine nothing for a second list with no change between, and looks up only the volume a change names', async () => {
    const { client } = connected;
    const name = await volumes.create('counted');
    await expect.poll(async () => (await client.call('volumes.list', {})).some((volume) => volume.name === name), { timeout: 5_000 }).toBe(true);
    await client.call('volumes.list', {}); // waits for any lookup still in flight

    const before = mark();
    const first = await client.call('volumes.list', {});
    const second = await client.call('volumes.list', {});
    expect(second).toEqual(first);
    expect(requestsSince(before, volumeCalls)).toEqual([]);

    const changed = mark();
    await docker('volume', 'rm', name);
    await expect.poll(async () => (await client.call('volumes.list', {})).some((volume) => volume.name === name), { timeout: 5_000 }).toBe(false);
    // A destroy needs no lookup; a create does: one GET of that volume (and its users), no whole list.
    const made = await volumes.create('counted-new');
    await expect.poll(async () => (await client.call('volumes.list', {})).some((volume) => volume.name === made), { timeout: 5_000 }).toBe(true);
    const asked = requestsSince(changed, volumeCalls);
    expect(asked.some((line) => line.includes(`/volumes/${made}`))).toBe(true);
    expect(asked.filter((line) => /^GET \/(v[\d.]+\/)?volumes( |\?|$)/.test(line))).toEqual([]);
  });

  it("shows Berth's own create and remove in the very next list, without waiting for their events", async () => {
    const { client } = connected;
    await client.call('volumes.list', {});
    const name = volumes.name('own');
    await client.call('volumes.create', { name });
    expect((await client.call('volumes.list', {})).some((volume) => volume.name === name)).toBe(true);
    await client.call('volumes.remove', { name });
    expect((await client.call('volumes.list', {})).some((volume) => volume.name === name)).toBe(false);
  });

  it('does not answer from the store while the events stream is being asked for again: a volume made meanwhile is listed', async () => {
    const { client, backend } = connected;
    await client.call('volumes.list', {});
    const gate = relay.gate('GET /events');
    relay.drop('GET /events');
    try {
      await expect.poll(() => gate.waiting, { timeout: 5_000 }).toBe(1);
      expect(backend.engine.isEventStreamLive).toBe(false);
      expect(backend.engine.status.state).toBe('connected');
      // Made while no events stream is open: no event of it has reached Berth.
      const meanwhile = await volumes.create('meanwhile');
      // Asked while the stream is still held back: the store waits for it a moment, then the engine is asked.
      expect((await client.call('volumes.list', {})).map((volume) => volume.name)).toContain(meanwhile);
    } finally {
      gate.release();
    }
    await expect.poll(() => backend.engine.isEventStreamLive, { timeout: 5_000 }).toBe(true);
  });
});

describe('networks.list from the live network list', () => {
  it('shows networks made and removed with the docker CLI, as docker network ls says, with no engine call for a list with no change between', async () => {
    const { client } = connected;
    const ids = async () => (await client.call('networks.list', {})).map((network) => network.id).sort();
    await ids();
    const name = networks.name('from-shell');
    const id = (await docker('network', 'create', '--subnet', subnets[0] as string, '--label', 'made=shell', name)).trim();
    await expect.poll(ids, { timeout: 5_000 }).toContain(id);
    expect(await ids()).toEqual(await cliNetworkIds());
    const fresh = await new NetworksService(connected.backend.engine).list();
    expect([...(await client.call('networks.list', {}))].sort((a, b) => a.id.localeCompare(b.id))).toEqual(fresh.sort((a, b) => a.id.localeCompare(b.id)));

    const before = mark();
    await client.call('networks.list', {});
    await client.call('networks.list', {});
    expect(requestsSince(before, networkCalls)).toEqual([]);

    const changed = mark();
    await docker('network', 'rm', name);
    await expect.poll(ids, { timeout: 5_000 }).not.toContain(id);
    expect(await ids()).toEqual(await cliNetworkIds());
    const second = networks.name('from-shell-2');
    const secondId = (await docker('network', 'create', '--subnet', subnets[1] as string, second)).trim();
    await expect.poll(ids, { timeout: 5_000 }).toContain(secondId);
    // The create was looked up (the list filtered by its id), the whole list not asked again.
    const asked = requestsSince(changed, networkCalls);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((line) => line.includes('filters='))).toBe(true);
  });

  it("shows Berth's own create and remove in the very next list, as the engine lists them", async () => {
    const { client } = connected;
    await client.call('networks.list', {});
    const name = networks.name('own');
    const created = await client.call('networks.create', { name, subnets: [{ subnet: subnets[2] as string }] });
    expect((await client.call('networks.list', {})).find((network) => network.id === created.id)).toEqual(created);
    await client.call('networks.remove', { id: created.id });
    expect((await client.call('networks.list', {})).some((network) => network.id === created.id)).toBe(false);
  });
});

describe('on Podman', () => {
  it('lists a network made from a shell at once though Podman announces no network create: its list is asked of the engine each time', async () => {
    const url = process.env.BERTH_TEST_PODMAN_URL;
    if (!url) throw new Error('BERTH_TEST_PODMAN_URL is not set: run integration tests through `npm test`.');
    const podman = await connectBackend(url);
    const cli = (...args: string[]) => docker('-H', url, ...args);
    const name = networks.name('podman');
    const volume = volumes.name('podman');
    try {
      await podman.client.call('networks.list', {});
      await cli('network', 'create', name);
      // No wait: nothing would ever tell a kept list of it.
      expect((await podman.client.call('networks.list', {})).map((network) => network.name)).toContain(name);
      // Volumes: Podman names the volume in its events' attributes, read as Docker's actor id.
      await podman.client.call('volumes.list', {});
      await cli('volume', 'create', volume);
      await expect.poll(async () => (await podman.client.call('volumes.list', {})).map((entry) => entry.name), { timeout: 5_000 }).toContain(volume);
      await cli('volume', 'rm', volume);
      await expect.poll(async () => (await podman.client.call('volumes.list', {})).map((entry) => entry.name), { timeout: 5_000 }).not.toContain(volume);
    } finally {
      await cli('network', 'rm', name).catch(() => undefined);
      await cli('volume', 'rm', '-f', volume).catch(() => undefined);
      podman.close();
    }
  });
});
