import { describe, expect, it } from 'vitest';
import { emptyNetworkForm, readNetworkForm } from './createNetworkForm.js';

const form = (overrides: Partial<typeof emptyNetworkForm>) => ({ ...emptyNetworkForm, name: 'app-net', ...overrides });

describe('the Create network form', () => {
  it('reads into networks.create params: IPv4 and IPv6 subnets, labels and options as KEY=VALUE lines', () => {
    const read = readNetworkForm(
      form({ subnet: '10.1.0.0/24', gateway: '10.1.0.1', ipRange: '10.1.0.128/25', ipv6: true, subnet6: 'fd00:1::/64', labels: 'team=web\n\nowner=me=you', options: 'com.docker.network.driver.mtu=1400' }),
    );
    expect(read.problems).toEqual({});
    expect(read.params).toEqual({
      name: 'app-net',
      driver: 'bridge',
      subnets: [{ subnet: '10.1.0.0/24', gateway: '10.1.0.1', ipRange: '10.1.0.128/25' }, { subnet: 'fd00:1::/64' }],
      ipv6: true,
      internal: false,
      attachable: false,
      labels: { team: 'web', owner: 'me=you' },
      options: { 'com.docker.network.driver.mtu': '1400' },
    });
  });

  it("shows the backend's own rules next to each field, and sends nothing meanwhile", () => {
    const read = readNetworkForm(form({ subnet: '10.1.0.0/24', gateway: '10.2.0.1', ipv6: true, subnet6: 'fd00:1::/64', gateway6: '10.1.0.1', options: 'mtu' }));
    expect(read.params).toBeNull();
    expect(read.problems).toEqual({
      gateway: 'Gateway: gateway 10.2.0.1 is outside the subnet 10.1.0.0/24',
      gateway6: 'IPv6 gateway: gateway 10.1.0.1 is outside the subnet fd00:1::/64',
      options: 'Driver options, line 1: must be KEY=VALUE, not "mtu"',
    });
  });

  it('names a gateway without its subnet, and a malformed name', () => {
    expect(readNetworkForm(form({ gateway: '10.1.0.1' })).problems).toEqual({ subnet: 'Subnet: a gateway or IP range needs its subnet' });
    expect(readNetworkForm(form({ name: 'my net' })).problems).toEqual({ name: 'Name: must start with a letter or digit and use only letters, digits, _ . -' });
  });

  it('sends the parent only for macvlan and ipvlan', () => {
    expect(readNetworkForm(form({ driver: 'macvlan', parent: 'eth0' })).params).toMatchObject({ driver: 'macvlan', parent: 'eth0' });
    expect(readNetworkForm(form({ driver: 'bridge', parent: 'eth0' })).params).not.toHaveProperty('parent');
  });

  it('maps an engine refusal to its field: the IPv6 subnet is subnets.1 when both are given', () => {
    const read = readNetworkForm(form({ subnet: '10.1.0.0/24', ipv6: true, subnet6: 'fd00:1::/64' }));
    expect(read.fieldOf('subnets.1.subnet')).toBe('subnet6');
    expect(read.fieldOf('subnets.0.subnet')).toBe('subnet');
    expect(read.fieldOf('name')).toBe('name');
    expect(readNetworkForm(form({ ipv6: true, subnet6: 'fd00:1::/64' })).fieldOf('subnets.0.subnet')).toBe('subnet6');
  });
});
