import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { BerthError, type VolumeRestoreResult } from '../../api/index.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import type { Download } from '../../rpc/handlers.js';
import { ByteProgress } from '../images/byte-progress.js';
import { browseMount, helperPath, requireVolume, statInside } from './browse.js';
import { safeFileName } from './file-choice.js';
import { openThroughHelper, withHelper } from './helper-container.js';
import { restoreInput } from './restore-input.js';
import { rebaseTar } from './tar-rebase.js';
import { firstEntriesBelowRoot } from './tar-listing.js';
import { noSuchVolume } from './volumes-service.js';

/**
 * The bytes of a volume's files in and out: a backup (`.tar.gz` of the whole volume), a file or
 * folder as a tar, a restore into a new or empty volume, a clone. Every byte streams: from the
 * engine's archive API through a counter (progress) to the file or the browser, or from the file
 * or upload through a check (restore-input.ts) to the engine. Nothing is held whole.
 */

type OnBytes = (bytes: number) => void;

/**
 * Where restores and clones mount the volume they write: one level below a folder of the helper's
 * own, so that an engine that extracts one level up (Docker, see ArchiveCalls.extractionPlan)
 * finds nothing else there.
 */
const writeMount = '/berth-restore/volume';
const cloneFrom = '/berth-clone/volume';

/** Extracts a tar (entries from its root) into the volume mounted at `mount`, its root's owner, mode and time kept where the engine allows. */
function extractInto(client: EngineClient, containerId: string, mount: string, tar: Readable, label: string, signal: AbortSignal): Promise<void> {
  const plan = client.archive.extractionPlan(mount);
  return client.archive.write(containerId, plan.path, plan.entriesUnder === null ? tar : rebaseTar(tar, plan.entriesUnder, label), signal);
}

/** A counter between `source` and the rest: `onBytes` hears the bytes read so far, at most every 100 ms. */
function counted(source: Readable, onBytes: OnBytes): { stream: Readable; progress: ByteProgress } {
  const progress = new ByteProgress(onBytes);
  return { stream: pipeline(source, progress.counter(), () => undefined), progress };
}

/** `volumes.backup` / `/download/volume-backup`: the whole volume as a `.tar.gz`, entries `./...`. */
export async function openVolumeBackup(client: EngineClient, name: string, onBytes: OnBytes, signal: AbortSignal): Promise<Download> {
  await requireVolume(client, name, signal);
  const body = await openThroughHelper(client, [{ volume: name, target: browseMount, readOnly: true }], signal, async (containerId) => {
    const { body: archive } = await client.archive.read(containerId, `${browseMount}/.`, signal);
    return pipeline(counted(archive, onBytes).stream, createGzip(), () => undefined);
  });
  return { fileName: safeFileName(name, '.tar.gz'), contentType: 'application/gzip', body };
}

/** `volumes.download` / `/download/volume-files`: a file or folder as a tar (the root's entries as `./...`, another's under its own name). */
export async function openVolumeFiles(client: EngineClient, name: string, path: string, onBytes: OnBytes, signal: AbortSignal): Promise<Download> {
  await requireVolume(client, name, signal);
  const body = await openThroughHelper(client, [{ volume: name, target: browseMount, readOnly: true }], signal, async (containerId) => {
    await statInside(client, containerId, browseMount, path, signal);
    const { body: archive } = await client.archive.read(containerId, path === '/' ? `${browseMount}/.` : helperPath(browseMount, path), signal);
    return counted(archive, onBytes).stream;
  });
  const base = path === '/' ? name : path.slice(path.lastIndexOf('/') + 1);
  return { fileName: safeFileName(base, '.tar'), contentType: 'application/x-tar', body };
}

/** The first few entries of the volume (empty: it holds nothing). */
async function entriesOf(client: EngineClient, containerId: string, mount: string, signal: AbortSignal): Promise<string[]> {
  const { body } = await client.archive.read(containerId, `${mount}/.`, signal);
  return firstEntriesBelowRoot(body, 3, signal);
}

/** Removes a volume this call made, after a failure (with a signal of its own: a cancelled call cleans up too). */
async function removeMadeVolume(client: EngineClient, name: string): Promise<void> {
  await client.volumes.remove(name, AbortSignal.timeout(60_000)).catch(() => undefined);
}

/**
 * Restores `source` (a file or an upload, as it is read) into the volume `name`: made for it when
 * missing (and removed again when the restore fails), else used only when empty unless
 * `overwrite`. The source is checked to be a tar before the engine gets a byte of it.
 */
