import { z } from 'zod';
import { checkPullReference, checkTagTarget } from './image-reference.js';
import { imageRef } from './refs.js';

/**
 * Progress of a pull or a push (`images.pull`, `images.push`): the engine's progress lines
 * read into one state per layer, sent as coalesced updates (at most 20 a second however many
 * layers move, and the final state always), never one message per engine line.
 */

/**
 * Where one layer is:
 * - `waiting`: named, not yet moving (the engine's `Pulling fs layer`, `Waiting`, `Preparing`);
 * - `downloading` / `pushing`: bytes moving, `current` of `total` when the engine says;
 * - `verifying`: checking the downloaded layer's digest;
 * - `downloaded`: fetched and verified, waiting its turn to be extracted;
 * - `extracting`: unpacking into the image store, `current` of `total` when the engine says;
 * - `complete`: done (`Pull complete`, `Pushed`);
 * - `exists`: nothing to move: the engine already had it, or the registry did (`Already exists`,
 *   `Layer already exists`, `Mounted from ...`).
 */
export type LayerState = 'waiting' | 'downloading' | 'pushing' | 'verifying' | 'downloaded' | 'extracting' | 'complete' | 'exists';

/** One layer, as it is now. */
export interface LayerProgress {
  /** The layer's short id as the engine names it (12 hex digits for Docker). */
  id: string;
  state: LayerState;
  /** The engine's own words for it (`Downloading`, `Retrying in 5 seconds`, `Mounted from app`). */
  status: string;
  /**
   * Bytes done and total of the layer's current step (download, push or extraction), when the
   * engine says (Docker does, Podman does not). Both present or both absent.
   */
  current?: number;
  total?: number;
}

/** One event of `images.pull` and `images.push`. */
export interface TransferProgress {
  type: 'progress';
  /**
   * The layers that changed since the previous event, each whole (replace by `id`); new ones
   * come in the order the engine first named them. The first event holds every layer known.
   */
  layers: LayerProgress[];
  /** The latest message about the whole transfer (`Pulling from team/app`, `Digest: sha256:...`, `Status: Downloaded newer image for app:1`). */
  message: string;
  /** How many layers the transfer has named so far, and how many of them are `complete` or `exists`. */
  layerCount: number;
  layersDone: number;
  /**
   * Bytes moved (downloaded or pushed) of the layers whose size the engine has said, and that
   * total. Layers not yet started have no size yet, so the total can grow; 0 and 0 when the
   * engine gives no sizes (Podman). Layers that exist already count for nothing.
   */
  bytesDone: number;
  bytesTotal: number;
  /**
   * The whole transfer done, 0 to 100: by bytes when sizes are known (for a pull, download and
   * extraction weigh half each), else by layers done. 100 only at the end.
   */
  percent: number;
  /** Bytes a second over the last few seconds; null until it can be told. */
  bytesPerSecond: number | null;
  /** Seconds left at that speed for the bytes known; null when it cannot be told. */
  secondsLeft: number | null;
  /** Milliseconds since the transfer started (the backend's clock). */
  elapsedMs: number;
  /** True on the last event, sent once the engine has finished; the stream then ends. */
  done: boolean;
  /** The manifest digest the registry gave (`sha256:...`), once known. */
  digest?: string;
}

/** `images.tag`: the name the image has now (as given). */
export interface ImageTagResult {
  target: string;
}

/** A reference checked by one of image-reference.ts's rules; the message names the problem. */
function checkedReference(check: (text: string) => { ok: true } | { ok: false; reason: string }) {
  return z
    .string()
    .min(1, 'is required')
    .max(512, 'is too long')
    .superRefine((value, context) => {
      const result = check(value);
      if (!result.ok) context.addIssue({ code: 'custom', message: result.reason });
    });
}

/** What `images.pull` fetches or `images.push` sends. */
export function transferReference(direction: 'pull' | 'push') {
  return direction === 'pull'
    ? checkedReference(checkPullReference).describe(
        'What to pull: `name`, `name:tag` or `name@sha256:...`, with a registry host and port when not Docker Hub (`127.0.0.1:5000/app:1`); no tag means `latest`.',
      )
    : checkedReference(checkTagTarget).describe(
        'The local tag to push, `[host[:port]/]name[:tag]` (no tag means `latest`); it goes to the registry its name starts with (Docker Hub when none).',
      );
}

/** `images.tag`'s image to name. */
export const tagSource = imageRef.describe('The image to tag: a reference (`app:1`) or an id.');

/** `images.tag`'s new name, checked as `docker tag` checks it. */
export const tagTarget = checkedReference(checkTagTarget).describe(
  'The new name, `[host[:port]/]name[:tag]`: lowercase repository path, tag of letters, digits, `_`, `.`, `-` (at most 128, not starting with `.` or `-`), no digest; no tag means `latest`.',
);
