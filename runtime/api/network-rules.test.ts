import { describe, expect, it } from 'vitest';
import { methods } from './contract.js';
import { parseSubnet } from './network-address.js';
import { addressInSubnetProblem, fixedAddressProblem, networkCreateProblems, type NetworkCreateInput } from './network-rules.js';
import { parseParams } from './validation.js';
import { BerthError } from './errors.js';
import { assertNetworkCreatable } from './networks.js';

const base: NetworkCreateInput = { driver: 'bridge', subnets: [], ipv6: false, labels: {}, options: {} };

function problems(input: Partial<NetworkCreateInput>) {
  return networkCreateProblems({ ...base, ...input }).map((problem) => [problem.path.join('.'), problem.reason]);
}

/** `networks.create` as the boundary and then the service check it: the message `berth api` prints, or null when accepted. */
function refusal(params: unknown): string | null {
  try {
    assertNetworkCreatable(parseParams('networks.create', methods['networks.create'].params, params));
    return null;
  } catch (error) {
    if (error instanceof BerthError) return error.message;
    throw error;
  }
}

describe('a new network', () => {
  it('takes a subnet with its gateway and IP range inside it, IPv4 and IPv6 together', () => {
    expect(
      problems({
        ipv6: true,
        subnets: [
          { subnet: '10.1.0.0/24', gateway: '10.1.0.1', ipRange: '10.1.0.128/25' },
          { subnet: 'fd00:1::/64', gateway: 'fd00:1::1' },
        ],
      }),
    ).toEqual([]);
  });

  it('names a gateway outside its subnet, of the other family, or the subnet or broadcast address itself', () => {
    expect(problems({ subnets: [{ subnet: '10.1.0.0/24', gateway: '10.1.1.1' }] })).toEqual([['subnets.0.gateway', 'gateway 10.1.1.1 is outside the subnet 10.1.0.0/24']]);
    expect(problems({ subnets: [{ subnet: '10.1.0.0/24', gateway: 'fd00::1' }] })).toEqual([['subnets.0.gateway', 'gateway fd00::1 is outside the subnet 10.1.0.0/24']]);
    expect(problems({ subnets: [{ subnet: '10.1.0.0/24', gateway: '10.1.0.0' }] })).toEqual([
      ['subnets.0.gateway', "gateway 10.1.0.0 is the subnet's own address (10.1.0.0/24), which no host can have"],
    ]);
    expect(problems({ subnets: [{ subnet: '10.1.0.0/24', gateway: '10.1.0.255' }] })).toEqual([['subnets.0.gateway', 'gateway 10.1.0.255 is the broadcast address of 10.1.0.0/24']]);
    expect(problems({ subnets: [{ subnet: '10.1.0.0/24', gateway: 'router' }] })).toEqual([['subnets.0.gateway', '"router" is not an IP address']]);
  });

  it('names an IP range outside its subnet', () => {
    expect(problems({ subnets: [{ subnet: '10.1.0.0/24', ipRange: '10.1.1.0/25' }] })).toEqual([['subnets.0.ipRange', '10.1.1.0/25 is outside the subnet 10.1.0.0/24']]);
    expect(problems({ subnets: [{ subnet: '10.1.0.0/24', ipRange: '10.1.0.0/23' }] })).toEqual([['subnets.0.ipRange', '10.1.0.0/23 is outside the subnet 10.1.0.0/24']]);
  });

  it('names subnets that overlap each other, an IPv6 subnet without ipv6, and a malformed one', () => {
    expect(problems({ subnets: [{ subnet: '10.1.0.0/16' }, { subnet: '10.1.5.0/24' }] })).toEqual([['subnets.1.subnet', '10.1.5.0/24 overlaps subnets.0 (10.1.0.0/16)']]);
    expect(problems({ subnets: [{ subnet: 'fd00:1::/64' }] })).toEqual([['subnets.0.subnet', 'fd00:1::/64 is an IPv6 subnet: set ipv6 to give the network IPv6']]);
    expect(problems({ subnets: [{ subnet: '10.1.0.1/24' }] })).toEqual([['subnets.0.subnet', '10.1.0.1/24 has host bits set: the subnet is 10.1.0.0/24']]);
  });

  it('takes a parent only for macvlan and ipvlan, and only an interface name', () => {
    expect(problems({ driver: 'macvlan', parent: 'eth0.10' })).toEqual([]);
    expect(problems({ driver: 'bridge', parent: 'eth0' })).toEqual([['parent', 'only macvlan and ipvlan networks have a parent interface']]);
    expect(problems({ driver: 'ipvlan', parent: '..' })[0]?.[0]).toBe('parent');
    expect(problems({ driver: 'macvlan', options: { parent: 'eth0' } })).toEqual([['options.parent', 'give the parent interface as parent, not as a driver option']]);
  });

  it('checks the values of the driver options the engine reads, and of its driver only', () => {
    expect(problems({ options: { 'com.docker.network.driver.mtu': '1400', 'com.docker.network.bridge.enable_icc': 'False', 'custom.thing': 'x y' } })).toEqual([]);
    expect(problems({ options: { 'com.docker.network.driver.mtu': 'abc' } })).toEqual([['options.com.docker.network.driver.mtu', 'must be a whole number of bytes from 68 to 65535, not "abc"']]);
    expect(problems({ options: { 'com.docker.network.bridge.enable_icc': 'maybe' } })).toEqual([['options.com.docker.network.bridge.enable_icc', 'must be true or false, not "maybe"']]);
    expect(problems({ options: { 'com.docker.network.bridge.name': 'a-very-long-bridge-name' } })[0]?.[0]).toBe('options.com.docker.network.bridge.name');
    expect(problems({ options: { 'com.docker.network.bridge.host_binding_ipv4': '::1' } })).toEqual([
      ['options.com.docker.network.bridge.host_binding_ipv4', 'must be an IPv4 address, not "::1"'],
    ]);
    expect(problems({ driver: 'macvlan', options: { macvlan_mode: 'l2' } })).toEqual([['options.macvlan_mode', 'must be one of bridge, vepa, passthru, private, not "l2"']]);
    expect(problems({ driver: 'bridge', options: { ipvlan_mode: 'l2' } })).toEqual([['options.ipvlan_mode', 'is an option of ipvlan networks; a bridge network does not read it']]);
    expect(problems({ options: { 'bad key': '1' } })).toEqual([['options.bad key', 'an option key cannot hold white space or control characters']]);
  });

  it('refuses label keys that are empty or hold "=", and control characters anywhere', () => {
    expect(problems({ labels: { 'com.example.team': 'web', empty: '' } })).toEqual([]);
    expect(problems({ labels: { '': 'x' } })).toEqual([['labels.', 'a label needs a key']]);
    expect(problems({ labels: { 'a=b': 'x' } })).toEqual([['labels.a=b', 'a label key cannot hold "="']]);
    expect(problems({ labels: { team: 'web\u001b[31m' } })).toEqual([['labels.team', 'a label value cannot hold control characters']]);
  });

  it('is refused before anything is sent, naming each field, as `berth api` prints it', () => {
    expect(refusal({ name: 'web', subnets: [{ subnet: '10.1.0.0/24', gateway: '10.2.0.1' }] })).toBe('networks.create: subnets.0.gateway: gateway 10.2.0.1 is outside the subnet 10.1.0.0/24');
    expect(refusal({ name: 'has space' })).toBe('networks.create: name: must start with a letter or digit and use only letters, digits, _ . -');
    expect(refusal({ name: 'web', driver: 'overlay' })).toMatch(/^networks\.create: driver: /);
    expect(refusal({ name: 'web', subnets: [{ subnet: '10.1.0.0/24', gw: '10.1.0.1' }] })).toMatch(/^networks\.create: subnets\.0\.gw: unknown field; allowed here: subnet, gateway, ipRange/);
    expect(refusal({ name: 'web', subnets: [{ subnet: '10.1.0.0' }] })).toBe('networks.create: subnets.0.subnet: must be a subnet in CIDR form, e.g. 10.1.0.0/24 or fd00:1::/64');
    expect(refusal({ name: 'web', subnets: [{ subnet: '10.1.0.0/24' }, { subnet: 'fd00::/64' }], options: { 'com.docker.network.driver.mtu': '9' } })).toBe(
      'networks.create: subnets.1.subnet: fd00::/64 is an IPv6 subnet: set ipv6 to give the network IPv6; options.com.docker.network.driver.mtu: must be a whole number of bytes from 68 to 65535, not "9"',
    );
    expect(refusal({ name: 'web', driver: 'macvlan', parent: 'eth0', ipv6: true, subnets: [{ subnet: 'fd00:9::/64' }], labels: { a: 'b' }, options: { macvlan_mode: 'bridge' } })).toBeNull();
  });
});

