import { describe, expect, it } from 'vitest';
import { parseIpv4Range, pickFreeSubnet, type Ipv4Range } from './test-bridge.js';
import { testBridgeName } from '../runtime/testing/test-engine.js';

function ranges(...cidrs: string[]): Ipv4Range[] {
  return cidrs.map((cidr) => {
    const range = parseIpv4Range(cidr);
    if (!range) throw new Error(`bad test data ${cidr}`);
    return range;
  });
}

describe('parseIpv4Range', () => {
  it('reads an address with or without a prefix as the network it belongs to', () => {
    expect(parseIpv4Range('10.213.7.1/24')).toEqual(parseIpv4Range('10.213.7.0/24'));
    expect(parseIpv4Range('192.0.2.2')).toEqual({ start: 0xc0000202, prefixLength: 32 });
    expect(parseIpv4Range('0.0.0.0/0')).toEqual({ start: 0, prefixLength: 0 });
  });

  it('refuses what is not an IPv4 range', () => {
    expect(parseIpv4Range('default')).toBeNull();
    expect(parseIpv4Range('fe80::1/64')).toBeNull();
    expect(parseIpv4Range('10.0.0.256/24')).toBeNull();
    expect(parseIpv4Range('10.0.0.0/33')).toBeNull();
  });
});

describe('pickFreeSubnet', () => {
  it('picks a /24 of 10.213.0.0/16 that no address or route on the machine overlaps', () => {
    const used = ranges('127.0.0.1/8', '172.17.0.1/16', '10.213.0.1/24', '10.213.1.0/24', '10.213.2.9/32');
    expect(pickFreeSubnet(used, () => 0)).toBe('10.213.3.0/24');
  });

  it('chooses among the free ones with the random source', () => {
    expect(pickFreeSubnet([], (max) => max - 1)).toBe('10.213.255.0/24');
    expect(pickFreeSubnet(ranges('10.213.0.0/17'), () => 0)).toBe('10.213.128.0/24');
  });

  it('answers null when a wider route covers the whole pool (a VPN on 10.0.0.0/8)', () => {
    expect(pickFreeSubnet(ranges('10.0.0.0/8'))).toBeNull();
  });
});

describe('testBridgeName', () => {
  it('names the bridge after the data directory, within the 15 bytes an interface name may have', () => {
    expect(testBridgeName('/tmp/berth-test-Ab12Cd')).toBe('berth-Ab12Cd');
    expect(testBridgeName('/tmp/berth-test-Ab12Cd-much-longer').length).toBeLessThanOrEqual(15);
  });
});
