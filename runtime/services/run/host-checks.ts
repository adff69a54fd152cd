import { createSocket } from 'node:dgram';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { FieldIssue, RunSpec } from '../../api/index.js';
import type { ContainerCalls } from '../../engine/client/containers.js';
import type { EngineContainerListItem } from '../../engine/json/container.js';

/**
 * The checks that ask the world: is the name taken, is the host port taken (by a container the
 * engine knows, or, when the engine runs on this machine, by any process), does the bind
 * source exist. `excludeContainerId` leaves out the container a recreate replaces: it holds
 * the name and the ports that the new one will take over.
 */
export interface HostCheckContext {
  containers: Pick<ContainerCalls, 'list'>;
  /** True when the engine runs on this machine (unix socket): host ports and paths are ours to probe. */
  isLocal: boolean;
  excludeContainerId?: string;
  signal?: AbortSignal;
}

export async function hostIssues(spec: RunSpec, context: HostCheckContext): Promise<FieldIssue[]> {
  // Ask the engine only what the spec needs: listing every container costs ~75 ms at 1,000
  // containers, which would dominate create+start (bench/measure-create.ts).
  const { signal } = context;
  const name = spec.name?.replace(/^\//, '');
  const wantsHostPorts = spec.ports.some((port) => port.hostPort !== undefined);
  const [named, running] = await Promise.all([
    name === undefined ? [] : context.containers.list({ all: true, filters: { name: [`^/${escapeRegExp(name)}$`] } }, signal),
    wantsHostPorts ? context.containers.list({ filters: { status: ['running'] } }, signal) : [],
  ]);
  const containers = running;
  const others = running.filter((container) => container.Id !== context.excludeContainerId);
  const issues: FieldIssue[] = [];

  if (name !== undefined) {
    const wanted = `/${name}`;
    const holder = named.find((container) => container.Id !== context.excludeContainerId && (container.Names ?? []).includes(wanted));
    if (holder) issues.push({ field: 'name', message: `"${spec.name}" is already used by container ${holder.Id.slice(0, 12)}` });
  }

  const replaced = containers.find((container) => container.Id === context.excludeContainerId);
  for (const [index, port] of spec.ports.entries()) {
    // A range (`8000-8010:80`) leaves the engine to take a free one: nothing to probe.
    if (port.hostPort === undefined || port.hostPortEnd !== undefined || port.hostPort < 1 || port.hostPort > 65535) continue;
    const field = `ports.${index}.hostPort`;
    const holder = others.find((container) => container.State === 'running' && holdsPort(container, port.hostPort ?? 0, port.protocol, port.hostIp));
    if (holder) {
      issues.push({ field, message: `port ${port.hostPort} is already allocated on the host by container ${holder.Names?.[0]?.replace(/^\//, '') ?? holder.Id.slice(0, 12)}` });
      continue;
    }
    const heldByReplaced = replaced !== undefined && holdsPort(replaced, port.hostPort, port.protocol, port.hostIp);
    if (!context.isLocal || heldByReplaced || port.protocol === 'sctp') continue;
    const probe = await probePort(port.hostIp, port.hostPort, port.protocol);
    if (probe === 'in_use') issues.push({ field, message: `port ${port.hostPort} is already in use on the host` });
    if (probe === 'no_such_address') issues.push({ field: `ports.${index}.hostIp`, message: `${port.hostIp ?? ''} is not an address of the engine host` });
  }

  if (context.isLocal) {
    for (const [index, mount] of spec.mounts.entries()) {
      if (mount.type !== 'bind' || !mount.source.startsWith('/')) continue;
      const exists = await stat(mount.source).then(
        () => true,
        () => false,
      );
      if (!exists) issues.push({ field: `mounts.${index}.source`, message: `${mount.source} does not exist on the engine host` });
    }
    // `--mount type=bind` is refused by the engine when its source is missing; `--device` only at start.
    const local: [string, string | undefined][] = [
      ...spec.mountFlags.map((mount, index): [string, string | undefined] => [`mountFlags.${index}.source`, mount.type === 'bind' ? mount.source : undefined]),
      ...spec.devices.mappings.map((device, index): [string, string | undefined] => [`devices.mappings.${index}`, device.source]),
    ];
    for (const [field, path] of local) {
      if (path === undefined || !path.startsWith('/')) continue;
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      if (!exists) issues.push({ field, message: `${path} does not exist on the engine host` });
    }
  }
  return issues;
}

const anyAddress = new Set(['', '0.0.0.0', '::']);

function holdsPort(container: EngineContainerListItem, hostPort: number, protocol: string, hostIp: string | undefined): boolean {
  return (container.Ports ?? []).some(
    (published) =>
      published.PublicPort === hostPort &&
      published.Type === protocol &&
      (anyAddress.has(hostIp ?? '') || anyAddress.has(published.IP ?? '') || published.IP === hostIp),
  );
}

type ProbeResult = 'free' | 'in_use' | 'no_such_address' | 'unknown';

/**
 * Binds the port for a moment and lets it go. Binding 0.0.0.0 fails when any address holds the
 * port, and a specific address fails when 0.0.0.0 holds it: the same rule the engine meets.
 * Permission problems (ports below 1024 without root) say nothing about the port: "unknown".
 */
export function probePort(hostIp: string | undefined, port: number, protocol: 'tcp' | 'udp'): Promise<ProbeResult> {
  const host = hostIp === undefined || hostIp === '' ? '0.0.0.0' : hostIp;
  const verdict = (error: NodeJS.ErrnoException): ProbeResult =>
    error.code === 'EADDRINUSE' ? 'in_use' : error.code === 'EADDRNOTAVAIL' ? 'no_such_address' : 'unknown';
  return new Promise((resolve) => {
    if (protocol === 'udp') {
      const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
      socket.once('error', (error: NodeJS.ErrnoException) => {
        try {
          socket.close();
        } catch {
          // never bound: nothing to close
        }
        resolve(verdict(error));
      });
      socket.bind({ address: host, port, exclusive: true }, () => socket.close(() => resolve('free')));
      return;
    }
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(verdict(error)));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve('free')));
  });
}

/** `unix:///var/run/docker.sock` -> `/var/run/docker.sock`; null for remote engines. */
export function localSocketPath(engineUrl: string | undefined): string | null {
  if (!engineUrl?.startsWith('unix://')) return null;
  return engineUrl.slice('unix://'.length) || null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
