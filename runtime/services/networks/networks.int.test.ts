import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError, type NetworkSummary } from '../../api/index.js';
import { connectBackend, docker, idleCommand, recordEvents, testDataDir, testImage, TestContainers, type Connected } from '../../testing/real-engine.js';
import { testBridgeName } from '../../testing/test-engine.js';
import { freeTestSubnets, hostIn, testIpv6Subnet } from '../../../scripts/test-subnets.js';
import { allowTrafficWithin, TestNetworks } from '../../testing/test-networks.js';

/**
 * The networks domain against the real engine, each result checked against what the docker CLI
 * says of the same network. Every network here has a unique name and a subnet of its own in
 * 198.18.0.0/15 (test-networks.ts), and is removed afterwards.
 */

let connected: Connected;
const containers = new TestContainers();
const networks = new TestNetworks();
let subnets: string[];

beforeAll(async () => {
  connected = await connectBackend();
  subnets = await freeTestSubnets(12);
});

afterAll(async () => {
  await containers.removeAll();
  await networks.removeAll();
  connected.close();
});

/** The refusal a call ends in (it must end in one). */
async function refusal(promise: Promise<unknown>): Promise<BerthError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BerthError) return error;
    throw error;
  }
  throw new Error('the call was not refused');
}

const inspectCli = async (name: string) => JSON.parse(await docker('network', 'inspect', name)) as [Record<string, unknown> & { Id: string; Containers: Record<string, { Name: string; IPv4Address: string; IPv6Address: string; MacAddress: string }> }];
const cliNetworkNames = async () => (await docker('network', 'ls', '--format', '{{.Name}}')).split('\n');

describe('creating, listing and inspecting', () => {
  it('creates a bridge with subnet, gateway, IP range, labels and options as `docker network inspect` then shows it', async () => {
    const name = networks.name('made');
    const subnet = subnets[0] as string;
    const created = await connected.client.call('networks.create', {
      name,
      subnets: [{ subnet, gateway: hostIn(subnet, 254), ipRange: subnet.replace(/\.0\/24$/, '.128/25') }],
      labels: { 'berth.test': 'networks' },
      options: { 'com.docker.network.driver.mtu': '1400' },
      internal: true,
    });
    const [cli] = await inspectCli(name);
    expect(created.id).toBe(cli.Id);
    expect(cli).toMatchObject({
      Name: name,
      Driver: 'bridge',
      Internal: true,
      EnableIPv6: false,
      IPAM: { Config: [{ Subnet: subnet, Gateway: hostIn(subnet, 254), IPRange: subnet.replace(/\.0\/24$/, '.128/25') }] },
      Labels: { 'berth.test': 'networks' },
      Options: { 'com.docker.network.driver.mtu': '1400' },
    });
    expect(created).toMatchObject({ name, driver: 'bridge', scope: 'local', internal: true, subnets: [{ subnet, gateway: hostIn(subnet, 254) }], predefined: false });
    const inspected = await connected.client.call('networks.inspect', { id: name });
    expect(inspected.raw).toEqual(cli);
    expect(inspected.containers).toEqual([]);
  });

  it('creates an IPv6 network with both subnets', async () => {
    const name = networks.name('six');
    const six = testIpv6Subnet();
    await connected.client.call('networks.create', { name, ipv6: true, subnets: [{ subnet: subnets[1] as string }, { subnet: six }] });
    const [cli] = await inspectCli(name);
    expect(cli).toMatchObject({ EnableIPv6: true, IPAM: { Config: [{ Subnet: subnets[1] }, { Subnet: six }] } });
  });

  it('lists the same networks as `docker network ls`, with the same ids, drivers and scopes', async () => {
    const [list, cli] = await Promise.all([
      connected.client.call('networks.list', {}),
      docker('network', 'ls', '--no-trunc', '--format', '{{.ID}} {{.Name}} {{.Driver}} {{.Scope}}'),
    ]);
    const ours = list.map((network: NetworkSummary) => `${network.id} ${network.name} ${network.driver} ${network.scope}`).sort();
    expect(ours).toEqual(cli.split('\n').sort());
    expect(list.filter((network) => network.predefined).map((network) => network.name).sort()).toEqual(['bridge', 'host', 'none']);
  });

  it('offers the drivers the engine has: bridge, macvlan and ipvlan on Docker', async () => {
    expect(await connected.client.call('networks.drivers', {})).toEqual(['bridge', 'macvlan', 'ipvlan']);
  });

  it('creates a macvlan network on a parent interface (the test engine\'s own bridge)', async () => {
    const name = networks.name('mac');
    const parent = testBridgeName(testDataDir());
    await connected.client.call('networks.create', { name, driver: 'macvlan', parent, subnets: [{ subnet: subnets[2] as string }], options: { macvlan_mode: 'bridge' } });
    const [cli] = await inspectCli(name);
    expect(cli).toMatchObject({ Driver: 'macvlan', Options: { parent, macvlan_mode: 'bridge' } });
  });
});

