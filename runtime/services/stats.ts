import type { Readable } from 'node:stream';
import { toDisposable, type Disposable, type ParsedStreamParams, type StatsSample, type statsContract } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import { check } from '../engine/json/read.js';
import { engineStatsSchema } from '../engine/json/streams.js';
import type { HandlerSlice, StreamSink } from '../rpc/handlers.js';
import { NdjsonParser } from '../streams/lines.js';
import { toStatsSample } from './stats-sample.js';

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
  const client = engine.client;
  const stream: Readable = await client.containers.stats(params.id, abort.signal);
  const parser = new NdjsonParser();
  stream.on('data', (chunk: Buffer) => {
    for (const item of parser.push(chunk)) {
      const stats = item.ok ? check(engineStatsSchema, item.value) : null;
      if (stats?.ok) sink.emit(toStatsSample(stats.value, Date.now()));
    }
  });
  stream.on('end', () => sink.end());
  stream.on('error', (error) => {
    if (!abort.signal.aborted) sink.fail(client.failureOf(error));
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
