import { z } from 'zod';
import { defineDomain, method, noParams, params, stream } from './define.js';
import { imageArchiveStreams } from './image-archive.js';
import { imageRef } from './refs.js';
// images.build (the build part of the images issue): its params, events and rules.
import { imagesBuildSchema, type BuildEvent } from './image-build.js';
export * from './image-build.js';
import { transferReference, tagSource, tagTarget, type ImageTagResult, type TransferProgress } from './image-transfer.js';

/** Local images: list, remove, pull, push and tag. */

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
    'images.tag': method<ImageTagResult>()(
      params({ source: tagSource, target: tagTarget }),
      'Give a local image another name (like `docker tag SOURCE TARGET`): `target` is checked as the docker CLI checks it.',
    ),
  },
  streams: {
    // Transfers (runtime/api/image-transfer.ts): pull and push report per-layer progress.
    'images.pull': stream<TransferProgress>()(
      params({
        reference: transferReference('pull'),
        platform: z
          .string()
          .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+){0,2}$/, 'must look like linux/amd64 or linux/arm/v7')
          .optional()
          .describe('`docker pull --platform OS/ARCH[/VARIANT]`: which platform of a multi-platform image. Left out: the engine\'s own.'),
      }),
      'Pull an image (like `docker pull`), reporting progress per layer, coalesced to at most 20 events a second; ends when the image is present. Unsubscribing cancels the pull and leaves no tag.',
    ),
    'images.push': stream<TransferProgress>()(
      params({ reference: transferReference('push') }),
      'Push a local tag to its registry (like `docker push`), with the same progress as a pull; ends when the registry has it.',
    ),
    // images.build: its params and events are in image-build.ts.
    'images.build': stream<BuildEvent>()(
      imagesBuildSchema,
      "Build an image from a directory on the backend's machine (`docker build`, classic builder): the log step by step, then the image id; a failed step ends it with that step's error.",
    ),
    // Save and load (image-archive.ts).
    ...imageArchiveStreams,
  },
});