describe('bad input', () => {
  it('refuses a name in use with the engine\'s own words, naming the name', async () => {
    const name = networks.name('twice');
    await connected.client.call('networks.create', { name, subnets: [{ subnet: subnets[3] as string }] });
    const refused = await refusal(connected.client.call('networks.create', { name, subnets: [{ subnet: subnets[4] as string }] }));
    expect([refused.code, refused.details?.field]).toEqual(['conflict', 'name']);
    expect(refused.message).toBe(`networks.create: name: network with name ${name} already exists`);
    expect((await cliNetworkNames()).filter((listed) => listed === name)).toHaveLength(1);
  });

  it('refuses a subnet another network holds with the engine\'s words, naming the field and that network', async () => {
    const holder = networks.name('holder');
    await docker('network', 'create', '--subnet', subnets[5] as string, holder);
    const name = networks.name('overlap');
    const inside = (subnets[5] as string).replace(/\.0\/24$/, '.128/25');
    const refused = await refusal(connected.client.call('networks.create', { name, subnets: [{ subnet: inside }] }));
    // The CLI's words for the same request.
    const cli = await docker('network', 'create', '--subnet', inside, name).catch((error: unknown) => String(error));
    expect(cli).toContain('Pool overlaps with other one on this address space');
    expect(refused).toMatchObject({ code: 'conflict', details: { field: 'subnets.0.subnet' } });
    expect(refused.message).toBe(`networks.create: subnets.0.subnet: Pool overlaps with other one on this address space (network ${holder} has ${subnets[5]})`);
    expect(await cliNetworkNames()).not.toContain(name);
  });

  it('refuses a gateway outside the subnet and a bad driver option before anything is sent', async () => {
    const name = networks.name('gateway');
    const gateway = await refusal(connected.client.call('networks.create', { name, subnets: [{ subnet: subnets[6] as string, gateway: '10.254.0.1' }] }));
    expect(gateway).toMatchObject({ code: 'invalid_argument', message: `networks.create: subnets.0.gateway: gateway 10.254.0.1 is outside the subnet ${subnets[6]}` });
    const option = await refusal(connected.client.call('networks.create', { name, options: { 'com.docker.network.bridge.enable_icc': 'maybe' } }));
    expect(option).toMatchObject({ code: 'invalid_argument', details: { field: 'options.com.docker.network.bridge.enable_icc' } });
    expect(await cliNetworkNames()).not.toContain(name);
  });

  it('gives an option the engine refuses in its own words, naming the options', async () => {
    const name = networks.name('option');
    // eth0 passes every check Berth can make of a bridge name; only the engine knows it is no bridge.
    const refused = await refusal(connected.client.call('networks.create', { name, subnets: [{ subnet: subnets[6] as string }], options: { 'com.docker.network.bridge.name': 'lo' } }));
    const cli = await docker('network', 'create', '--subnet', subnets[6] as string, '-o', 'com.docker.network.bridge.name=lo', name).catch((error: unknown) => String(error));
    expect(cli).toContain('existing interface lo is not a bridge');
    expect(refused).toMatchObject({ code: 'conflict', details: { field: 'options' } });
    expect(refused.message).toBe('networks.create: options: existing interface lo is not a bridge');
    expect(await cliNetworkNames()).not.toContain(name);
  });
});

