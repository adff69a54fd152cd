import { z } from 'zod';
import type { ContainerState } from './containers.js';
import { method, params } from './define.js';
import { pruneFilterProblem, pruneFilterWords } from './image-details.js';
import { containerRef } from './refs.js';

/** `containers.prunePreview` and `containers.prune` (`docker container prune`), spread into the containers domain. */

/** One container a prune would remove. */
export interface ContainerPruneCandidate {
  id: string;
  /** Without the leading slash. */
  name: string;
  image: string;
  state: ContainerState;
  /** The engine's status line, e.g. "Exited (0) 3 minutes ago". */
  status: string;
  /** Seconds since the epoch. */
  created: number;
  /** Its writable layer: what removing it frees. */
  sizeRwBytes: number;
}

/** `containers.prunePreview`: what `containers.prune` with the same filters would remove; removes nothing. */
export interface ContainerPrunePreview {
  containers: ContainerPruneCandidate[];
  /** Their writable layers added up: the engine counts the same as reclaimed. */
  spaceBytes: number;
}

/** `containers.prune`: what went, and what was left and why. */
export interface PruneResult {
  /** The ids of the containers removed. */
  removed: string[];
  /** The engine's count of the bytes freed (their writable layers). */
  spaceReclaimedBytes: number;
  /** With `ids`: containers picked but not removed (started meanwhile, or refused by the engine), with its words. */
  skipped: { id: string; reason: string }[];
}

/** A `docker container prune --filter` word: the images rule, with `dangling` meaning nothing for containers. */
export function containerPruneFilterProblem(word: string): string | null {
  if (word.startsWith('dangling=')) return '"dangling" is no container prune filter: use label=..., label!=... or until=...';
  return pruneFilterProblem(word);
}

const filters = pruneFilterWords(
  containerPruneFilterProblem,
  '`docker container prune --filter` words: `label=KEY`, `label=KEY=VALUE` (only containers with it), `label!=KEY[=VALUE]` (only containers without it), `until=TIME` (only containers created before: a date and time, Unix seconds, or a duration back from now such as `24h`).',
);

export const containerPruneMethods = {
  'containers.prunePreview': method<ContainerPrunePreview>()(
    params({ filters }),
    'What containers.prune with the same filters would remove (every stopped container: created, exited or dead) and the space it would free; removes nothing.',
  ),
  'containers.prune': method<PruneResult>()(
    params({
      filters,
      ids: z
        .array(containerRef)
        .max(100_000, 'is too long')
        .optional()
        .describe(
          'Only these (the list a preview showed): a container the filters no longer pick (started since), or that came since, stays. Absent: whatever the filters pick now, as `docker container prune -f`.',
        ),
    }),
    'Remove stopped containers (like `docker container prune [--filter ...]`) and report what went and the space freed.',
  ),
};
