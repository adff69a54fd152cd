import type { Readable } from 'node:stream';
import { toDisposable, type Disposable, type ParsedStreamParams, type StatsSample, type statsContract } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import { fromEngineError } from '../engine/errors.js';
import type { HandlerSlice, StreamSink } from '../rpc/handlers.js';
import { NdjsonParser } from '../streams/lines.js';
import { toStatsSample, type EngineStats } from './stats-sample.js';

/**
 * `containers.stats`: the engine's own once-a-second stream, mapped to samples. Nothing is
 * polled; unsubscribing aborts the engine request.
 */
export async function openStatsStream(
  engine: EngineConnection,
  params: ParsedStreamParams<'containers.stats'>,
  sink: StreamSink<StatsSample>,
): Promise<Disposable> {
  const abort = new AbortController();
  let stream: Readable;
  try {
    // dockerode accepts abortSignal here; its typings lag behind.
    const options = { stream: true, abortSignal: abort.signal } as { stream: true };
    stream = (await engine.docker.getContainer(params.id).stats(options)) as unknown as Readable;
  } catch (error) {
    throw fromEngineError(error, engine.engineUrl);
  }
  const parser = new NdjsonParser<EngineStats>();
  stream.on('data', (chunk: Buffer) => {
    for (const item of parser.push(chunk)) {
      if (item.ok) sink.emit(toStatsSample(item.value, Date.now()));
    }
  });
  stream.on('end', () => sink.end());
  stream.on('error', (error) => {
    if (!abort.signal.aborted) sink.fail(fromEngineError(error, engine.engineUrl));
  });
  return toDisposable(() => {
    abort.abort();
    stream.destroy();
  });
}

/** The stats domain's handlers (`runtime/api/stats.ts`). */
export function statsHandlers(engine: EngineConnection): HandlerSlice<typeof statsContract> {
  return {
    methods: {},
    streams: {
      'containers.stats': (params, sink) => openStatsStream(engine, params, sink),
    },
  };
}
