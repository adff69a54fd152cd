import type { ContainerDetails, FilesystemChange } from '../api/index.js';
import type { EngineChanges, EngineContainer } from '../engine/json/container.js';
import { readPortBindings } from '../engine/ports.js';
import { limitsOfHostConfig } from '../engine/resources.js';

/** Inspect JSON -> the Details page's overview; `json` is the engine's answer as it came. Pure. */
export function toContainerDetails(engineId: string, inspect: EngineContainer, imageDigest: string | null, json: Record<string, unknown>): ContainerDetails {
  const state = inspect.State ?? {};
  return {
    engineId,
    id: inspect.Id,
    name: (inspect.Name ?? '').replace(/^\//, ''),
    state: {
      status: state.Status ?? 'unknown',
      running: state.Running ?? false,
      paused: state.Paused ?? false,
      restarting: state.Restarting ?? false,
      oomKilled: state.OOMKilled ?? false,
      dead: state.Dead ?? false,
      exitCode: state.ExitCode ?? 0,
      startedAt: realTime(state.StartedAt),
      finishedAt: realTime(state.FinishedAt),
      error: state.Error ?? '',
      health: state.Health?.Status ?? null,
    },
    restartCount: inspect.RestartCount ?? 0,
    image: inspect.Config?.Image ?? inspect.Image ?? '',
    imageId: inspect.Image ?? '',
    imageDigest,
    command: [inspect.Path ?? '', ...(inspect.Args ?? [])].filter((part, index) => index > 0 || part !== ''),
    terminal: { tty: inspect.Config?.Tty === true, stdin: inspect.Config?.OpenStdin === true },
    ports: readPortBindings(inspect.NetworkSettings?.Ports).map((port) => ({ ...port, hostPort: port.hostPort !== null && /^\d+$/.test(port.hostPort) ? Number(port.hostPort) : null })),
    mounts: (inspect.Mounts ?? []).map((mount) => ({
      type: mount.Type ?? 'unknown',
      source: mount.Source ?? '',
      destination: mount.Destination ?? '',
      readOnly: mount.RW === false,
      name: mount.Name ?? null,
    })),
    networks: Object.entries(inspect.NetworkSettings?.Networks ?? {}).map(([name, network]) => ({
      name,
      ipAddress: network?.IPAddress ?? '',
      gateway: network?.Gateway ?? '',
      macAddress: network?.MacAddress ?? '',
      aliases: network?.Aliases ?? [],
    })),
    labels: inspect.Config?.Labels ?? {},
    env: inspect.Config?.Env ?? [],
    limits: limitsOfHostConfig(inspect.HostConfig ?? {}),
    raw: json,
  };
}

/** The engine writes the zero time for "never". */
function realTime(value: string | null | undefined): string | null {
  return !value || value.startsWith('0001-01-01') ? null : value;
}

/** `GET /containers/{id}/changes` kinds: 0 changed, 1 added, 2 deleted. */
export function toFilesystemChanges(changes: EngineChanges): FilesystemChange[] {
  const kinds = ['changed', 'added', 'deleted'] as const;
  return (changes ?? []).map((change) => ({ path: change.Path, kind: kinds[change.Kind] ?? 'changed' }));
}
