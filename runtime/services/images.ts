import type { Readable } from 'node:stream';
import { BerthError, toDisposable, type Disposable, type ImageSummary, type ParsedStreamParams, type PullProgress } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import { fromEngineError } from '../engine/errors.js';
import { signalOption } from '../engine/signal-option.js';
import type { StreamSink } from '../rpc/handlers.js';
import { NdjsonParser } from '../streams/lines.js';

/** images.list and the images.pull stream. */
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
   * Pulls, streaming the engine's progress. The engine reports a failed pull as an `error`
   * line in a 200 response, so each line is checked; a garbled line is skipped, not fatal.
   */
  async pull(params: ParsedStreamParams<'images.pull'>, sink: StreamSink<PullProgress>): Promise<Disposable> {
    const abort = new AbortController();
    let stream: Readable;
    try {
      stream = (await this.engine.docker.pull(params.reference, { abortSignal: abort.signal })) as Readable;
    } catch (error) {
      throw fromEngineError(error, this.engine.engineUrl);
    }
    const parser = new NdjsonParser<PullLine>();
    let failed = false;
    const handle = (items: ReturnType<NdjsonParser<PullLine>['push']>) => {
      for (const item of items) {
        if (!item.ok || failed) continue;
        const line = item.value;
        if (line.error || line.errorDetail) {
          failed = true;
          sink.fail(new BerthError(/not found|manifest unknown/i.test(line.error ?? '') ? 'not_found' : 'internal', line.errorDetail?.message ?? line.error ?? 'The pull failed.'));
          continue;
        }
        sink.emit(toProgress(line));
      }
    };
    stream.on('data', (chunk: Buffer) => handle(parser.push(chunk)));
    stream.on('end', () => {
      handle(parser.flush());
      if (!failed) sink.end();
    });
    stream.on('error', (error) => {
      if (!abort.signal.aborted) sink.fail(fromEngineError(error, this.engine.engineUrl));
    });
    return toDisposable(() => {
      abort.abort();
      stream.destroy();
    });
  }
}

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
