import type { ContainerPort, ContainerState, ContainerSummary } from '../api/index.js';
import type { EngineContainerListItem } from '../engine/json/container.js';

const states: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

/** `GET /containers/json` item -> the contract's ContainerSummary. Pure. */
export function toContainerSummary(engineId: string, item: EngineContainerListItem): ContainerSummary {
  const state = states.find((known) => known === item.State) ?? 'dead';
  const status = item.Status ?? '';
  return {
    engineId,
    id: item.Id,
    name: (item.Names?.[0] ?? item.Id.slice(0, 12)).replace(/^\//, ''),
    image: item.Image ?? '',
    imageId: item.ImageID ?? '',
    command: item.Command ?? '',
    created: item.Created ?? 0,
    state,
    status,
    exitCode: state === 'exited' || state === 'dead' ? exitCodeFromStatus(status) : null,
    ports: toPorts(item.Ports),
    labels: item.Labels ?? {},
  };
}

/** The list endpoint has no exit code field; the engine writes it into the status line. */
export function exitCodeFromStatus(status: string): number | null {
  const match = /^Exited \((-?\d+)\)/.exec(status);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function toPorts(ports: EngineContainerListItem['Ports']): ContainerPort[] {
  const result: ContainerPort[] = [];
  for (const port of ports ?? []) {
    const protocol = port.Type === 'udp' || port.Type === 'sctp' ? port.Type : 'tcp';
    result.push({
      privatePort: port.PrivatePort,
      protocol,
      ...(port.PublicPort ? { publicPort: port.PublicPort } : {}),
      ...(port.IP ? { ip: port.IP } : {}),
    });
  }
  // The engine lists one entry per host address (0.0.0.0 and ::); keep them, sorted, for a stable UI.
  return result.sort((a, b) => a.privatePort - b.privatePort || (a.publicPort ?? 0) - (b.publicPort ?? 0) || compareText(a.ip ?? '', b.ip ?? ''));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
