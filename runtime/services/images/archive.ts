import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import {
  archiveFileName,
  BerthError,
  toDisposable,
  type Disposable,
  type ImageLoadEvent,
  type ImageSaveEvent,
  type ParsedStreamParams,
} from '../../api/index.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import type { Download, StreamSink } from '../../rpc/handlers.js';
import { writeLogFile } from '../logs/log-file.js';
import { ByteProgress } from './byte-progress.js';
import { loadArchive } from './load-archive.js';

/** A file to ask the user for with the desktop app's open dialog. */
export interface OpenFileRequest {
  title: string;
  /** File types offered, as Electron's dialog filters take them. */
  filters: { name: string; extensions: string[] }[];
}

/** What the program hosting Berth offers image saves and loads (the desktop app's dialogs). */
export interface ImageArchiveHost {
  /** The save dialog, suggesting a name; null when the user cancels (as for logs.save). */
  chooseSavePath?: ((suggestedName: string) => Promise<string | null>) | undefined;
  /** The open dialog; null when the user cancels. Absent (`berth serve`, `berth api`): `images.load` needs its `path`. */
  chooseOpenPath?: ((request: OpenFileRequest) => Promise<string | null>) | undefined;
  /** Whether a caller may name the file itself (`path`): `berth api` only (see LogsHost). */
  acceptsPaths?: boolean | undefined;
}

/** A path is taken only from `berth api`: the desktop app asks with its dialog, a browser downloads or uploads. */
function checkPathRule(method: 'images.save' | 'images.load', given: string | undefined, host: ImageArchiveHost, hasDialog: boolean): void {
  if (given === undefined || host.acceptsPaths === true) return;
  const instead = method === 'images.save' ? 'written from here; download the archive instead (its link is served by this host)' : 'read from here; upload the archive instead (POST /upload/images on this host)';
  throw new BerthError(
    'invalid_argument',
    hasDialog ? `${method}: path: leave it out: the app asks with its ${dialogOf(method)} dialog (a path is taken only from berth api).` : `${method}: path: files are not ${instead}.`,
    { field: 'path' },
  );
}

/** The caller's path (its rule checked first), or the dialog's choice (null: cancelled). */
async function chosenPath(method: 'images.save' | 'images.load', given: string | undefined, ask: (() => Promise<string | null>) | undefined): Promise<string | null> {
  if (given !== undefined) return given;
  if (ask === undefined) throw new BerthError('invalid_argument', `${method}: path: is required here: only the desktop app has an ${dialogOf(method)} dialog to ask with.`, { field: 'path' });
  return ask();
}

const dialogOf = (method: 'images.save' | 'images.load') => (method === 'images.save' ? 'save' : 'open');

/**
 * The images of a save, each looked up first so that a missing one is named (the engine's own
 * 404 says only "reference does not exist"), with their sizes summed once per image as the
 * estimate of the archive's size.
 */
async function imagesToSave(client: EngineClient, ids: readonly string[], signal: AbortSignal): Promise<{ estimateBytes: number }> {
  const found = await Promise.all(ids.map((id) => client.images.inspectOrNull(id, signal)));
  const missing = ids.filter((_id, index) => found[index] === null);
  if (missing.length > 0) {
    throw new BerthError('not_found', `ids: no image ${missing.map((id) => `"${id}"`).join(', ')} on this engine.`, { field: 'ids', missing });
  }
  const imageIds = new Set(found.map((image) => image!.Id));
  const sizes = new Map((await client.images.list(signal)).map((image) => [image.Id, image.Size ?? 0]));
  let estimateBytes = 0;
  for (const id of imageIds) estimateBytes += sizes.get(id) ?? 0;
  return { estimateBytes };
}

/** The archive `docker save` writes, as a download (also the body `images.save` writes to its file). */
export async function openImageArchive(client: EngineClient, ids: readonly string[], signal: AbortSignal): Promise<Download & { estimateBytes: number }> {
  const { estimateBytes } = await imagesToSave(client, ids, signal);
  const body = await client.images.save(ids, signal);
  return { fileName: archiveFileName(ids), contentType: 'application/x-tar', body, estimateBytes };
}

/** Runs `work`, ending the stream with its last event, or failing it unless it was cancelled. */
function runStream<E>(sink: StreamSink<E>, signal: AbortSignal, work: () => Promise<void>): Disposable {
  work().then(
    () => sink.end(),
    (error: unknown) => {
      if (!signal.aborted) sink.fail(error);
    },
  );
  return toDisposable(() => undefined); // the signal ends the engine request and the file
}

/** `images.save`: the archive streamed from the engine into the file, with progress. */
export function saveImages(client: EngineClient, params: ParsedStreamParams<'images.save'>, host: ImageArchiveHost, sink: StreamSink<ImageSaveEvent>, signal: AbortSignal): Disposable {
  return runStream(sink, signal, async () => {
    const ask = host.chooseSavePath;
    const ids = params.ids;
    // The path rule first (nothing asked of the engine for a refused call), then the images, so a
    // missing one is said before a dialog opens.
    checkPathRule('images.save', params.path, host, ask !== undefined);
    const { estimateBytes } = await imagesToSave(client, ids, signal);
    const target = await chosenPath('images.save', params.path, ask && (() => ask(archiveFileName(ids))));
    if (target === null) return sink.emit({ type: 'saved', path: null, bytes: 0 });
    const body = await client.images.save(ids, signal);
    sink.emit({ type: 'started', path: target, totalBytes: estimateBytes, isEstimate: true });
    const progress = new ByteProgress((bytes) => sink.emit({ type: 'progress', bytes }));
    const counted: Readable = pipeline(body, progress.counter(), () => undefined);
    const bytes = await writeLogFile(counted, target, signal);
    sink.emit({ type: 'saved', path: target, bytes });
  });
}

/** `images.load`: the file streamed to the engine, with progress, then the images it loaded. */
export function loadImages(client: EngineClient, params: ParsedStreamParams<'images.load'>, host: ImageArchiveHost, sink: StreamSink<ImageLoadEvent>, signal: AbortSignal): Disposable {
  return runStream(sink, signal, async () => {
    const ask = host.chooseOpenPath;
    checkPathRule('images.load', params.path, host, ask !== undefined);
    const source = await chosenPath('images.load', params.path, ask && (() => ask({ title: 'Load images', filters: [{ name: 'Image archives', extensions: ['tar'] }] })));
    if (source === null) return sink.emit({ type: 'loaded', path: null, bytes: 0, references: [], ids: [] });
    const size = await fileSize(source);
    sink.emit({ type: 'started', path: source, totalBytes: size, isEstimate: false });
    const file = createReadStream(source);
    try {
      const loaded = await loadArchive(client, file, (bytes) => sink.emit({ type: 'progress', bytes }), signal);
      sink.emit({ type: 'loaded', path: source, ...loaded });
    } catch (error) {
      throw readError(error, source);
    } finally {
      file.destroy();
    }
  });
}

async function fileSize(source: string): Promise<number> {
  try {
    const facts = await stat(source);
    if (facts.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    return facts.size;
  } catch (error) {
    throw readError(error, source);
  }
}

/** A file system refusal names the path: the caller chose it. */
function readError(error: unknown, source: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'it does not exist',
    ENOTDIR: 'a part of it is not a folder',
    EACCES: 'Berth may not read it',
    EPERM: 'Berth may not read it',
    EISDIR: 'it is a folder',
  };
  const reason = code === undefined ? undefined : reasons[code];
  if (reason === undefined) return error;
  return new BerthError('invalid_argument', `path: cannot read ${source}: ${reason}.`, { field: 'path' });
}
