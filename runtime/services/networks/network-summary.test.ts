import { describe, expect, it } from 'vitest';
import { BerthError, type NetworkAttachment } from '../../api/index.js';
import type { EngineContainerNetworks, EngineNetwork } from '../../engine/json/network.js';
import { connectRefusal, createRefusal } from './network-refusals.js';
import { enginePruneFilters, pruneCandidates } from './network-prune.js';
import { attachmentsOf, endpointOf, NetworkIndex, toNetworkSummary } from './network-summary.js';

const idA = 'a'.repeat(64);
const idB = 'b'.repeat(64);
const network = (id: string, name: string, extra: Partial<EngineNetwork> = {}): EngineNetwork => ({ Id: id, Name: name, Created: '2026-11-30T10:00:00.123456789Z', ...extra });

describe('a network as the contract gives it', () => {
  it('reads subnets, gateways, ranges and flags, and marks the predefined ones', () => {
    const summary = toNetworkSummary(
      'e1',
      network(idA, 'web', {
        Driver: 'bridge',
        Scope: 'local',
        EnableIPv6: true,
        Internal: true,
        IPAM: { Driver: 'default', Config: [{ Subnet: '10.1.0.0/24', Gateway: '10.1.0.1', IPRange: '10.1.0.128/25' }, { Subnet: 'fd00:1::/64' }] },
        Labels: { team: 'web' },
      }),
    );
    expect(summary).toMatchObject({
      id: idA,
      name: 'web',
      ipv6: true,
      internal: true,
      attachable: false,
      subnets: [
        { subnet: '10.1.0.0/24', gateway: '10.1.0.1', ipRange: '10.1.0.128/25' },
        { subnet: 'fd00:1::/64', gateway: null, ipRange: null },
      ],
      labels: { team: 'web' },
      predefined: false,
    });
    expect(toNetworkSummary('e1', network(idB, 'bridge')).predefined).toBe(true);
  });
});

describe('which network a container entry names', () => {
  const networks = [network(idA, 'web'), network(idB, 'db')];
  const container = (networksOf: Record<string, { NetworkID?: string; IPAddress?: string; MacAddress?: string }>, state = 'running'): EngineContainerNetworks => ({
    Id: 'c'.repeat(64),
    Names: ['/api'],
    State: state,
    NetworkSettings: { Networks: networksOf },
  });

  it('is the id Docker gives, or the name for a container never started (no id yet)', () => {
    const attachments = attachmentsOf([container({ web: { NetworkID: idA, IPAddress: '10.1.0.2', MacAddress: '02:42:0a:01:00:02' }, db: { NetworkID: '' } })], new NetworkIndex(networks));
    expect(attachments.map((a) => [a.networkName, a.ipv4Address, a.macAddress])).toEqual([
      ['web', '10.1.0.2', '02:42:0a:01:00:02'],
      ['db', null, null],
    ]);
    expect(attachments[0]).toMatchObject({ containerName: 'api', containerState: 'running', networkId: idA });
  });

  it("is the name Podman writes where the id should be", () => {
    expect(attachmentsOf([container({ web: { NetworkID: 'web', IPAddress: '10.1.0.2' } })], new NetworkIndex(networks))[0]?.networkId).toBe(idA);
  });

  it('is nothing for a network that no longer exists, or another of the same name', () => {
    const elsewhere = 'f'.repeat(64);
    expect(attachmentsOf([container({ web: { NetworkID: elsewhere } })], new NetworkIndex(networks))).toEqual([]);
    // Two networks named alike: an entry without an id cannot say which, so it is neither.
    const twins = new NetworkIndex([network(idA, 'web'), network(idB, 'web')]);
    expect(attachmentsOf([container({ web: { NetworkID: '' } })], twins)).toEqual([]);
    expect(attachmentsOf([container({ web: { NetworkID: idB } })], twins)[0]?.networkId).toBe(idB);
  });

  it("takes the aliases from the container's inspect, for that network", () => {
    const attachment = attachmentsOf([container({ web: { NetworkID: idA } })], new NetworkIndex(networks))[0] as NetworkAttachment;
    expect(endpointOf(attachment, { Id: 'c', NetworkSettings: { Networks: { web: { Aliases: ['api-alias', 'cccccccccccc'] } } } }).aliases).toEqual(['api-alias', 'cccccccccccc']);
    expect(endpointOf(attachment, null).aliases).toEqual([]);
  });
});

