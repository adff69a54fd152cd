import type { ContainerState, ContainerSummary } from '../api/index.js';
import type { EngineContainerListItem } from '../engine/json/container.js';
import { containerPortsOf, readListPorts } from '../engine/ports.js';

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
    ports: containerPortsOf(readListPorts(item.Ports)),
    labels: item.Labels ?? {},
  };
}

/** The list endpoint has no exit code field; the engine writes it into the status line. */
export function exitCodeFromStatus(status: string): number | null {
  const match = /^Exited \((-?\d+)\)/.exec(status);
  return match?.[1] === undefined ? null : Number(match[1]);
}

