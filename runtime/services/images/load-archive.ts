import type { Readable } from 'node:stream';
import { BerthError, loadedImagesOf, type ImageLoadResult } from '../../api/index.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import { engineLoadLineSchema, type EngineLoadLine } from '../../engine/json/image-load.js';
import { NdjsonReader, SkippedLines } from '../../engine/ndjson.js';
import { ByteProgress } from './byte-progress.js';

/** What a load did: the images the engine reports, and the bytes of the archive it took. */
export interface LoadedArchive extends ImageLoadResult {
  bytes: number;
}

/**
 * `docker load`: `archive` streamed to the engine as it is read (a file, or a browser's upload
 * as it arrives: nothing is buffered whole, nothing goes to a temporary file), `onBytes` told
 * the bytes sent so far at most every 100 ms. Aborting `signal` aborts the engine request.
 *
 * The engine answers once it has read the archive. A load it could not do (not a tar, a
 * truncated file) is an `error` line inside that 200 answer: with no HTTP status to map, it is
 * `invalid_argument` (the archive given was refused) with the engine's own words. The engine
 * may answer before reading all of `archive` (a file that is no tar fails at its first bytes):
 * then `archive` is left unread here, and its owner drains or closes it.
 */
export async function loadArchive(client: EngineClient, archive: Readable, onBytes: (bytes: number) => void, signal: AbortSignal): Promise<LoadedArchive> {
  const progress = new ByteProgress(onBytes);
  const counter = progress.counter();
  // Not `pipeline`: it would destroy `archive` with the counter, and a browser's upload must
  // stay open for the answer after the engine refused it.
  const forwardError = (error: Error) => counter.destroy(error);
  archive.on('error', forwardError);
  archive.pipe(counter);
  try {
    const answer = await client.images.load(counter, signal);
    const reader = new NdjsonReader(engineLoadLineSchema, new SkippedLines('load of an image archive'));
    const said: string[] = [];
    const handle = (lines: EngineLoadLine[]) => {
      for (const line of lines) {
        if (line.error != null || line.errorDetail != null) {
          const words = line.errorDetail?.message ?? line.error ?? 'the engine gave no reason';
          throw new BerthError('invalid_argument', `The engine could not load the archive: ${words}`, { step: 'load' });
        }
        if (typeof line.stream === 'string') said.push(line.stream);
      }
    };
    try {
      for await (const chunk of answer) handle(reader.push(chunk as Buffer));
    } catch (error) {
      throw error instanceof BerthError ? error : client.failureOf(error);
    }
    handle(reader.flush());
    return { ...loadedImagesOf(said), bytes: progress.bytes };
  } finally {
    archive.off('error', forwardError);
    archive.unpipe(counter);
    counter.destroy();
  }
}
