import { z } from 'zod';
import type { ContainerState } from './containers.js';
import { defineDomain, method, params } from './define.js';
import { readLogTime } from './log-time.js';
import { imageRef } from './refs.js';

/** Looking into one image (inspect, history) and pruning unused images, with a preview first. */

/** A container made from the image, of any state: what keeps the image from being removed. */
export interface ImageUser {
  engineId: string;
  /** The container's full id. */
  id: string;
  /** Its name, without the leading `/`. */
  name: string;
  state: ContainerState;
}

/** `images.inspect`: the image as the details page shows it. */
export interface ImageDetails {
  engineId: string;
  /** The full image id, `sha256:` and 64 hex digits. */
  id: string;
  /** Every `repo:tag` naming it; empty for an untagged image. */
  repoTags: string[];
  /** `repo@sha256:...` for each registry it came from or went to; empty for a local build. */
  repoDigests: string[];
  /** The local parent image (classic builds, commits); null for pulled and loaded images. */
  parentId: string | null;
  /** When it was built, as the engine records it (RFC 3339, to the nanosecond); null when unknown. */
  created: string | null;
  /** `linux`, `windows`. */
  os: string;
  /** `amd64`, `arm64`, ... and the variant (`v8`) when there is one. */
  architecture: string;
  variant: string | null;
  /** Its size on disk, shared layers included, as `docker images` reports it. */
  sizeBytes: number;
  /** `MAINTAINER`, or the author given to `docker commit`; empty when none. */
  author: string;
  /** The commit message, or `Imported from -`; empty when none. */
  comment: string;
  config: ImageConfig;
  /** The layers' content digests (`RootFS.Layers`), base layer first. */
  layers: string[];
  /** Every container made from this image, running or not (matched by image id). */
  containers: ImageUser[];
}

/** What a container made from the image gets unless its run says otherwise. */
export interface ImageConfig {
  /** `ENTRYPOINT` as an argument list; null when none. */
  entrypoint: string[] | null;
  /** `CMD` as an argument list; null when none. */
  cmd: string[] | null;
  /** `KEY=VALUE`, in the image's order. */
  env: string[];
  /** `EXPOSE`: the ports a container offers, sorted by port then protocol. */
  exposedPorts: { port: number; protocol: 'tcp' | 'udp' | 'sctp' }[];
  /** `VOLUME`: paths inside the container that get a volume of their own, sorted. */
  volumes: string[];
  /** `USER` (`name`, `uid`, `uid:gid`); empty: root. */
  user: string;
  /** `WORKDIR`; empty: `/`. */
  workingDir: string;
  labels: Record<string, string>;
  /** `STOPSIGNAL`; null: the engine's default, SIGTERM. */
  stopSignal: string | null;
  /** `HEALTHCHECK`; null when the image has none. Durations in seconds, null for the engine's default. */
  healthcheck: {
    /** `["CMD", ...]`, `["CMD-SHELL", "cmd"]`, or `["NONE"]` (turned off). */
    test: string[];
    intervalSeconds: number | null;
    timeoutSeconds: number | null;
    startPeriodSeconds: number | null;
    retries: number | null;
  } | null;
}

/** `images.history`: one Dockerfile instruction, as `docker history --no-trunc` prints it. */
export interface ImageHistoryEntry {
  /** The local image this instruction made, or `<missing>` when the engine has none (pulled, loaded, BuildKit). */
  id: string;
  /** When the instruction ran, in seconds since the epoch. */
  created: number;
  /** The instruction, in full (`/bin/sh -c #(nop)  CMD ["sh"]`, `RUN /bin/sh -c make`). */
  createdBy: string;
  /** The size of the layer it made; 0 when it changed only the config. */
  sizeBytes: number;
  comment: string;
  /** Tags naming the image at this step. */
  tags: string[];
}

/** One image a prune would delete. */
export interface PruneCandidate {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  /** Seconds since the epoch. */
  created: number;
  /** Its whole size, shared layers included (as `docker images`). */
  sizeBytes: number;
}

/** `images.prunePreview`: what `images.prune` with the same params would delete, deleting nothing. */
export interface ImagePrunePreview {
  images: PruneCandidate[];
  /**
   * Untagged intermediate images (left by the classic builder or `docker commit`) that go too,
   * because nothing else needs them once the images above are gone.
   */
  intermediateIds: string[];
  /**
   * Images the prune takes up but cannot delete (a container uses them, or images kept are built
   * on them) and that lose references all the same, as the engine does it: an image a container
   * uses keeps one of its tags, the others go.
   */
  untaggedOnly: { id: string; references: string[] }[];
  /**
   * The space the prune would free: the layers of the images above that no image kept stores.
   * The sizes of the images overlap where they share layers, so their sum is no measure;
   * the engine reports the same (its SpaceReclaimed) unless images change in between.
   */
  spaceBytes: number;
}

/** `images.prune`: what the engine did. */
export interface ImagePruneResult {
  /** References removed, e.g. `app:1`. */
  untagged: string[];
  /** What the engine deleted, as it lists it: the image ids and, among them, the ids of the layers that went. */
  deleted: string[];
  /** The engine's own count of the bytes freed (its SpaceReclaimed): the sizes of the layers it deleted. */
  spaceReclaimedBytes: number;
}