describe('what a network prune looks at', () => {
  const at = (iso: string) => ({ Created: iso });
  const networks = [
    network('1'.repeat(64), 'bridge'),
    network('2'.repeat(64), 'host'),
    network('3'.repeat(64), 'none'),
    network('4'.repeat(64), 'old', { ...at('2026-01-01T00:00:00Z'), Labels: { team: 'web' } }),
    network('5'.repeat(64), 'new', { ...at('2026-11-30T00:00:00.000000001Z'), Labels: { team: 'db' } }),
    network('6'.repeat(64), 'config', { ConfigOnly: true }),
  ];
  const names = (list: EngineNetwork[]) => list.map((n) => n.Name);

  it('leaves out the predefined and config-only networks', () => {
    expect(names(pruneCandidates(networks, { label: [], 'label!': [] }, null))).toEqual(['old', 'new']);
  });

  it('keeps networks made at or before until, to the nanosecond', () => {
    expect(names(pruneCandidates(networks, { label: [], 'label!': [] }, { seconds: Date.parse('2026-11-30T00:00:00Z') / 1000, nanos: 0 }))).toEqual(['old']);
    expect(names(pruneCandidates(networks, { label: [], 'label!': [] }, { seconds: Date.parse('2026-11-30T00:00:00Z') / 1000, nanos: 1 }))).toEqual(['old', 'new']);
  });

  it('follows label and label! as the engine matches them', () => {
    expect(names(pruneCandidates(networks, { label: ['team=web'], 'label!': [] }, null))).toEqual(['old']);
    expect(names(pruneCandidates(networks, { label: [], 'label!': ['team=web'] }, null))).toEqual(['new']);
    expect(names(pruneCandidates(networks, { label: ['team'], 'label!': [] }, null))).toEqual(['old', 'new']);
  });

  it('sends the engine the same until the preview used', () => {
    expect(enginePruneFilters({ label: ['a'], 'label!': [] }, { seconds: 1700000000, nanos: 5 })).toEqual({ label: ['a'], until: ['1700000000.000000005'] });
  });
});

describe("the engine's refusal, with its field", () => {
  const engineError = (status: number, message: string) => new BerthError(status === 409 || status === 403 ? 'conflict' : 'invalid_argument', message, { status });
  const asked = { driver: 'bridge' as const, parent: undefined, subnets: [{ subnet: '10.77.0.0/24' }], ipv6: false, options: {} };

  it('names the name for a name in use, and the subnet and the network holding it for an overlap', () => {
    const taken = createRefusal(engineError(409, 'network with name web already exists'), asked, []) as BerthError;
    expect([taken.code, taken.message, taken.details?.field]).toEqual(['conflict', 'networks.create: name: network with name web already exists', 'name']);
    const overlap = createRefusal(engineError(403, 'Pool overlaps with other one on this address space'), asked, [network(idA, 'web', { IPAM: { Config: [{ Subnet: '10.77.0.0/16' }] } })]) as BerthError;
    expect(overlap.message).toBe('networks.create: subnets.0.subnet: Pool overlaps with other one on this address space (network web has 10.77.0.0/16)');
  });

  it('names ipv6 when the engine has no IPv6 pool to pick from', () => {
    const refused = createRefusal(engineError(404, 'could not find an available, non-overlapping IPv6 address pool'), { ...asked, subnets: [], ipv6: true }, []) as BerthError;
    expect([refused.code, refused.details?.field]).toEqual(['conflict', 'ipv6']);
  });

  it('names the options, or the parent, for what the driver cannot take', () => {
    expect((createRefusal(engineError(500, 'failed to parse'), { ...asked, options: { x: 'y' } }, []) as BerthError).details?.field).toBe('options');
    expect((createRefusal(engineError(500, 'operation not supported'), { ...asked, driver: 'macvlan', parent: 'eth9' }, []) as BerthError).details?.field).toBe('parent');
  });

  it('names the fixed address, the aliases or the network a connect is refused for', () => {
    const none = { aliases: [], ipv4Address: undefined, ipv6Address: undefined };
    expect((connectRefusal(engineError(400, 'user specified IP address is supported only ...'), { ...none, ipv4Address: '10.1.0.9' }) as BerthError).details?.field).toBe('ipv4Address');
    expect((connectRefusal(engineError(400, 'network-scoped alias is supported only ...'), { ...none, aliases: ['x'] }) as BerthError).details?.field).toBe('aliases');
    expect((connectRefusal(engineError(400, 'container cannot be connected to host network'), none) as BerthError).details?.field).toBe('network');
    const missing = engineError(404, 'No such container: x');
    expect(connectRefusal(missing, none)).toBe(missing);
  });
});
