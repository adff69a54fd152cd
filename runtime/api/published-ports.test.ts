import { describe, expect, it } from 'vitest';
import { formatPublishedPort, outOfRangePort, parsePublishedPorts, parsePublishedPortsInRange } from './published-ports.js';
import type { PortSpec } from './run-spec.js';

const ports = (text: string): PortSpec[] => {
  const read = parsePublishedPorts(text);
  if (!read.ok) throw new Error(read.reason);
  return read.ports;
};
const reason = (text: string): string => {
  const read = parsePublishedPorts(text);
  if (read.ok) throw new Error(`expected ${text} to be refused`);
  return read.reason;
};

describe('parsePublishedPorts: docker run -p', () => {
  it.each([
    ['80', { containerPort: 80, protocol: 'tcp' }],
    ['8080:80/udp', { hostPort: 8080, containerPort: 80, protocol: 'udp' }],
    ['127.0.0.1:8080:80', { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
    ['127.0.0.1::80', { hostIp: '127.0.0.1', containerPort: 80, protocol: 'tcp' }],
    ['[::1]::80', { hostIp: '::1', containerPort: 80, protocol: 'tcp' }],
    ['[::1]:8082:84/sctp', { hostIp: '::1', hostPort: 8082, containerPort: 84, protocol: 'sctp' }],
    ['published=8080,target=80,protocol=udp', { hostPort: 8080, containerPort: 80, protocol: 'udp' }],
    ['target=80', { containerPort: 80, protocol: 'tcp' }],
  ])('reads the port %j', (text, port) => {
    expect(ports(text)).toEqual([port]);
  });

  it('expands ranges pairwise, with or without host ports', () => {
    expect(ports('8000-8002:90-92')).toEqual([
      { hostPort: 8000, containerPort: 90, protocol: 'tcp' },
      { hostPort: 8001, containerPort: 91, protocol: 'tcp' },
      { hostPort: 8002, containerPort: 92, protocol: 'tcp' },
    ]);
    expect(ports('100-101/udp')).toEqual([
      { containerPort: 100, protocol: 'udp' },
      { containerPort: 101, protocol: 'udp' },
    ]);
    expect(ports('[::1]::7-8')).toEqual([
      { hostIp: '::1', containerPort: 7, protocol: 'tcp' },
      { hostIp: '::1', containerPort: 8, protocol: 'tcp' },
    ]);
  });

  it('keeps out-of-range numbers for validation to name', () => {
    expect(ports('70000:80')).toEqual([{ hostPort: 70000, containerPort: 80, protocol: 'tcp' }]);
    expect(outOfRangePort({ hostPort: 70000, containerPort: 80, protocol: 'tcp' })).toBe('host port must be 1-65535');
    expect(outOfRangePort({ hostPort: 8080, containerPort: 99999, protocol: 'tcp' })).toBe('container port must be 1-65535');
    expect(outOfRangePort({ containerPort: 0, protocol: 'tcp' })).toBe('container port must be 1-65535');
    expect(outOfRangePort({ hostPort: 1, containerPort: 65535, protocol: 'tcp' })).toBeNull();
  });

  it('refuses what is not a port, naming the part', () => {
    expect(reason('80/xtp')).toBe('protocol must be tcp, udp or sctp');
    expect(reason('abc')).toBe('"abc" is not a port or port range');
    expect(reason('x:80')).toBe('"x" is not a port or port range');
    expect(reason('90-80')).toBe('"90-80" is not a port or port range');
    expect(reason('1.2.3:80:80')).toBe('"1.2.3" is not an IP address');
    expect(reason('[fe80::1%eth0]:80:80')).toMatch(/not an IP address/);
    expect(reason('8000-8001:80-82')).toMatch(/differ in length/);
    expect(reason('published=80,target=x')).toBe('target must be a port number');
    expect(reason('published=80,target=81,bogus=1')).toMatch(/unknown field "bogus"/);
  });
});

describe('a host port range for one container port', () => {
  it('is kept as a range the engine takes a free port of, and written back the same', () => {
    const read = parsePublishedPorts('[::1]:8000-8010:80/udp');
    expect(read).toEqual({ ok: true, ports: [{ hostIp: '::1', hostPort: 8000, hostPortEnd: 8010, containerPort: 80, protocol: 'udp' }] });
    if (read.ok) expect(read.ports.map((port) => formatPublishedPort(port))).toEqual(['[::1]:8000-8010:80/udp']);
    expect(parsePublishedPortsInRange('8000-99999:80')).toEqual({ ok: false, reason: 'host port must be 1-65535' });
  });
});

describe('parsePublishedPortsInRange: for an editor of ports', () => {
  it('words a problem by the port it is about', () => {
    expect(parsePublishedPortsInRange('8080:99999')).toEqual({ ok: false, reason: 'container port must be 1-65535' });
    expect(parsePublishedPortsInRange('http')).toEqual({ ok: false, reason: 'container port must be 1-65535' });
    expect(parsePublishedPortsInRange('x:80')).toEqual({ ok: false, reason: 'host port must be 1-65535' });
    expect(parsePublishedPortsInRange('0:80')).toEqual({ ok: false, reason: 'host port must be 1-65535' });
    expect(parsePublishedPortsInRange('80/xtp')).toEqual({ ok: false, reason: 'protocol must be tcp, udp or sctp' });
    expect(parsePublishedPortsInRange('8080-8081:80-81')).toEqual({ ok: true, ports: ports('8080-8081:80-81') });
  });
});

describe('formatPublishedPort', () => {
  it('writes -p words, tcp left out unless asked for', () => {
    expect(formatPublishedPort({ hostPort: 8080, containerPort: 80, protocol: 'tcp' })).toBe('8080:80');
    expect(formatPublishedPort({ containerPort: 82, protocol: 'tcp' })).toBe('82');
    expect(formatPublishedPort({ hostIp: '127.0.0.1', containerPort: 81, protocol: 'udp' })).toBe('127.0.0.1::81/udp');
    expect(formatPublishedPort({ hostIp: '::1', hostPort: 8080, containerPort: 80, protocol: 'tcp' })).toBe('[::1]:8080:80');
    expect(formatPublishedPort({ hostPort: 8080, containerPort: 80, protocol: 'tcp' }, 'always')).toBe('8080:80/tcp');
  });

  it('reads back as the same port', () => {
    const samples: PortSpec[] = [];
    for (const hostIp of [undefined, '0.0.0.0', '127.0.0.1', '::', '::1', 'fe80::1']) {
      for (const hostPort of [undefined, 1, 8080, 65535]) {
        for (const protocol of ['tcp', 'udp', 'sctp'] as const) {
          samples.push({ containerPort: 80, protocol, ...(hostIp === undefined ? {} : { hostIp }), ...(hostPort === undefined ? {} : { hostPort }) });
        }
      }
    }
    for (const port of samples) {
      expect(ports(formatPublishedPort(port))).toEqual([port]);
      expect(ports(formatPublishedPort(port, 'always'))).toEqual([port]);
    }
  });
});
