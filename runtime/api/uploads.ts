import type { z } from 'zod';
import { noParams } from './define.js';
import type { ImageLoadResult } from './image-archive.js';
import { paramsFromQuery } from './downloads.js';
import { volumeRestoreUploadSchema, type VolumeRestoreResult } from './volume-files.js';

/**
 * Files a browser sends to the web host of `berth serve`, each on its own path
 * (`POST /upload/<name>?<params>`, the file as the request body), behind the same token, Host
 * and Origin checks as `/rpc` (and an Origin is required: a browser always sends one with a
 * POST). The body is streamed to the engine as it arrives: no temporary file, never held whole.
 * The answer is the result as JSON (200), or the error's message as plain text with the status of
 * its code, as for downloads. The desktop app reads files with its open dialog instead
 * (`images.load` without `path`); `berth api` names the file (`images.load` with `path`).
 */
export const uploads = {
  images: upload<ImageLoadResult & { bytes: number }>()(
    noParams,
    'An image archive as `docker save` writes it (the body), loaded by the engine like `docker load`; answers {references, ids, bytes}.',
  ),
  'volume-restore': upload<VolumeRestoreResult>()(
    volumeRestoreUploadSchema,
    'A volume backup (`.tar.gz` or `.tar`, the body) restored into a new or empty volume (`?name=data`, `&overwrite=1` for one holding files); answers {volume, created, bytes}.',
  ),
} as const;

/** An upload: its query params, a one-line doc, and what it answers (`result` is a type-only marker, as in define.ts). */
export interface UploadSpec<P extends z.ZodType = z.ZodType, R = unknown> {
  params: P;
  doc: string;
  result?: R;
}

/** Declares an upload answering `R`: `upload<R>()(params, doc)`. */
function upload<R>() {
  return <P extends z.ZodType>(params: P, doc: string): UploadSpec<P, R> => ({ params, doc });
}

export type UploadName = keyof typeof uploads;
export type UploadParams<N extends UploadName> = z.output<(typeof uploads)[N]['params']>;
export type UploadResult<N extends UploadName> = (typeof uploads)[N] extends UploadSpec<z.ZodType, infer R> ? R : never;

export const uploadPathPrefix = '/upload/';

export function isUploadName(name: string): name is UploadName {
  return Object.hasOwn(uploads, name);
}

/**
 * The path of an upload to `engine` (the default when absent), with its query params written as
 * a download's are: `/upload/images?engine=...`, `/upload/volume-restore?name=data&overwrite=1`.
 */
export function uploadUrl(name: UploadName, engine?: string, params: Record<string, string | number | boolean | undefined> = {}): string {
  const query: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    query.push(`${encodeURIComponent(key)}=${encodeURIComponent(typeof value === 'boolean' ? (value ? '1' : '0') : String(value))}`);
  }
  if (engine !== undefined) query.push(`engine=${encodeURIComponent(engine)}`);
  return `${uploadPathPrefix}${name}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/** A query's params for an upload, read as a download's are (downloads.ts). */
export function uploadParamsFrom(name: UploadName, query: Iterable<[string, string]>): ReturnType<typeof paramsFromQuery> {
  return paramsFromQuery(uploads[name].params, query);
}