export async function restoreVolume(
  client: EngineClient,
  params: { name: string; overwrite: boolean },
  source: Readable,
  label: string,
  onBytes: OnBytes,
  signal: AbortSignal,
): Promise<VolumeRestoreResult> {
  // Not `pipeline`: it would destroy `source` with the counter, and a browser's upload must stay
  // open to hear why it was refused (the host drains what is left of it).
  const progress = new ByteProgress(onBytes);
  const counter = progress.counter();
  const forwardError = (error: Error) => counter.destroy(error);
  source.on('error', forwardError);
  source.pipe(counter);
  let made = false;
  let tarStream: Readable | null = null;
  try {
    const { tar, sourceProblem } = await restoreInput(counter, label);
    tarStream = tar;
    const existing = await client.volumes.inspectOrNull(params.name, signal);
    if (existing === null) {
      await client.volumes.create({ Name: params.name, Driver: 'local', DriverOpts: {}, Labels: {} }, signal);
      made = true;
    }
    await withHelper(client, [{ volume: params.name, target: writeMount, readOnly: false }], signal, async (containerId) => {
      if (!made && !params.overwrite) {
        const held = await entriesOf(client, containerId, writeMount, signal);
        if (held.length > 0) {
          throw new BerthError(
            'conflict',
            `name: the volume "${params.name}" is not empty (it holds ${held.join(', ')}${held.length >= 3 ? ', …' : ''}): restore into a new or empty volume, or choose overwrite (files of the same name are replaced, the others stay).`,
            { field: 'name' },
          );
        }
      }
      await extractInto(client, containerId, writeMount, tar, label, signal).catch((error: unknown) => {
        const problem = sourceProblem();
        if (problem !== null) throw problem;
        if (error instanceof BerthError && error.details?.field === 'file') throw error;
        if (error instanceof BerthError && error.code !== 'cancelled' && error.code !== 'engine_unreachable' && error.code !== 'timeout') {
          throw new BerthError(error.code, `The engine could not restore the archive: ${error.message}${made ? '' : ` (the volume "${params.name}" may hold part of it now)`}`, { ...error.details, field: 'file' });
        }
        throw error;
      });
    });
  } catch (error) {
    if (made) await removeMadeVolume(client, params.name);
    throw error;
  } finally {
    source.off('error', forwardError);
    source.unpipe(counter);
    counter.destroy();
    tarStream?.destroy();
  }
  return { volume: params.name, created: made, bytes: progress.bytes };
}

/** A restore from a file on this machine: its size first (for progress), then the file streamed. */
export async function restoreFromFile(client: EngineClient, params: { name: string; overwrite: boolean }, file: string, onStarted: (totalBytes: number) => void, onBytes: OnBytes, signal: AbortSignal): Promise<VolumeRestoreResult> {
  const size = await fileSize(file);
  onStarted(size);
  const source = createReadStream(file);
  try {
    return await restoreVolume(client, params, source, file, onBytes, signal);
  } finally {
    source.destroy();
  }
}

async function fileSize(file: string): Promise<number> {
  try {
    const facts = await stat(file);
    if (facts.isDirectory()) throw new BerthError('invalid_argument', `file: cannot read ${file}: it is a folder.`, { field: 'file' });
    return facts.size;
  } catch (error) {
    if (error instanceof BerthError) throw error;
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' || code === 'EPERM' ? 'Berth may not read it' : code === 'ENOTDIR' ? 'a part of it is not a folder' : null;
    if (reason === null) throw error;
    throw new BerthError('invalid_argument', `file: cannot read ${file}: ${reason}.`, { field: 'file' });
  }
}

/**
 * `volumes.clone`: a new volume `target` (the source's driver and labels) with a copy of every
 * file of `name`, through one helper mounting both. A clone that fails removes `target`.
 */
export async function cloneVolume(client: EngineClient, name: string, target: string, onBytes: OnBytes, signal: AbortSignal): Promise<{ bytes: number }> {
  const source = await client.volumes.inspectOrNull(name, signal);
  if (source === null) throw noSuchVolume(name);
  if (name === target) throw new BerthError('invalid_argument', 'target: must be another name than the volume cloned.', { field: 'target' });
  if ((await client.volumes.inspectOrNull(target, signal)) !== null) {
    throw new BerthError('conflict', `target: a volume named "${target}" already exists on this engine.`, { field: 'target' });
  }
  await client.volumes.create({ Name: target, Driver: source.Driver ?? 'local', DriverOpts: {}, Labels: source.Labels ?? {} }, signal);
  try {
    return await withHelper(
      client,
      [
        { volume: name, target: cloneFrom, readOnly: true },
        { volume: target, target: writeMount, readOnly: false },
      ],
      signal,
      async (containerId) => {
        const { body } = await client.archive.read(containerId, `${cloneFrom}/.`, signal);
        const copy = counted(body, onBytes);
        await extractInto(client, containerId, writeMount, copy.stream, `the copy of ${name}`, signal);
        return { bytes: copy.progress.bytes };
      },
    );
  } catch (error) {
    await removeMadeVolume(client, target);
    throw error;
  }
}
