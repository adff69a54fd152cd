import type { ContainerPort } from '../api/index.js';
import type { EngineContainerListItem, EnginePortBindings } from './json/container.js';

/**
 * The engine's published ports, read once. The engine writes them two ways: inspect's
 * `NetworkSettings.Ports` / `HostConfig.PortBindings` (`{"80/tcp": [{HostIp, HostPort}]}`, an
 * empty or null list for an exposed port nothing publishes) and the list's `Ports` array.
 */

/** One container port and, when published, where on the host. */
export interface EnginePort {
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  /** Empty when bound on every address, or not published. */
  hostIp: string;
  /** The host port as the engine wrote it (a number, or a range like `8000-8010` it picks from); null when not published. */
  hostPort: string | null;
}

function protocolOf(text: string | null | undefined): EnginePort['protocol'] {
  return text === 'udp' || text === 'sctp' ? text : 'tcp';
}

/** `{"80/tcp": [...]}` -> one entry per binding, or one unpublished entry for a port with none. */
export function readPortBindings(bindings: EnginePortBindings): EnginePort[] {
  const ports: EnginePort[] = [];
  for (const [key, list] of Object.entries(bindings ?? {})) {
    const [port = '0', protocol] = key.split('/');
    const containerPort = Number(port);
    if (!list || list.length === 0) {
      ports.push({ containerPort, protocol: protocolOf(protocol), hostIp: '', hostPort: null });
      continue;
    }
    for (const binding of list) {
      ports.push({ containerPort, protocol: protocolOf(protocol), hostIp: binding.HostIp ?? '', hostPort: binding.HostPort ? binding.HostPort : null });
    }
  }
  return ports;
}

/** The list's `Ports` array, in the same form. */
export function readListPorts(ports: EngineContainerListItem['Ports']): EnginePort[] {
  return (ports ?? []).map((port) => ({
    containerPort: port.PrivatePort,
    protocol: protocolOf(port.Type),
    hostIp: port.IP ?? '',
    hostPort: port.PublicPort ? String(port.PublicPort) : null,
  }));
}

/**
 * As the Containers page lists them: one entry per host address (the engine writes 0.0.0.0 and
 * :: separately), sorted by port, then host port, then address, for a stable UI.
 */
export function containerPortsOf(ports: readonly EnginePort[]): ContainerPort[] {
  return ports
    .map((port) => ({
      privatePort: port.containerPort,
      protocol: port.protocol,
      ...(port.hostPort !== null && /^\d+$/.test(port.hostPort) ? { publicPort: Number(port.hostPort) } : {}),
      ...(port.hostIp ? { ip: port.hostIp } : {}),
    }))
    .sort((a, b) => a.privatePort - b.privatePort || (a.publicPort ?? 0) - (b.publicPort ?? 0) || compareText(a.ip ?? '', b.ip ?? ''));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
