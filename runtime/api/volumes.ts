import { z } from 'zod';
import type { ContainerState } from './containers.js';
import { defineDomain, method, noParams, params, stream } from './define.js';
import { volumeFileMethods, volumeFileStreams } from './volume-files.js';
import { volumeName } from './volume-paths.js';
import { pruneFilterWords } from './image-details.js';

/**
 * Volumes: list (with the containers using each, and sizes asked for apart), create, inspect,
 * remove, prune with a preview, a live watch; browsing, backup, restore and clone are in
 * volume-files.ts and spread in here.
 */

/** A container that mounts the volume, of any state: what keeps it from being removed. */
export interface VolumeUser {
  engineId: string;
  /** The container's full id. */
  id: string;
  /** Its name, without the leading `/`. */
  name: string;
  state: ContainerState;
}

/** `volumes.list`: one volume, as the Volumes page shows it. */
export interface VolumeSummary {
  /** The engine the volume is on. */
  engineId: string;
  name: string;
  /** `local`, or a plugin's name. */
  driver: string;
  /** Where the engine keeps it on its own host (`/var/lib/docker/volumes/<name>/_data`). */
  mountpoint: string;
  /** When it was created, as the engine records it (RFC 3339); null when the engine does not say. */
  created: string | null;
  labels: Record<string, string>;
  /** `local` (this engine only) or `global` (a cluster-wide driver). */
  scope: string;
  /** The driver options it was created with (`type`, `device`, `o` for `local`). */
  options: Record<string, string>;
  /**
   * Made by the engine for a container's `-v /path` or an image's `VOLUME`: labelled
   * `com.docker.volume.anonymous` (Docker 23 and later), or named with 64 hex digits, as the
   * engine names them (older engines add no label).
   */
  isAnonymous: boolean;
  /** Every container that mounts it, running or not; empty: unused. */
  containers: VolumeUser[];
}

/** `volumes.inspect`: the summary and what the driver reports about it. */
export interface VolumeDetails extends VolumeSummary {
  /** The driver's own status fields (plugins); null when it reports none. */
  status: Record<string, unknown> | null;
}

/** `volumes.sizes`: one volume's size, from the engine's disk usage (`docker system df -v`). */
export interface VolumeSize {
  name: string;
  /** Bytes its files take; null when the driver cannot tell (only `local` can). */
  sizeBytes: number | null;
}

/** `volumes.sizes`: every volume's size on one engine. */
export interface VolumeSizes {
  engineId: string;
  sizes: VolumeSize[];
}

/** One volume a prune would remove, with its size when the engine knows it. */
export interface VolumePruneCandidate {
  name: string;
  driver: string;
  created: string | null;
  labels: Record<string, string>;
  isAnonymous: boolean;
  sizeBytes: number | null;
}

/** `volumes.prunePreview`: what `volumes.prune` with the same params would remove; removes nothing. */
export interface VolumePrunePreview {
  volumes: VolumePruneCandidate[];
  /** The sizes of those volumes added up (volumes share no data, so the sum is what goes); null when none is known. */
  spaceBytes: number | null;
}

/** `volumes.prune`: what went, and what was left and why. */
export interface VolumePruneResult {
  /** The volumes removed. */
  removed: string[];
  /** Their sizes added up, as measured just before (volumes whose size is unknown count nothing). */
  spaceReclaimedBytes: number;
  /** Volumes picked but not removed: in use by then, or refused by the engine, with its words. */
  skipped: { name: string; reason: string }[];
}

/** One event of `volumes.watch`. */
export type VolumesWatchEvent = VolumesListed | VolumeChanged;

/** The engine's volumes, all of them: first, and again whenever the engine comes back. */
export interface VolumesListed {
  type: 'list';
  engineId: string;
  volumes: VolumeSummary[];
}

/** One volume changed (created, removed, mounted or unmounted, a container using it came, went or changed state). */
export interface VolumeChanged {
  type: 'volume';
  engineId: string;
  name: string;
  /** The engine's action that caused it (`create`, `destroy`, `mount`, `unmount`, or a container's: `start`, `die`, `destroy`, ...). */
  action: string;
  /** Its fresh summary, or null when it is gone. */
  volume: VolumeSummary | null;
}