describe('connecting and disconnecting', () => {
  let network: string;
  let subnet: string;
  let web: string;
  let client: string;

  beforeAll(async () => {
    network = networks.name('pair');
    subnet = subnets[7] as string;
    await connected.client.call('networks.create', { name: network, subnets: [{ subnet }] });
    web = await containers.run('web', testImage(), ...idleCommand);
    client = await containers.run('client', testImage(), ...idleCommand);
  });

  it('connects two containers, one with an alias and a fixed address, as `docker network inspect` shows', async () => {
    await connected.client.call('networks.connect', { network, container: web, aliases: ['api'], ipv4Address: hostIn(subnet, 10) });
    await connected.client.call('networks.connect', { network, container: client });
    const [cli] = await inspectCli(network);
    const byName = Object.fromEntries(Object.values(cli.Containers).map((entry) => [entry.Name, entry]));
    expect(byName[web]?.IPv4Address).toBe(`${hostIn(subnet, 10)}/24`);
    expect(byName[client]?.IPv4Address).toMatch(/^198\.1[89]\.\d+\.\d+\/24$/);

    const inspected = await connected.client.call('networks.inspect', { id: network });
    const endpoints = Object.fromEntries(inspected.containers.map((endpoint) => [endpoint.containerName, endpoint]));
    for (const name of [web, client]) {
      expect(endpoints[name]).toMatchObject({ containerState: 'running', ipv4Address: byName[name]?.IPv4Address.replace(/\/24$/, ''), macAddress: byName[name]?.MacAddress });
    }
    const cliAliases = JSON.parse(await docker('inspect', '-f', `{{json (index .NetworkSettings.Networks "${network}").Aliases}}`, web)) as string[];
    expect(endpoints[web]?.aliases).toEqual(cliAliases);
    expect(cliAliases).toContain('api');
    expect(endpoints[web]?.fixedIpv4Address).toBe(hostIn(subnet, 10));

    const attachments = (await connected.client.call('networks.attachments', {})).filter((attachment) => attachment.networkName === network);
    expect(attachments.map((attachment) => attachment.containerName).sort()).toEqual([client, web].sort());
  });

  it('lets them reach each other by name and by alias: wget from one to the httpd of the other', async () => {
    const bridge = `brt-${network.slice(3, 9)}`;
    const own = networks.name('reach');
    await connected.client.call('networks.create', { name: own, subnets: [{ subnet: subnets[8] as string }], options: { 'com.docker.network.bridge.name': bridge } });
    const allowed = await allowTrafficWithin(bridge);
    try {
      const server = await containers.run('httpd', testImage(), 'sh', '-c', 'echo served-on-the-network > /tmp/index.html && exec httpd -f -p 8080 -h /tmp');
      await connected.client.call('networks.connect', { network: own, container: server, aliases: ['files'] });
      const reader = containers.name('wget');
      await docker('create', '--name', reader, testImage(), 'sh', '-c', `timeout 10 wget -q -O - http://${server}:8080/ && timeout 10 wget -q -O - http://files:8080/`);
      // Connected while created: it gets its address when it starts.
      await connected.client.call('networks.connect', { network: own, container: reader });
      await docker('start', '-a', reader).then(
        (output) => expect(output).toBe('served-on-the-network\nserved-on-the-network'),
        (error: unknown) => {
          throw new Error(`wget failed: ${String(error)}`);
        },
      );
    } finally {
      await allowed();
    }
  });

  it('refuses a fixed address outside the subnet before anything is sent, and nothing is connected', async () => {
    const other = await containers.run('outside', testImage(), ...idleCommand);
    const refused = await refusal(connected.client.call('networks.connect', { network, container: other, ipv4Address: '10.254.0.9' }));
    expect(refused).toMatchObject({ code: 'invalid_argument', details: { field: 'ipv4Address' } });
    expect(refused.message).toBe(`networks.connect: ipv4Address: 10.254.0.9 is outside the IPv4 subnet of network ${network} (${subnet})`);
    expect(Object.keys(JSON.parse(await docker('inspect', '-f', '{{json .NetworkSettings.Networks}}', other)) as object)).toEqual(['bridge']);
  });

  it('refuses an alias on the default bridge with the engine\'s words, naming the aliases', async () => {
    const refused = await refusal(connected.client.call('networks.connect', { network: 'bridge', container: client, aliases: ['x'] }));
    // The client is on the default bridge since docker run; disconnect first so the alias is what is refused.
    expect(refused.details?.field).toBe('container');
    await docker('network', 'disconnect', 'bridge', client);
    const alias = await refusal(connected.client.call('networks.connect', { network: 'bridge', container: client, aliases: ['x'] }));
    expect(alias).toMatchObject({ code: 'invalid_argument', message: 'networks.connect: aliases: network-scoped alias is supported only for containers in user defined networks', details: { field: 'aliases' } });
  });

  it('disconnects one, as `docker network inspect` then shows', async () => {
    await connected.client.call('networks.disconnect', { network, container: client });
    const [cli] = await inspectCli(network);
    expect(Object.values(cli.Containers).map((entry) => entry.Name)).toEqual([web]);
    const inspected = await connected.client.call('networks.inspect', { id: network });
    expect(inspected.containers.map((endpoint) => endpoint.containerName)).toEqual([web]);
  });
});

