import { z } from 'zod';
import { defineDomain, method, noParams, params, stream } from './define.js';
import { imageArchiveStreams } from './image-archive.js';
import { imageRef } from './refs.js';

/** Local images: list, remove, pull. */

/** `images.list`: one local image (the Images page, and the Run form's suggestions). */
export interface ImageSummary {
  /** The engine the image is on. */
  engineId: string;
  /** The full image id, `sha256:` and 64 hex digits. */
  id: string;
  /** Every `repo:tag` naming it; empty for an untagged (dangling) image. */
  repoTags: string[];
  /** `repo@sha256:...` for each registry it came from or went to; empty for a local build. */
  repoDigests: string[];
  /** When the image was built, in seconds since the epoch (not when it was pulled). */
  created: number;
  /** Its size on disk including shared layers, in bytes, as `docker images` reports it. */
  sizeBytes: number;
}

/** One event of the `images.pull` stream. */
export interface PullProgress {
  /** Layer id, or null for a message about the whole pull. */
  layer: string | null;
  status: string;
  /** Bytes done and total for this layer, when the engine says (Podman does not). */
  current?: number;
  total?: number;
}

/** `images.remove`: what the engine did, in its order (as `docker rmi` prints it). */
export interface ImageRemoval {
  /** References that no longer name the image, e.g. `busybox:1.36`. */
  untagged: string[];
  /** Ids of images (and their layers) deleted from disk; empty when other tags still name it. */
  deleted: string[];
}

export const imagesContract = defineDomain({
  methods: {
    'images.list': method<ImageSummary[]>()(noParams, 'Images present on the engine (like `docker images`).'),
    'images.remove': method<ImageRemoval>()(
      params({
        id: imageRef.describe(
          'What to remove. A reference (`repo:tag`) removes that tag, and the image with it when no other tag names it; an id removes the image.',
        ),
        force: z
          .boolean()
          .default(false)
          .describe(
            'Remove even when a container uses it, or when an id has several tags (all go). Without it either is a `conflict`. An image a running container uses loses the tag but stays.',
          ),
      }),
      "Remove an image or one of its tags (like `docker rmi`). Containers using it are a `conflict`, with the engine's own words.",
    ),
  },
  streams: {
    'images.pull': stream<PullProgress>()(
      params({
        reference: z
          .string()
          .min(1, 'is required')
          .max(512, 'is too long')
          .describe('What to pull: `name`, `name:tag` or `name@sha256:...`, with a registry host and port when not Docker Hub.'),
      }),
      'Pull an image, reporting progress per layer; ends when the image is present.',
    ),
    // Save and load (image-archive.ts).
    ...imageArchiveStreams,
  },
});