/** `label=KEY`, `label=KEY=VALUE`, `label!=...`, `until=TIME`, as `docker image prune --filter` takes them. */
export interface PruneFilters {
  label: string[];
  'label!': string[];
  /** As typed: a date and time, Unix seconds, or a duration back from now (`24h`). */
  until: string | null;
}

/** Reads `--filter` words into the engine's filters; the message names what is wrong. Pure. */
export function readPruneFilters(words: readonly string[]): { ok: true; filters: PruneFilters } | { ok: false; index: number; message: string } {
  const filters: PruneFilters = { label: [], 'label!': [], until: null };
  for (const [index, word] of words.entries()) {
    const problem = pruneFilterProblem(word);
    if (problem !== null) return { ok: false, index, message: problem };
    const [key = '', value = ''] = splitFilter(word);
    if (key === 'until') {
      if (filters.until !== null) return { ok: false, index, message: 'more than one until filter: the engine takes one' };
      filters.until = value;
    } else {
      filters[key as 'label' | 'label!'].push(value);
    }
  }
  return { ok: true, filters };
}

function splitFilter(word: string): [string, string] {
  const at = word.indexOf('=');
  return at === -1 ? [word, ''] : [word.slice(0, at), word.slice(at + 1)];
}

/** Why one filter word is not one `docker image prune --filter` takes, or null. */
export function pruneFilterProblem(word: string): string | null {
  const [key, value] = splitFilter(word);
  if (!word.includes('=')) return `must be KEY=VALUE (label=..., label!=..., until=...), not "${word}"`;
  if (key === 'dangling') return 'dangling is chosen by "all" (false: dangling images only; true: every unused image)';
  if (key === 'label' || key === 'label!') return value === '' || value.startsWith('=') ? `${key} needs a label key: ${key}=KEY or ${key}=KEY=VALUE` : null;
  if (key === 'until') {
    const time = readLogTime(value);
    return time.ok ? null : `until ${time.message}`;
  }
  return `"${key}" is no prune filter: use label=..., label!=... or until=...`;
}

/**
 * The shape of one filter word, as a pattern (so that generated params follow it too): `label=`
 * or `label!=` and a key, or `until=` and Unix seconds, a duration or a date (its time loosely:
 * the check above reads it exactly and says precisely what is wrong).
 */
export const pruneFilterWordPattern =
  /^(?:label!?=[^=].*|until=(?:\d{1,10}(?:\.\d{1,9})?|(?:\d{1,6}(?:\.\d{1,3})?(?:ns|us|µs|ms|s|m|h))+|\d{4}-\d{2}-\d{2}(?:[Tt ][\d:.Zz+-]{5,30})?))$/;

/**
 * A prune's `--filter` words, the one schema images, networks and volumes share: each word
 * checked by `problemOf` (which says precisely what is wrong) and by `pattern` (the same rule as
 * a pattern, so that generated params follow it too), at most 64, and at most one `until`.
 */
export function pruneFilterWords(
  problemOf: (word: string) => string | null,
  doc: string,
  pattern: { regex: RegExp; message: string } = { regex: pruneFilterWordPattern, message: 'must be label=KEY[=VALUE], label!=KEY[=VALUE] or until=TIME' },
) {
  return z
    .array(
      z
        .string()
        .max(1024, 'is too long')
        .superRefine((word, context) => {
          const problem = problemOf(word);
          if (problem !== null) context.addIssue({ code: 'custom', message: problem });
        })
        .regex(pattern.regex, pattern.message),
    )
    .max(64, 'has too many filters')
    .default([])
    .superRefine((words, context) => {
      if (words.filter((word) => word.startsWith('until=')).length > 1) context.addIssue({ code: 'custom', message: 'more than one until filter: the engine takes one' });
    })
    .describe(doc);
}

const pruneParams = params({
  all: z
    .boolean()
    .default(false)
    .describe('false: dangling images only (untagged, used by no container), as `docker image prune`; true: every image no container uses, as `docker image prune -a`.'),
  filters: pruneFilterWords(
    pruneFilterProblem,
    '`docker image prune --filter` words: `label=KEY`, `label=KEY=VALUE` (only images with it), `label!=KEY[=VALUE]` (only images without it), `until=TIME` (only images built before: a date and time, Unix seconds, or a duration back from now such as `24h`).',
  ),
});

const byId = params({ id: imageRef });

export const imageDetailsContract = defineDomain({
  methods: {
    'images.inspect': method<ImageDetails>()(byId, 'One image: its config, layers, digests, platform and the containers made from it (like `docker image inspect`).'),
    'images.history': method<ImageHistoryEntry[]>()(byId, 'The instructions that made an image, newest first, with the size of each layer (like `docker history --no-trunc`).'),
    'images.prunePreview': method<ImagePrunePreview>()(pruneParams, 'What `images.prune` with the same params would delete and the space it would free; deletes nothing.'),
    'images.prune': method<ImagePruneResult>()(
      pruneParams,
      'Delete unused images (like `docker image prune [-a] [--filter ...]`) and report what went and the space the engine reclaimed.',
    ),
  },
});
