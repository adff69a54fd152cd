import { describe, expect, it } from 'vitest';
import { formatIpAddress, formatSubnet, lastAddressOf, parseIpAddress, parseSubnet, subnetContains, subnetsOverlap, subnetWithin, type Subnet } from './network-address.js';

function subnet(text: string): Subnet {
  const read = parseSubnet(text);
  if (!read.ok) throw new Error(read.reason);
  return read.subnet;
}

function address(text: string) {
  const read = parseIpAddress(text);
  if (read === null) throw new Error(`not an address: ${text}`);
  return read;
}

describe('subnets', () => {
  it.each(['10.1.0.0/24', '0.0.0.0/0', '10.1.2.3/32', 'fd00:1::/64', '::/0', '2001:db8::/32', '::ffff:10.0.0.0/120'])('reads %s', (text) => {
    expect(parseSubnet(text).ok).toBe(true);
  });

  it('refuses host bits, naming the subnet meant', () => {
    expect(parseSubnet('10.1.0.5/24')).toEqual({ ok: false, reason: '10.1.0.5/24 has host bits set: the subnet is 10.1.0.0/24' });
    expect(parseSubnet('fd00:1::1/64')).toEqual({ ok: false, reason: 'fd00:1::1/64 has host bits set: the subnet is fd00:1::/64' });
    // As the engine keeps it, when asked to.
    expect(parseSubnet('10.1.0.5/24', { allowHostBits: true })).toEqual({ ok: true, subnet: subnet('10.1.0.0/24') });
  });

  it.each([
    ['10.1.0.0', /CIDR form/],
    ['10.1.0.0/33', /from 0 to 32 for an IPv4 subnet/],
    ['fd00::/129', /from 0 to 128 for an IPv6 subnet/],
    ['10.1.0.0/024', /prefix length/],
    ['10.1.0.0/', /prefix length/],
    ['10.1.0/24', /"10.1.0" is not an IPv4 or IPv6 address/],
    ['web/24', /not an IPv4 or IPv6 address/],
  ])('refuses %s', (text, reason) => {
    const read = parseSubnet(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });

  it('knows its first and last address', () => {
    expect(formatIpAddress({ family: 4, value: lastAddressOf(subnet('10.1.0.0/24')) })).toBe('10.1.0.255');
    expect(formatIpAddress({ family: 4, value: lastAddressOf(subnet('10.1.0.7/32')) })).toBe('10.1.0.7');
    expect(formatIpAddress({ family: 6, value: lastAddressOf(subnet('fd00:1::/64')) })).toBe('fd00:1::ffff:ffff:ffff:ffff');
    expect(formatIpAddress({ family: 4, value: lastAddressOf(subnet('0.0.0.0/0')) })).toBe('255.255.255.255');
  });

  it('tells what is inside', () => {
    expect(subnetContains(subnet('10.1.0.0/24'), address('10.1.0.0'))).toBe(true);
    expect(subnetContains(subnet('10.1.0.0/24'), address('10.1.0.255'))).toBe(true);
    expect(subnetContains(subnet('10.1.0.0/24'), address('10.1.1.0'))).toBe(false);
    expect(subnetContains(subnet('10.1.0.0/24'), address('::ffff:10.1.0.1'))).toBe(false); // another family
    expect(subnetContains(subnet('fd00:1::/64'), address('fd00:1::abcd'))).toBe(true);
    expect(subnetContains(subnet('fd00:1::/64'), address('fd00:2::1'))).toBe(false);
    expect(subnetWithin(subnet('10.1.0.128/25'), subnet('10.1.0.0/24'))).toBe(true);
    expect(subnetWithin(subnet('10.1.0.0/24'), subnet('10.1.0.0/24'))).toBe(true);
    expect(subnetWithin(subnet('10.1.0.0/23'), subnet('10.1.0.0/24'))).toBe(false);
    expect(subnetWithin(subnet('10.1.1.0/25'), subnet('10.1.0.0/24'))).toBe(false);
  });

  it('tells overlaps, either way round, and none across families', () => {
    expect(subnetsOverlap(subnet('10.77.0.0/16'), subnet('10.77.3.0/24'))).toBe(true);
    expect(subnetsOverlap(subnet('10.77.3.0/24'), subnet('10.77.0.0/16'))).toBe(true);
    expect(subnetsOverlap(subnet('10.77.0.0/24'), subnet('10.77.1.0/24'))).toBe(false);
    expect(subnetsOverlap(subnet('10.77.0.0/24'), subnet('10.77.0.255/32'))).toBe(true);
    expect(subnetsOverlap(subnet('0.0.0.0/0'), subnet('::/0'))).toBe(false);
  });

  it('writes addresses and subnets back as the CLI would (IPv6 compressed)', () => {
    expect(formatSubnet(subnet('2001:0db8:0000:0000:0000:0000:0000:0000/32'))).toBe('2001:db8::/32');
    expect(formatIpAddress(address('1:0:0:2:0:0:0:3'))).toBe('1:0:0:2::3');
    expect(formatIpAddress(address('::'))).toBe('::');
    expect(formatIpAddress(address('1:2:3:4:5:6:7:8'))).toBe('1:2:3:4:5:6:7:8');
    expect(formatIpAddress(address('::ffff:1.2.3.4'))).toBe('::ffff:102:304');
  });
});
