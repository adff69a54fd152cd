import { describe, expect, it } from 'vitest';
import { containerPortsOf, readListPorts, readPortBindings } from './ports.js';

describe('published ports as the engine writes them', () => {
  it('reads inspect bindings: one entry per binding, and an exposed port nothing publishes', () => {
    expect(
      readPortBindings({ '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }, { HostIp: '::', HostPort: '8080' }], '53/udp': null, '90/tcp': [{ HostIp: '', HostPort: '' }] }),
    ).toEqual([
      { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: '8080' },
      { containerPort: 80, protocol: 'tcp', hostIp: '::', hostPort: '8080' },
      { containerPort: 53, protocol: 'udp', hostIp: '', hostPort: null },
      { containerPort: 90, protocol: 'tcp', hostIp: '', hostPort: null },
    ]);
    expect(readPortBindings(null)).toEqual([]);
  });

  it('reads the list form the same way', () => {
    expect(readListPorts([{ IP: '127.0.0.1', PrivatePort: 81, PublicPort: 18081, Type: 'udp' }, { PrivatePort: 82, Type: 'tcp' }])).toEqual([
      { containerPort: 81, protocol: 'udp', hostIp: '127.0.0.1', hostPort: '18081' },
      { containerPort: 82, protocol: 'tcp', hostIp: '', hostPort: null },
    ]);
  });

  it('gives the Containers page the same ports whichever form they came from, sorted', () => {
    const fromInspect = containerPortsOf(readPortBindings({ '80/tcp': [{ HostIp: '::', HostPort: '8080' }, { HostIp: '0.0.0.0', HostPort: '8080' }], '22/tcp': null }));
    const fromList = containerPortsOf(readListPorts([{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }, { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }, { PrivatePort: 22, Type: 'tcp' }]));
    expect(fromInspect).toEqual(fromList);
    expect(fromInspect).toEqual([
      { privatePort: 22, protocol: 'tcp' },
      { privatePort: 80, protocol: 'tcp', publicPort: 8080, ip: '0.0.0.0' },
      { privatePort: 80, protocol: 'tcp', publicPort: 8080, ip: '::' },
    ]);
  });
});
