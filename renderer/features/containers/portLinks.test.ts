import { describe, expect, it } from 'vitest';
import { portHost, portUrl, portViews } from './portLinks.js';

describe('port links', () => {
  it.each([
    [undefined, '127.0.0.1'],
    ['', '127.0.0.1'],
    ['0.0.0.0', '127.0.0.1'],
    ['::', '127.0.0.1'],
    ['127.0.0.1', '127.0.0.1'],
    ['192.168.1.20', '192.168.1.20'],
    ['::1', '[::1]'],
    ['fe80::1', '[fe80::1]'],
  ])('opens a port bound to %s on %s', (ip, host) => {
    expect(portHost(ip)).toBe(host);
  });

  it('links published TCP ports only', () => {
    expect(portUrl({ privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp' })).toBe('http://127.0.0.1:8080/');
    expect(portUrl({ privatePort: 80, publicPort: 8080, ip: '::1', protocol: 'tcp' })).toBe('http://[::1]:8080/');
    expect(portUrl({ privatePort: 53, publicPort: 5353, ip: '0.0.0.0', protocol: 'udp' })).toBeNull();
    expect(portUrl({ privatePort: 80, protocol: 'tcp' })).toBeNull();
  });

  it('shows unpublished ports as text and drops the IPv4/IPv6 duplicate of one binding', () => {
    const views = portViews([
      { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp' },
      { privatePort: 80, publicPort: 8080, ip: '::', protocol: 'tcp' },
      { privatePort: 443, protocol: 'tcp' },
      { privatePort: 53, publicPort: 5353, ip: '0.0.0.0', protocol: 'udp' },
    ]);
    expect(views).toEqual([
      { kind: 'link', key: 'http://127.0.0.1:8080/>80/tcp', href: 'http://127.0.0.1:8080/', text: '8080 → 80/tcp', title: 'Open http://127.0.0.1:8080/' },
      { kind: 'text', key: '443/tcp', text: '443/tcp' },
      { kind: 'text', key: '0.0.0.0:5353>53/udp', text: '5353 → 53/udp' },
    ]);
  });
});
