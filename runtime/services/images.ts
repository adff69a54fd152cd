import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import {
  BerthError,
  toDisposable,
  type Disposable,
  type imagesContract,
  type ImageRemoval,
  type ImageSummary,
  type ParsedMethodParams,
  type ParsedStreamParams,
  type PullProgress,
} from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import { fromEngineError } from '../engine/errors.js';
import { signalOption } from '../engine/signal-option.js';
import type { HandlerSlice, StreamSink } from '../rpc/handlers.js';
import { NdjsonParser } from '../streams/lines.js';
import { checkImageReference, pullArguments } from './run/image-reference.js';

/** images.list, images.remove and the images.pull stream. */
export class ImagesService {
  constructor(private readonly engine: EngineConnection) {}

  async list(signal?: AbortSignal): Promise<ImageSummary[]> {
    try {
      const images = await this.engine.docker.listImages(signalOption(signal));
      return images.map((image) => ({
        engineId: this.engine.status.engineId,
        id: image.Id,
        repoTags: (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
        repoDigests: (image.RepoDigests ?? []).filter((digest) => !digest.startsWith('<none>')),
        created: image.Created,
        sizeBytes: image.Size,
      }));
    } catch (error) {
      throw fromEngineError(error, this.engine.engineUrl);
    }
  }

  /**
   * `docker rmi`. A container using the image is the engine's 409, so `conflict` with its own
   * words (which container, and whether force would help); nothing is decided from the text.
   */
  async remove(params: ParsedMethodParams<'images.remove'>, signal?: AbortSignal): Promise<ImageRemoval> {
    try {
      const answer = (await this.engine.docker.getImage(params.id).remove({ force: params.force, ...signalOption(signal) })) as RemoveAnswer;
      const removal: ImageRemoval = { untagged: [], deleted: [] };
      for (const item of Array.isArray(answer) ? answer : []) {
        if (typeof item.Untagged === 'string') removal.untagged.push(item.Untagged);
        if (typeof item.Deleted === 'string') removal.deleted.push(item.Deleted);
      }
      return removal;
    } catch (error) {
      throw fromEngineError(error, this.engine.engineUrl);
    }
  }

  /** The `images.pull` stream: progress per layer until the image is present. */
  pull(params: ParsedStreamParams<'images.pull'>, sink: StreamSink<PullProgress>): Disposable {
    const abort = new AbortController();
    pullImage(this.engine.docker, params.reference, (progress) => sink.emit(progress), abort.signal).then(
      () => sink.end(),
      (error: unknown) => {
        if (!abort.signal.aborted) sink.fail(fromEngineError(error, this.engine.engineUrl));
      },
    );
    return toDisposable(() => abort.abort());
  }
}

/**
 * Pulls one image, handing each progress line to `onProgress`. The one pull of the backend:
 * the `images.pull` stream and create's "pull when missing" both use it. The engine reports a
 * failed pull as an `error` line inside a 200 answer; with no HTTP status to map, that is
 * `internal` with the engine's own words. A garbled line is skipped, never fatal.
 */
export async function pullImage(docker: Docker, reference: string, onProgress: (progress: PullProgress) => void, signal?: AbortSignal): Promise<void> {
  const check = checkImageReference(reference);
  if (!check.ok) throw new BerthError('invalid_argument', `reference: ${check.reason}`, { field: 'reference' });
  if (check.reference === null) throw new BerthError('invalid_argument', `reference: ${reference} is an image id; only a name can be pulled`, { field: 'reference' });
  let stream: Readable;
  try {
    stream = (await docker.createImage({ ...pullArguments(check.reference), ...signalOption(signal) })) as Readable;
  } catch (error) {
    // A registry the engine cannot reach (a refused connection) is its internal error, 500, before
    // any progress: the image cannot be had from where the reference points.
    const status = (error as { statusCode?: number }).statusCode ?? 0;
    if (status < 500) throw error;
    // For a streamed answer dockerode keeps the engine's words only in its message, after its own prefix.
    const words = error instanceof Error ? error.message.replace(/^\(HTTP code \d+\) [^-]*- /, '').trim() : '';
    throw new BerthError('not_found', words || fromEngineError(error).message, { status, field: 'reference' });
  }
  const parser = new NdjsonParser<PullLine>();
  const handle = (items: ReturnType<NdjsonParser<PullLine>['push']>) => {
    for (const item of items) {
      if (!item.ok) continue;
      const line = item.value;
      if (line.error !== undefined || line.errorDetail !== undefined) {
        throw new BerthError('internal', line.errorDetail?.message ?? line.error ?? 'The pull failed.', { step: 'pull' });
      }
      onProgress(toProgress(line));
    }
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) handle(parser.push(chunk));
  handle(parser.flush());
}

/** `DELETE /images/{name}` answers one record per untagged reference or deleted layer. */
type RemoveAnswer = { Untagged?: string; Deleted?: string }[] | null;

interface PullLine {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

function toProgress(line: PullLine): PullProgress {
  const detail = line.progressDetail ?? {};
  return {
    layer: line.id ?? null,
    status: line.status ?? '',
    ...(typeof detail.current === 'number' ? { current: detail.current } : {}),
    ...(typeof detail.total === 'number' && detail.total > 0 ? { total: detail.total } : {}),
  };
}

/** The images domain's handlers (`runtime/api/images.ts`). */
export function imagesHandlers(engine: EngineConnection): HandlerSlice<typeof imagesContract> {
  const images = new ImagesService(engine);
  return {
    methods: {
      'images.list': (_params, signal) => images.list(signal),
      'images.remove': (params, signal) => images.remove(params, signal),
    },
    streams: {
      'images.pull': (params, sink) => images.pull(params, sink),
    },
  };
}
