import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import { BerthError, type ParsedMethodParams, type VolumeFileText, type VolumeFolderEvent, type VolumeListing } from '../../api/index.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import { goModeDir, goModeSymlink, type EngineArchiveStat } from '../../engine/json/volume.js';
import { withHelper } from './helper-container.js';
import { FolderListing, readTarHeaders, type TarHeader } from './tar-listing.js';
import { noSuchVolume } from './volumes-service.js';

/** Where a browsed volume is mounted in its helper container. */
export const browseMount = '/berth-volume';

const hasBit = (mode: number, bit: number) => Math.floor(mode / bit) % 2 === 1;

/** Go's FileMode type bits besides a folder's: named pipe, socket, device, char device, irregular. */
const otherTypeBits = [2 ** 25, 2 ** 24, 2 ** 26, 2 ** 21, 2 ** 19];

/** The volume must exist before a helper mounts it: mounting a missing volume would create it. */
export async function requireVolume(client: EngineClient, name: string, signal: AbortSignal): Promise<void> {
  if ((await client.volumes.inspectOrNull(name, signal)) === null) throw noSuchVolume(name);
}

/** The path's place in the helper: `/berth-volume/logs`, or the mount itself for the root. */
export function helperPath(mount: string, path: string): string {
  return path === '/' ? mount : `${mount}${path}`;
}

/**
 * Stats each part of `path` in turn, so that no part is a symbolic link: the engine follows links
 * in a path's parents, and a link in a volume may point anywhere in the container (`/etc`). Each
 * part checked to be a real folder keeps the next inside the volume. Answers the last part's stat
 * (null for the root).
 */
export async function statInside(client: EngineClient, containerId: string, mount: string, path: string, signal: AbortSignal): Promise<EngineArchiveStat | null> {
  const parts = path.split('/').filter(Boolean);
  let stat: EngineArchiveStat | null = null;
  for (let index = 0; index < parts.length; index++) {
    const prefix = `/${parts.slice(0, index + 1).join('/')}`;
    stat = await client.archive.stat(containerId, helperPath(mount, prefix), signal).catch((error: unknown) => {
      throw notFoundAsPath(error, prefix);
    });
    if (stat === null) throw new BerthError('internal', `The engine answered a stat of ${prefix} without the path's facts.`);
    if (hasBit(stat.mode, goModeSymlink)) {
      throw new BerthError('invalid_argument', `path: ${prefix} is a symbolic link to ${stat.linkTarget ?? '?'}; Berth follows no links inside a volume (one may point out of it): open its target instead.`, {
        field: 'path',
      });
    }
    if (index < parts.length - 1 && !hasBit(stat.mode, goModeDir)) {
      throw new BerthError('invalid_argument', `path: ${prefix} is a file, not a folder.`, { field: 'path' });
    }
  }
  return stat;
}

/** The engine's 404 for a path ("Could not find the file ... in container ...") said as the caller's path. */
function notFoundAsPath(error: unknown, path: string): unknown {
  if (error instanceof BerthError && error.code === 'not_found') return new BerthError('not_found', `path: nothing at ${path} in the volume.`, { field: 'path' });
  return error;
}

/**
 * Reads one folder through a helper: its headers, one by one, to `onHeader` (the tar the engine
 * makes of it, file contents skipped), then `onRead` once the tar has ended, before the helper
 * is removed (so a caller can answer without waiting for that).
 */
async function walkFolder(client: EngineClient, params: ParsedMethodParams<'volumes.browse'>, signal: AbortSignal, onHeader: (header: TarHeader) => void, onRead: () => void): Promise<void> {
  await requireVolume(client, params.name, signal);
  await withHelper(client, [{ volume: params.name, target: browseMount, readOnly: true }], signal, async (containerId) => {
    const stat = await statInside(client, containerId, browseMount, params.path, signal);
    if (stat !== null && !hasBit(stat.mode, goModeDir)) {
      throw new BerthError('invalid_argument', `path: ${params.path} is a file, not a folder: read it with volumes.readFile, or download it.`, { field: 'path' });
    }
    const { body } = await client.archive.read(containerId, `${helperPath(browseMount, params.path)}/.`, signal).catch((error: unknown) => {
      throw notFoundAsPath(error, params.path);
    });
    await readTarHeaders(body, onHeader, signal).catch((error: unknown) => {
      throw error instanceof BerthError ? error : client.failureOf(error);
    });
    onRead();
  });
}

