import { describe, expect, it } from 'vitest';
import { isIpAddress, isIpv4Address, isIpv6Address } from './ip-address.js';

describe('IP addresses', () => {
  it.each(['1.2.3.4', '0.0.0.0', '255.255.255.255', '127.0.0.1'])('%s is IPv4', (text) => {
    expect(isIpv4Address(text)).toBe(true);
    expect(isIpAddress(text)).toBe(true);
  });

  it.each(['::', '::1', '1::', '1:2:3:4:5:6:7:8', '1::2:3:4:5:6:7', '1:2:3:4:5:6:7::', '::1:2:3:4:5:6:7', 'fe80::1', 'FE80::A', '::ffff:1.2.3.4', '::1.2.3.4', '1:2:3:4:5:6:1.2.3.4'])(
    '%s is IPv6',
    (text) => {
      expect(isIpv6Address(text)).toBe(true);
      expect(isIpAddress(text)).toBe(true);
    },
  );

  it.each([
    '',
    '1.2.3',
    '1.2.3.4.5',
    '01.2.3.4',
    '256.1.1.1',
    '1.2.3.4 ',
    ' 1.2.3.4',
    'localhost',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::8',
    '1::2::3',
    '12345::',
    'g::1',
    ':1',
    '1:',
    '[::1]',
    'fe80::1%eth0',
    '1:2:3:4:5:6:7:1.2.3.4',
    '::1.2.3',
    '::1.2.3.4:5',
  ])('%j is not an IP address', (text) => {
    expect(isIpAddress(text)).toBe(false);
  });
});
