import { humanDuration, type ContainerState, type ContainerSummary } from '../api/index.js';
import type { EngineContainer, EngineContainerState } from '../engine/json/container.js';
import { containerPortsOf, readPortBindings } from '../engine/ports.js';

/**
 * A container's list summary built from `inspect`. Per-event refreshes use this rather than a
 * filtered `GET /containers/json`: the engine's list view lags behind its events (Docker
 * 20.10 still lists a container as running right after its `die` event), inspect does not.
 * The status line is written the way the engine writes it for `docker ps`.
 */
export function summaryFromInspect(engineId: string, inspect: EngineContainer, now: number, clockOffsetMs = 0): ContainerSummary {
  const state = toState(inspect.State?.Status);
  const since = statusSinceOf(inspect.State ?? {});
  const path = inspect.Path ?? '';
  const args = inspect.Args ?? [];
  return {
    engineId,
    id: inspect.Id,
    name: (inspect.Name ?? '').replace(/^\//, ''),
    image: inspect.Config?.Image ?? inspect.Image ?? '',
    imageId: inspect.Image ?? '',
    // As the engine's list writes it: an argument with a space in it between single quotes.
    command: args.length > 0 ? `${path} ${args.map((arg) => (arg.includes(' ') ? `'${arg}'` : arg)).join(' ')}` : path,
    created: inspect.Created ? Math.floor(Date.parse(inspect.Created) / 1000) : 0,
    state,
    status: statusLine(inspect.State ?? {}, now),
    exitCode: state === 'exited' || state === 'dead' ? (inspect.State?.ExitCode ?? null) : null,
    ports: containerPortsOf(readPortBindings(inspect.NetworkSettings?.Ports)),
    labels: inspect.Config?.Labels ?? {},
    ...(since === null ? {} : { statusSince: since - clockOffsetMs }),
  };
}

/**
 * When the duration in a container's status line counts from, by the engine's clock (ms): its
 * start while up (paused too), its finish while restarting or exited; null for a line with no
 * duration in it ("Created", "Dead", "Removal In Progress").
 */
export function statusSinceOf(state: EngineContainerState): number | null {
  const at = (time: string | null | undefined) => (isRealTime(time) ? Date.parse(time as string) : null);
  if (state.Running) return state.Restarting && !state.Paused ? at(state.FinishedAt) : at(state.StartedAt);
  if (state.Status === 'removing' || state.Dead || !isRealTime(state.StartedAt)) return null;
  return at(state.FinishedAt);
}

const states: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

/** The contract's state of a container from its inspect `State`. */
export function containerStateOf(state: EngineContainerState): ContainerState {
  return toState(state.Status);
}

function toState(status: string | null | undefined): ContainerState {
  return (states as readonly string[]).includes(status ?? '') ? (status as ContainerState) : 'dead';
}

/** The engine's `docker ps` status line: "Up 3 minutes (healthy)", "Exited (1) 2 hours ago", ... */
export function statusLine(state: EngineContainerState, now: number): string {
  const since = (time: string | null | undefined) => humanDuration(now - Date.parse(time ?? ''));
  const started = isRealTime(state.StartedAt);
  if (state.Running) {
    if (state.Paused) return `Up ${since(state.StartedAt)} (Paused)`;
    if (state.Restarting) return `Restarting (${state.ExitCode ?? 0}) ${since(state.FinishedAt)} ago`;
    const health = state.Health?.Status;
    const suffix = health === 'starting' ? ' (health: starting)' : health === 'healthy' || health === 'unhealthy' ? ` (${health})` : '';
    return `Up ${since(state.StartedAt)}${suffix}`;
  }
  if (state.Status === 'removing') return 'Removal In Progress';
  if (state.Dead) return 'Dead';
  if (!started) return 'Created';
  if (!isRealTime(state.FinishedAt)) return '';
  return `Exited (${state.ExitCode ?? 0}) ${since(state.FinishedAt)} ago`;
}

function isRealTime(time: string | null | undefined): boolean {
  return typeof time === 'string' && time !== '' && !time.startsWith('0001-01-01');
}
