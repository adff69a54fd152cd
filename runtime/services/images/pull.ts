import type { Readable } from 'node:stream';
import { BerthError, type PullProgress } from '../../api/index.js';
import { checkImageReference } from '../../api/image-reference.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import { enginePullLineSchema, type EnginePullLine } from '../../engine/json/image.js';
import { NdjsonReader, SkippedLines } from '../../engine/ndjson.js';
import { pullArguments } from '../../engine/pull-arguments.js';

/**
 * Pulls one image, handing each progress line to `onProgress`. The one pull of the backend:
 * the `images.pull` stream and create's "pull when missing" both use it. The engine reports a
 * failed pull as an `error` line inside a 200 answer; with no HTTP status to map, that is
 * `internal` with the engine's own words. A line that cannot be read is skipped (counted and
 * logged), never fatal.
 */
export async function pullImage(client: EngineClient, reference: string, onProgress: (progress: PullProgress) => void, signal?: AbortSignal): Promise<void> {
  const check = checkImageReference(reference);
  if (!check.ok) throw new BerthError('invalid_argument', `reference: ${check.reason}`, { field: 'reference' });
  if (check.reference === null) throw new BerthError('invalid_argument', `reference: ${reference} is an image id; only a name can be pulled`, { field: 'reference' });
  let stream: Readable;
  try {
    stream = await client.images.pull(pullArguments(check.reference), signal);
  } catch (error) {
    // A registry the engine cannot reach (a refused connection) is its internal error, 500, before
    // any progress: the image cannot be had from where the reference points.
    const status = error instanceof BerthError && typeof error.details?.status === 'number' ? error.details.status : 0;
    if (status < 500) throw error;
    // For a streamed answer the engine's words come after dockerode's own prefix.
    const words = (error as BerthError).message.replace(/^\(HTTP code \d+\) [^-]*- /, '').trim();
    throw new BerthError('not_found', words || (error as BerthError).message, { status, field: 'reference' });
  }
  const reader = new NdjsonReader(enginePullLineSchema, new SkippedLines(`pull of ${reference}`));
  const handle = (lines: EnginePullLine[]) => {
    for (const line of lines) {
      if (line.error !== undefined || line.errorDetail !== undefined) {
        throw new BerthError('internal', line.errorDetail?.message ?? line.error ?? 'The pull failed.', { step: 'pull' });
      }
      onProgress(toProgress(line));
    }
  };
  try {
    for await (const chunk of stream) handle(reader.push(chunk as Buffer));
  } catch (error) {
    // An error line is already the BerthError it means; anything else is the stream failing.
    throw error instanceof BerthError ? error : client.failureOf(error);
  }
  handle(reader.flush());
}

function toProgress(line: EnginePullLine): PullProgress {
  const detail = line.progressDetail ?? {};
  return {
    layer: line.id ?? null,
    status: line.status ?? '',
    ...(typeof detail.current === 'number' ? { current: detail.current } : {}),
    ...(typeof detail.total === 'number' && detail.total > 0 ? { total: detail.total } : {}),
  };
}
