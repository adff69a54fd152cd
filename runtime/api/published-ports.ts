import { isIpAddress } from './ip-address.js';
import type { PortSpec } from './run-spec.js';

/**
 * Published ports in the words of `docker run -p`, read and written once for the pasted
 * command, "Copy as docker run" and the recreate editor:
 *   [IP:][HOSTPORT[-END]:]CONTAINERPORT[-END][/PROTO]
 * IPv6 in brackets (`[::1]:8080:80`); no host port, or an IP with an empty one
 * (`127.0.0.1::80`), means a random free host port; ranges are expanded pairwise
 * (`8000-8001:80-81`) and must be as long as each other, except a host range for one container
 * port (`8000-8010:80`: the engine takes a free one of them). The long form
 * `published=8080,target=80,protocol=udp` says the same. Numbers out of 1-65535 are kept, so
 * that validation names the field (see `outOfRangePort`).
 */

/** The part of a `-p` value a refusal is about, for an editor that words it by part. */
export type PublishPart = 'protocol' | 'hostIp' | 'hostPort' | 'containerPort' | 'ranges' | 'longForm';

export type PublishedPorts = { ok: true; ports: PortSpec[] } | { ok: false; reason: string; part: PublishPart };

type Protocol = PortSpec['protocol'];
const isProtocol = (text: string): text is Protocol => text === 'tcp' || text === 'udp' || text === 'sctp';

function portRange(text: string): { start: number; end: number } | null {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  return end < start ? null : { start, end };
}

/** One `-p` value as the ports it publishes, or why it publishes none (to follow the value). */
export function parsePublishedPorts(text: string): PublishedPorts {
  if (text.includes('=')) return parseLongForm(text);
  const slash = text.lastIndexOf('/');
  const protocol = slash >= 0 ? text.slice(slash + 1) : 'tcp';
  const address = slash >= 0 ? text.slice(0, slash) : text;
  if (!isProtocol(protocol)) return { ok: false, reason: 'protocol must be tcp, udp or sctp', part: 'protocol' };

  // The last two fields are the ports; whatever comes before them, colons and all, is the IP.
  const parts = address.split(':');
  const containerText = parts.at(-1) ?? '';
  const hostText = parts.length >= 2 ? (parts.at(-2) ?? '') : '';
  let hostIp = parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
  if (hostIp.startsWith('[') && hostIp.endsWith(']')) hostIp = hostIp.slice(1, -1);
  if (hostIp !== '' && !isIpAddress(hostIp)) return { ok: false, reason: `"${hostIp}" is not an IP address`, part: 'hostIp' };

  const container = portRange(containerText);
  if (!container) return { ok: false, reason: `"${containerText}" is not a port or port range`, part: 'containerPort' };
  const host = hostText === '' ? null : portRange(hostText);
  if (hostText !== '' && !host) return { ok: false, reason: `"${hostText}" is not a port or port range`, part: 'hostPort' };
  const count = container.end - container.start + 1;
  if (host && host.end - host.start + 1 !== count) {
    // One container port, a range of host ports: the engine takes a free one of them.
    if (count === 1) {
      const port: PortSpec = { containerPort: container.start, protocol, hostPort: host.start, hostPortEnd: host.end };
      return { ok: true, ports: [hostIp === '' ? port : { ...port, hostIp }] };
    }
    return { ok: false, reason: 'the host and container port ranges differ in length', part: 'ranges' };
  }

  const ports: PortSpec[] = [];
  for (let offset = 0; offset < count; offset += 1) {
    const port: PortSpec = { containerPort: container.start + offset, protocol };
    if (hostIp !== '') port.hostIp = hostIp;
    if (host) port.hostPort = host.start + offset;
    ports.push(port);
  }
  return { ok: true, ports };
}

/** `published=8080,target=80,protocol=udp[,mode=ingress]`: the same as `8080:80/udp`. */
function parseLongForm(text: string): PublishedPorts {
  const fields = new Map(
    text.split(',').map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    }),
  );
  const unknown = [...fields.keys()].find((key) => !['target', 'published', 'protocol', 'mode'].includes(key));
  if (unknown !== undefined) return { ok: false, reason: `unknown field "${unknown}" (expected target, published, protocol, mode)`, part: 'longForm' };
  const target = fields.get('target');
  if (target === undefined || !/^\d+$/.test(target)) return { ok: false, reason: 'target must be a port number', part: 'longForm' };
  const published = fields.has('published') ? `${fields.get('published')}:` : '';
  return parsePublishedPorts(`${published}${target}/${fields.get('protocol') ?? 'tcp'}`);
}

const portWords = { containerPort: 'container port must be 1-65535', hostPort: 'host port must be 1-65535' } as const;

/** Which port of a parsed spec is outside 1-65535, as words to follow the field; null when none. */
export function outOfRangePort(port: PortSpec): string | null {
  const inRange = (n: number) => n >= 1 && n <= 65535;
  if (!inRange(port.containerPort)) return portWords.containerPort;
  if (port.hostPort !== undefined && !inRange(port.hostPort)) return portWords.hostPort;
  if (port.hostPortEnd !== undefined && !inRange(port.hostPortEnd)) return portWords.hostPort;
  return null;
}

/**
 * One `-p` value whose ports must all be in range, for an editor of ports: a problem is worded
 * by the port it is about (`container port must be 1-65535`) rather than by `-p` syntax.
 */
export function parsePublishedPortsInRange(text: string): { ok: true; ports: PortSpec[] } | { ok: false; reason: string } {
  const read = parsePublishedPorts(text);
  if (!read.ok) return { ok: false, reason: read.part === 'containerPort' || read.part === 'hostPort' ? portWords[read.part] : read.reason };
  const outOfRange = read.ports.map(outOfRangePort).find((problem) => problem !== null);
  return outOfRange === undefined ? read : { ok: false, reason: outOfRange };
}

/**
 * One port as `-p` takes it back. `tcp`, the default, is left out unless `protocol` is
 * `always` (an editor shows it so every line reads alike).
 */
export function formatPublishedPort(port: PortSpec, protocol: 'always' | 'unless-tcp' = 'unless-tcp'): string {
  const suffix = protocol === 'unless-tcp' && port.protocol === 'tcp' ? '' : `/${port.protocol}`;
  const hostPort = port.hostPort === undefined ? '' : port.hostPortEnd === undefined ? String(port.hostPort) : `${port.hostPort}-${port.hostPortEnd}`;
  if (port.hostIp !== undefined && port.hostIp !== '') {
    const ip = port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp;
    return `${ip}:${hostPort}:${port.containerPort}${suffix}`;
  }
  return `${hostPort === '' ? '' : `${hostPort}:`}${port.containerPort}${suffix}`;
}