const textMap = (what: string) =>
  z
    .record(z.string().min(1, 'must not be empty').max(1024, 'is too long'), z.string().max(4096, 'is too long'))
    .refine((map) => Object.keys(map).length <= 256, `has too many ${what}`);

/** Driver names are plugin references: `local`, `vieux/sshfs:latest`. */
const driverName = z
  .string()
  .min(1, 'is required')
  .max(255, 'is too long')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/, 'must be a driver name such as local or a plugin reference');

/** `label=KEY[=VALUE]` or `label!=KEY[=VALUE]`, as `docker volume prune --filter` takes them. */
export function volumeFilterProblem(word: string): string | null {
  const match = /^(label!?)=(.*)$/.exec(word);
  if (match === null) return `must be label=KEY[=VALUE] or label!=KEY[=VALUE], not "${word}"`;
  return match[2] === '' || match[2]!.startsWith('=') ? `${match[1]} needs a label key: ${match[1]}=KEY or ${match[1]}=KEY=VALUE` : null;
}

const pruneSelection = {
  all: z
    .boolean()
    .default(false)
    .describe(
      'false: anonymous volumes only (as `docker volume prune` on Docker 23 and later); true: every volume no container uses, named ones too (`docker volume prune -a`).',
    ),
  // Words other than label ones fail the pattern, so the shared one-until rule never applies here.
  filters: pruneFilterWords(
    volumeFilterProblem,
    '`docker volume prune --filter` words: `label=KEY`, `label=KEY=VALUE` (only volumes with it), `label!=KEY[=VALUE]` (only volumes without it).',
    { regex: /^label!?=[^=]/, message: 'must be label=KEY[=VALUE] or label!=KEY[=VALUE]' },
  ),
};

const byName = params({ name: volumeName });

export const volumesContract = defineDomain({
  methods: {
    'volumes.list': method<VolumeSummary[]>()(
      noParams,
      'Every volume (like `docker volume ls`), with the containers using each, running or not. No sizes: ask volumes.sizes, which can take long.',
    ),
    'volumes.sizes': method<VolumeSizes>()(
      noParams,
      "Every volume's size from the engine's disk usage (`docker system df -v`); slow on big hosts, so apart from the list.",
    ),
    'volumes.inspect': method<VolumeDetails>()(byName, 'One volume (like `docker volume inspect`), with the containers using it.'),
    'volumes.create': method<VolumeSummary>()(
      params({
        name: volumeName
          .optional()
          .describe('The new volume\'s name; a name taken is refused. Absent: the engine names it (64 hex digits, as for an anonymous volume).'),
        driver: driverName.default('local').describe('The volume driver: `local` (the default) or an installed plugin.'),
        driverOptions: textMap('options')
          .default({})
          .describe('Options for the driver, as `docker volume create -o`: for `local`, `type`, `device` and `o` (`{"type":"tmpfs","device":"tmpfs","o":"size=64m"}`).'),
        labels: textMap('labels').default({}).describe('Labels, KEY to VALUE.'),
      }),
      'Create a volume (like `docker volume create`). A name already taken is a `conflict`; options the driver refuses are `invalid_argument` in its words.',
    ),
    'volumes.remove': method<null>()(
      byName,
      'Remove a volume and its data (like `docker volume rm`). A volume a container uses is refused (`conflict`), naming the containers.',
    ),
    'volumes.prunePreview': method<VolumePrunePreview>()(
      params(pruneSelection),
      'What volumes.prune with the same params would remove, with sizes; removes nothing.',
    ),
    'volumes.prune': method<VolumePruneResult>()(
      params({
        ...pruneSelection,
        names: z
          .array(volumeName)
          .max(100_000, 'is too long')
          .optional()
          .describe(
            'Only these (the list a preview showed): a volume the selection no longer picks, or that came since, stays. Absent: whatever the selection picks now, as `docker volume prune -f`.',
          ),
      }),
      'Remove unused volumes (like `docker volume prune`): those no container uses, anonymous ones only unless `all`. Reports what went, the space, and what was skipped and why.',
    ),
    ...volumeFileMethods,
  },
  streams: {
    'volumes.watch': stream<VolumesWatchEvent>()(
      noParams,
      "The engine's volumes, live: `list` with every volume first (and again after the engine reconnects), then `volume` with one volume's fresh summary (null: removed) each time it or a container using it changes. No polling: the engine's events drive it.",
    ),
    ...volumeFileStreams,
  },
});
