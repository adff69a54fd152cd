import type { ContainerSummary } from '../../../runtime/api/index.js';

/** The state word, with the exit code for exited containers: "exited (137)". */
export function stateText(container: Pick<ContainerSummary, 'state' | 'exitCode'>): string {
  return container.state === 'exited' && container.exitCode !== null ? `exited (${container.exitCode})` : container.state;
}

export function canStart(container: Pick<ContainerSummary, 'state'>): boolean {
  return container.state !== 'running';
}

export function canStop(container: Pick<ContainerSummary, 'state'>): boolean {
  return container.state === 'running' || container.state === 'restarting' || container.state === 'paused';
}