/** `volumes.browse`: one folder's entries, from the tar the engine makes of it. */
export async function browseVolume(client: EngineClient, engineId: string, params: ParsedMethodParams<'volumes.browse'>, signal: AbortSignal): Promise<VolumeListing> {
  const listing = new FolderListing();
  await walkFolder(client, params, signal, (header) => listing.add(header), () => undefined);
  return { engineId, volume: params.name, path: params.path, entries: listing.result() };
}

/** A batch goes when this many entries wait (a few screens), or `folderBatchMs` after the first of them. */
const folderBatchEntries = 256;
const folderBatchMs = 50;

/**
 * `volumes.readFolder`: the same walk, its entries sent as they are read: a batch every 50 ms
 * or 256 entries, then `done` as soon as the tar has ended (the helper is removed after).
 */
export async function readVolumeFolder(client: EngineClient, engineId: string, params: ParsedMethodParams<'volumes.browse'>, emit: (event: VolumeFolderEvent) => void, signal: AbortSignal): Promise<void> {
  const listing = new FolderListing();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (listing.hasNews) emit({ type: 'entries', ...listing.take() });
  };
  try {
    await walkFolder(
      client,
      params,
      signal,
      (header) => {
        listing.add(header);
        if (listing.pendingCount >= folderBatchEntries) send();
        else if (timer === null && listing.hasNews) timer = setTimeout(send, folderBatchMs);
      },
      () => {
        send();
        emit({ type: 'done', engineId, volume: params.name, path: params.path, entryCount: listing.result().length });
      },
    );
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}

/** `volumes.readFile`: the first `maxBytes` of a regular file, as text unless it is binary. */
export async function readVolumeFile(client: EngineClient, params: ParsedMethodParams<'volumes.readFile'>, signal: AbortSignal): Promise<VolumeFileText> {
  await requireVolume(client, params.name, signal);
  if (params.path === '/') throw new BerthError('invalid_argument', 'path: / is the volume\'s root folder, not a file.', { field: 'path' });
  return withHelper(client, [{ volume: params.name, target: browseMount, readOnly: true }], signal, async (containerId) => {
    const stat = await statInside(client, containerId, browseMount, params.path, signal);
    if (stat !== null && hasBit(stat.mode, goModeDir)) throw new BerthError('invalid_argument', `path: ${params.path} is a folder: browse it.`, { field: 'path' });
    if (stat !== null && otherTypeBits.some((bit) => hasBit(stat.mode, bit))) {
      throw new BerthError('invalid_argument', `path: ${params.path} is not a regular file (a pipe, socket or device): it has no content to read.`, { field: 'path' });
    }
    const { body } = await client.archive.read(containerId, helperPath(browseMount, params.path), signal);
    const { bytes, sizeBytes } = await firstFileOf(body, params.maxBytes, signal);
    const truncated = sizeBytes > bytes.length;
    return { path: params.path, sizeBytes, text: textOf(bytes, truncated), truncated };
  });
}

/** UTF-8 text without NUL characters, or null (binary). A character cut at the end of a truncated read is dropped. */
export function textOf(bytes: Buffer, truncated: boolean): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated });
  } catch {
    return null;
  }
}

/** The content of the first entry of a tar, up to `maxBytes`, and its whole size; the rest is not read. */
function firstFileOf(source: Readable, maxBytes: number, signal: AbortSignal): Promise<{ bytes: Buffer; sizeBytes: number }> {
  return new Promise((resolve, reject) => {
    const extract = tar.extract();
    const stop = () => {
      source.unpipe(extract);
      source.destroy();
      extract.destroy();
    };
    const onAbort = () => {
      stop();
      reject(new BerthError('cancelled', 'The request was cancelled.'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const done = (result: { bytes: Buffer; sizeBytes: number } | Error) => {
      signal.removeEventListener('abort', onAbort);
      stop();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    extract.once('entry', (header: TarHeader, body: Readable) => {
      const chunks: Buffer[] = [];
      let length = 0;
      const sizeBytes = header.size ?? 0;
      body.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        if (length >= maxBytes) done({ bytes: Buffer.concat(chunks).subarray(0, maxBytes), sizeBytes });
      });
      body.on('end', () => done({ bytes: Buffer.concat(chunks).subarray(0, maxBytes), sizeBytes }));
    });
    extract.on('finish', () => done(new BerthError('internal', 'The engine answered with an archive holding no file.')));
    extract.on('error', (error: Error) => done(error));
    source.on('error', (error: Error) => done(error));
    source.pipe(extract);
  });
}
