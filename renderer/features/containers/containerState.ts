import type { ContainerState, ContainerSummary } from '../../../runtime/api/index.js';

/** The state word, with the exit code for exited containers: "exited (137)". */
export function stateText(container: Pick<ContainerSummary, 'state' | 'exitCode'>): string {
  return container.state === 'exited' && container.exitCode !== null ? `exited (${container.exitCode})` : container.state;
}

export type Health = 'healthy' | 'unhealthy' | 'starting';

/**
 * Health as the engine's status line states it: "Up 2 minutes (healthy)", "(unhealthy)",
 * "(health: starting)". Null when the container has no healthcheck (or is not running).
 * The list has no other source of health short of inspecting every row.
 */
export function healthFromStatus(status: string): Health | null {
  const match = /\((healthy|unhealthy|health: starting)\)/.exec(status);
  if (!match) return null;
  return match[1] === 'health: starting' ? 'starting' : (match[1] as Health);
}

type HasState = Pick<ContainerSummary, 'state'>;
const is = (container: HasState, ...states: ContainerState[]) => states.includes(container.state);

export function canStart(container: HasState): boolean {
  return is(container, 'created', 'exited', 'dead');
}

export function canStop(container: HasState): boolean {
  return is(container, 'running', 'restarting', 'paused');
}

export function canRestart(container: HasState): boolean {
  return !is(container, 'removing', 'dead');
}

export function canKill(container: HasState): boolean {
  return is(container, 'running', 'restarting', 'paused');
}

export function canPause(container: HasState): boolean {
  return is(container, 'running');
}

export function canUnpause(container: HasState): boolean {
  return is(container, 'paused');
}

/** What `docker container prune` removes: everything not running, paused or restarting. */
export function isStopped(container: HasState): boolean {
  return is(container, 'created', 'exited', 'dead');
}