describe('a fixed address on a network', () => {
  const subnets = ['10.1.0.0/24', 'fd00:1::/64'];

  it('must lie inside a subnet of its family, and be no subnet or broadcast address', () => {
    expect(fixedAddressProblem('10.1.0.9', 4, 'web', subnets)).toBeNull();
    expect(fixedAddressProblem('fd00:1::9', 6, 'web', subnets)).toBeNull();
    expect(fixedAddressProblem('10.2.0.9', 4, 'web', subnets)).toBe('10.2.0.9 is outside the IPv4 subnet of network web (10.1.0.0/24)');
    expect(fixedAddressProblem('10.1.0.255', 4, 'web', subnets)).toBe('address 10.1.0.255 is the broadcast address of 10.1.0.0/24');
    expect(fixedAddressProblem('fd00:1::9', 4, 'web', subnets)).toBe('"fd00:1::9" is not an IPv4 address');
    expect(fixedAddressProblem('fd00:1::9', 6, 'db', ['10.1.0.0/24'])).toBe('network db has no IPv6 subnet');
  });

  it('reads a subnet with host bits as the engine kept it', () => {
    expect(fixedAddressProblem('10.1.0.9', 4, 'web', ['10.1.0.5/24'])).toBeNull();
  });

  it('says why an address is no gateway', () => {
    const read = parseSubnet('10.1.0.0/31');
    if (!read.ok) throw new Error(read.reason);
    // A /31 has two hosts and no broadcast address (RFC 3021).
    expect(addressInSubnetProblem('10.1.0.1', read.subnet, 'gateway')).toBeNull();
    expect(addressInSubnetProblem('10.1.0.0', read.subnet, 'gateway')).toBeNull();
  });
});
