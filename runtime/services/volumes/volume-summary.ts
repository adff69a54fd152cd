import type { ContainerState, VolumeSummary, VolumeUser } from '../../api/index.js';
import type { EngineContainerMounts, EngineVolume } from '../../engine/json/volume.js';
import { helperLabel } from './helper-container.js';

const states: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

/** Podman's words in a container's inspect (`State.Status`) where Docker's list says created or exited. */
const podmanStates: Record<string, ContainerState> = { configured: 'created', initialized: 'created', stopped: 'exited' };

/** The engine's word for a container's state, as the contract says it (an unknown one: dead). Pure. */
export function containerStateOf(word: string | null | undefined): ContainerState {
  return states.find((state) => state === word) ?? (word ? podmanStates[word] : undefined) ?? 'dead';
}

/** The label Docker 23 and later give the volumes they make for `-v /path` and `VOLUME`. */
const anonymousLabel = 'com.docker.volume.anonymous';

/** Made by the engine for a container (see VolumeSummary.isAnonymous). Pure. */
export function isAnonymousVolume(volume: Pick<EngineVolume, 'Name' | 'Labels'>): boolean {
  return Object.hasOwn(volume.Labels ?? {}, anonymousLabel) || /^[0-9a-f]{64}$/.test(volume.Name);
}

/**
 * Every container's named volumes, as users by volume name, in the engine's order (newest first).
 * Berth's own helper containers (browsing, backups: created, never started, gone in a moment) are
 * no user to show: `withHelpers` counts them only where they matter, for what a prune may take and
 * for naming who holds a volume the engine refused to remove. Pure.
 */
export function usersByVolume(engineId: string, containers: readonly EngineContainerMounts[], { withHelpers = false } = {}): Map<string, VolumeUser[]> {
  const users = new Map<string, VolumeUser[]>();
  for (const container of containers) {
    if (!withHelpers && container.Labels?.[helperLabel.key] === helperLabel.value) continue;
    const user: VolumeUser = {
      engineId,
      id: container.Id,
      name: (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''),
      state: containerStateOf(container.State),
    };
    const seen = new Set<string>();
    for (const mount of container.Mounts ?? []) {
      if (mount.Type !== 'volume' || !mount.Name || seen.has(mount.Name)) continue;
      seen.add(mount.Name);
      const list = users.get(mount.Name);
      if (list === undefined) users.set(mount.Name, [user]);
      else list.push(user);
    }
  }
  return users;
}

/** An engine volume and its users as the contract's VolumeSummary. Pure. */
export function toVolumeSummary(engineId: string, volume: EngineVolume, users: readonly VolumeUser[]): VolumeSummary {
  return {
    engineId,
    name: volume.Name,
    driver: volume.Driver ?? 'local',
    mountpoint: volume.Mountpoint ?? '',
    created: volume.CreatedAt ? volume.CreatedAt : null,
    labels: volume.Labels ?? {},
    scope: volume.Scope ?? 'local',
    options: volume.Options ?? {},
    isAnonymous: isAnonymousVolume(volume),
    containers: [...users],
  };
}