describe('removing', () => {
  it('refuses bridge, host and none', async () => {
    for (const name of ['bridge', 'host', 'none']) {
      const refused = await refusal(connected.client.call('networks.remove', { id: name }));
      expect(refused).toMatchObject({ code: 'conflict', message: `${name} is one of the engine's own networks (bridge, host, none) and cannot be removed.` });
    }
  });

  it('refuses a network a container is on, running or stopped, naming them; removes it once they are gone', async () => {
    const name = networks.name('used');
    await connected.client.call('networks.create', { name, subnets: [{ subnet: subnets[9] as string }] });
    const running = await containers.run('on-net', '--network', name, testImage(), ...idleCommand);
    const stopped = containers.name('stopped');
    await docker('create', '--name', stopped, '--network', name, testImage(), 'true');
    const refused = await refusal(connected.client.call('networks.remove', { id: name }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(new RegExp(`^Network ${name} is in use by 2 containers: `));
    expect(refused.message).toContain(`${running} (running)`);
    expect(refused.message).toContain(`${stopped} (created)`);
    expect(await cliNetworkNames()).toContain(name);

    await docker('rm', '-f', running, stopped);
    await connected.client.call('networks.remove', { id: name });
    expect(await cliNetworkNames()).not.toContain(name);
    expect(await refusal(connected.client.call('networks.remove', { id: name }))).toMatchObject({ code: 'not_found' });
  });
});

describe('pruning', () => {
  /** One set: an unused network, one a running container uses, one only a stopped container uses. */
  async function makeSet(label: string, subnet: string): Promise<{ unused: string; running: string; stopped: string; stoppedContainer: string }> {
    const names = { unused: networks.name('p-unused'), running: networks.name('p-running'), stopped: networks.name('p-stopped') };
    await docker('network', 'create', '--label', label, names.unused);
    await docker('network', 'create', '--label', label, '--subnet', subnet, names.running);
    await docker('network', 'create', '--label', label, names.stopped);
    await containers.run('p-user', '--network', names.running, testImage(), ...idleCommand);
    const stoppedContainer = containers.name('p-stopped-user');
    await docker('create', '--name', stoppedContainer, '--network', names.stopped, testImage(), 'true');
    return { ...names, stoppedContainer };
  }

  it('previews exactly what `docker network prune` removes, and removes that', async () => {
    const cliLabel = `berth.test.prune=${networks.name('cli')}`;
    const berthLabel = `berth.test.prune=${networks.name('berth')}`;
    const cliSet = await makeSet(cliLabel, subnets[10] as string);
    const berthSet = await makeSet(berthLabel, subnets[11] as string);

    const preview = await connected.client.call('networks.prunePreview', { filters: [`label=${berthLabel}`] });
    expect(preview.networks.map((network) => network.name).sort()).toEqual([berthSet.stopped, berthSet.unused].sort());
    expect(preview.networks.find((network) => network.name === berthSet.stopped)?.stoppedContainers).toEqual([berthSet.stoppedContainer]);

    const cliOut = await docker('network', 'prune', '-f', '--filter', `label=${cliLabel}`);
    const result = await connected.client.call('networks.prune', { filters: [`label=${berthLabel}`], only: preview.networks.map((network) => network.id) });
    // The same networks of each set went: those no running container uses.
    // `Deleted Networks:` and a name a line.
    expect(cliOut.split('\n').slice(1).filter(Boolean).sort()).toEqual([cliSet.stopped, cliSet.unused].sort());
    expect(result.kept).toEqual([]);
    expect([...result.removed].sort()).toEqual([berthSet.stopped, berthSet.unused].sort());
    const left = await cliNetworkNames();
    for (const set of [cliSet, berthSet]) {
      expect(left).toContain(set.running);
      expect(left).not.toContain(set.unused);
      expect(left).not.toContain(set.stopped);
    }
  });

  it('removes only what the preview listed: a network used since is kept and said so', async () => {
    const label = `berth.test.prune=${networks.name('only')}`;
    const first = networks.name('p-first');
    const second = networks.name('p-second');
    await docker('network', 'create', '--label', label, first);
    await docker('network', 'create', '--label', label, second);
    const preview = await connected.client.call('networks.prunePreview', { filters: [`label=${label}`] });
    expect(preview.networks.map((network) => network.name).sort()).toEqual([first, second].sort());
    await containers.run('p-late', '--network', second, testImage(), ...idleCommand);
    // Made after the preview: not listed, so not removed, though unused.
    const late = networks.name('p-late-net');
    await docker('network', 'create', '--label', label, late);

    const result = await connected.client.call('networks.prune', { filters: [`label=${label}`], only: preview.networks.map((network) => network.id) });
    expect(result.removed).toEqual([first]);
    expect(result.kept.map(({ name, reason }) => ({ name, reason }))).toEqual([{ name: second, reason: 'a container started on it since, or it no longer matches the filters' }]);
    const left = await cliNetworkNames();
    expect(left).toContain(second);
    expect(left).toContain(late);
    expect(left).not.toContain(first);
  });

  it('refuses a filter the engine would not take, naming it', async () => {
    const refused = await refusal(connected.client.call('networks.prunePreview', { filters: ['dangling=true'] }));
    expect(refused.code).toBe('invalid_argument');
    expect(refused.message).toMatch(/^networks\.prunePreview: filters\.0: dangling is no network prune filter: use label=\.\.\., label!=\.\.\. or until=\.\.\./);
  });
});

describe('live', () => {
  it('reports networks made, containers connected and networks removed from a shell, with what changed', async () => {
    const events = recordEvents(connected.client);
    try {
      const name = networks.name('live');
      const id = await docker('network', 'create', name);
      const created = await events.waitFor((event) => event.type === 'networks' && event.networks.some((entry) => entry.network?.name === name));
      expect(created.event).toMatchObject({ type: 'networks', actions: ['create'] });

      const member = await containers.run('live-member', testImage(), ...idleCommand);
      const memberId = await docker('inspect', '-f', '{{.Id}}', member);
      await docker('network', 'connect', '--alias', 'live', name, member);
      const connectedEvent = await events.waitFor(
        (event) => event.type === 'networks' && event.containers.some((entry) => entry.containerId === memberId && entry.attachments.some((attachment) => attachment.networkId === id)),
      );
      const ip = await docker('inspect', '-f', `{{(index .NetworkSettings.Networks "${name}").IPAddress}}`, member);
      if (connectedEvent.event.type !== 'networks') throw new Error('not a networks event');
      expect(connectedEvent.event.containers.find((entry) => entry.containerId === memberId)?.attachments.find((attachment) => attachment.networkId === id)?.ipv4Address).toBe(ip);

      await docker('network', 'disconnect', name, member);
      await events.waitFor((event) => event.type === 'networks' && event.containers.some((entry) => entry.containerId === memberId && !entry.attachments.some((attachment) => attachment.networkId === id)));
      await docker('network', 'rm', name);
      await events.waitFor((event) => event.type === 'networks' && event.networks.some((entry) => entry.networkId === id && entry.network === null));
    } finally {
      events.dispose();
    }
  });

  it("reports Berth's own connect of a stopped container, which the engine does not announce", async () => {
    const events = recordEvents(connected.client);
    try {
      const name = networks.name('quiet');
      await connected.client.call('networks.create', { name });
      const idle = containers.name('idle');
      const idleId = await docker('create', '--name', idle, testImage(), 'true');
      await connected.client.call('networks.connect', { network: name, container: idle });
      await events.waitFor((event) => event.type === 'networks' && event.containers.some((entry) => entry.containerId === idleId && entry.attachments.some((attachment) => attachment.networkName === name)));
    } finally {
      events.dispose();
    }
  });
});

describe('on Podman', () => {
  it('lists each container on its network, though Podman names the network by name where Docker gives its id', async () => {
    const url = process.env.BERTH_TEST_PODMAN_URL;
    if (!url) throw new Error('BERTH_TEST_PODMAN_URL is not set: run integration tests through `npm test`.');
    const podman = await connectBackend(url);
    const cli = (...args: string[]) => docker('-H', url, ...args);
    const name = `${networks.name('podman')}`;
    const member = `${containers.name('podman-member')}`;
    try {
      const id = await cli('network', 'create', '--subnet', subnets[0] as string, name);
      await cli('run', '-d', '--name', member, '--network', name, '--network-alias', 'pod-alias', `docker.io/${testImage()}`, ...idleCommand);
      const attachment = (await podman.client.call('networks.attachments', {})).find((entry) => entry.containerName === member);
      expect(attachment).toMatchObject({ networkId: id, networkName: name, containerState: 'running' });
      expect(attachment?.ipv4Address).toBe(hostIn(subnets[0] as string, 2));
      const inspected = await podman.client.call('networks.inspect', { id: name });
      expect(inspected.containers.map((endpoint) => [endpoint.containerName, endpoint.aliases.includes('pod-alias')])).toEqual([[member, true]]);
      expect(await podman.client.call('networks.drivers', {})).toEqual(expect.arrayContaining(['bridge', 'macvlan']));
    } finally {
      await cli('rm', '-f', member).catch(() => undefined);
      await cli('network', 'rm', name).catch(() => undefined);
      podman.close();
    }
  });
});
