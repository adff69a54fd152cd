import { z } from 'zod';
import { params, stream } from './define.js';
import { imageRef } from './refs.js';

/**
 * Image archives: `docker save` and `docker load`. Both are streams rather than methods: the
 * work can take minutes for large images, and a stream carries its progress as events, ends
 * with its result as the last event, and is cancelled by unsubscribing (which aborts the engine
 * request and leaves no half file). Progress events go at most every 100 ms.
 *
 * Files never cross the RPC: `images.save` writes and `images.load` reads a file on the
 * machine of the backend. Its path comes only from `berth api` (the user at a shell); the desktop
 * app asks with its save / open dialog; a browser downloads (`/download/images`) and uploads
 * (`POST /upload/images`) through the web host instead.
 */

const absolutePath = z
  .string()
  .max(4096, 'is too long')
  .regex(/^(\/|[A-Za-z]:[\\/])/, 'must be an absolute path');

/** The images of a save, each named as the user named it, all on one engine (the one the call names). */
export const imageSaveIds = z
  .array(imageRef)
  .min(1, 'must name at least one image')
  .max(100, 'must name at most 100 images')
  .refine((ids) => new Set(ids).size === ids.length, 'must not name an image twice')
  .describe(
    'The images to save, as `docker save` takes them: references (`repo:tag`; the tag is kept in the archive) or ids (saved untagged), all on the engine of the call.',
  );

export const imagesSaveSchema = params({
  ids: imageSaveIds,
  path: absolutePath
    .optional()
    .describe(
      'The tar file to write (absolute; an existing file is replaced once the new one is whole), taken only from `berth api` on this machine. In the desktop app leave it out: the app asks where with its save dialog. A browser downloads the archive instead.',
    ),
});

/** The web host's image download (`GET /download/images?ids=a,b`, see downloads.ts): the images, without `path`. */
export const imagesDownloadSchema = imagesSaveSchema.omit({ path: true });

export const imagesLoadSchema = params({
  path: absolutePath
    .optional()
    .describe(
      'The tar file to load (absolute), as `docker save` wrote it, taken only from `berth api` on this machine. In the desktop app leave it out: the app asks which with its open dialog. A browser uploads the file instead (`POST /upload/images`).',
    ),
});

/** One event of `images.save`. */
export type ImageSaveEvent = ImageArchiveStarted | ImageSaveProgress | ImageSaved;

/** First event: the file is chosen and the engine is writing the archive. */
export interface ImageArchiveStarted {
  type: 'started';
  /** The file written (save) or read (load). */
  path: string;
  /**
   * Save: the images' sizes on disk, summed once per image, as an estimate only (the engine
   * tells no total; the archive is usually close to it, smaller when layers compress in the
   * engine's store, larger by its tar headers). Load: the file's size, exact.
   */
  totalBytes: number;
  /** Whether `totalBytes` is an estimate (save) or exact (load). */
  isEstimate: boolean;
}

/** Bytes written to the file so far (at most one event every 100 ms). */
export interface ImageSaveProgress {
  type: 'progress';
  bytes: number;
}

/** Last event: the file is whole (or the user cancelled the dialog: `path` null, nothing written). */
export interface ImageSaved {
  type: 'saved';
  path: string | null;
  bytes: number;
}

/** One event of `images.load`. */
export type ImageLoadEvent = ImageArchiveStarted | ImageLoadProgress | ImagesLoaded;

/** Bytes of the file the engine has taken so far (at most one event every 100 ms). */
export interface ImageLoadProgress {
  type: 'progress';
  bytes: number;
}

/** What the engine loaded, from its `Loaded image: x` and `Loaded image ID: sha256:...` lines. */
export interface ImageLoadResult {
  /** The references the archive tagged, now naming their images (`Loaded image: busybox:latest`). */
  references: string[];
  /**
   * Images loaded, by id (`Loaded image ID: sha256:...`), as the engine names them. Docker 20.10
   * names them by id only when the LAST image in the archive's manifest.json has no tag, and then
   * every image's id, the tagged ones' too; otherwise an untagged image is loaded unnamed and only
   * `references` says anything (`docker save` orders manifest.json differently from call to call).
   */
  ids: string[];
}

/** Last event: the engine loaded the archive (or the user cancelled the dialog: `path` null, nothing loaded). */
export interface ImagesLoaded extends ImageLoadResult {
  type: 'loaded';
  path: string | null;
  bytes: number;
}

/** The streams of the images domain that save and load archives (spread into `imagesContract`). */
export const imageArchiveStreams = {
  'images.save': stream<ImageSaveEvent>()(
    imagesSaveSchema,
    'Save images to a tar file as `docker save` writes it, streamed from the engine to the file. Events: `started` {path, totalBytes (the images\' sizes, an estimate), isEstimate}; `progress` {bytes written}; last `saved` {path (null: the dialog was cancelled), bytes}. Unsubscribing cancels and leaves no file.',
  ),
  'images.load': stream<ImageLoadEvent>()(
    imagesLoadSchema,
    'Load images from a tar file as `docker load` does, streamed from the file to the engine. Events: `started` {path, totalBytes (the file\'s size)}; `progress` {bytes read}; last `loaded` {path (null: the dialog was cancelled), bytes, references: the tags loaded, ids: image ids the engine named (when the last image of the archive is untagged)}.',
  ),
} as const;

/**
 * The images `docker load` reports, from its output's lines: `Loaded image: <reference>` and
 * `Loaded image ID: <id>`; anything else (progress text) is not a loaded image.
 */
export function loadedImagesOf(lines: readonly string[]): ImageLoadResult {
  const result: ImageLoadResult = { references: [], ids: [] };
  for (const raw of lines) {
    for (const line of raw.split('\n')) {
      const id = /^Loaded image ID: (\S+)\s*$/.exec(line);
      if (id) {
        if (!result.ids.includes(id[1]!)) result.ids.push(id[1]!);
        continue;
      }
      const reference = /^Loaded image: (\S+)\s*$/.exec(line);
      if (reference && !result.references.includes(reference[1]!)) result.references.push(reference[1]!);
    }
  }
  return result;
}

/** `busybox_latest.tar` for one image, `images.tar` for several: a safe file name for a save. */
export function archiveFileName(ids: readonly string[]): string {
  if (ids.length !== 1) return 'images.tar';
  const safe = ids[0]!
    .replace(/^sha256:/, '')
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120);
  return `${safe || 'image'}.tar`;
}
