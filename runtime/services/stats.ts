import type { Readable } from 'node:stream';
import { toDisposable, type Disposable, type ParsedStreamParams, type StatsSample, type statsContract } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import { engineStatsSchema } from '../engine/json/streams.js';
import { NdjsonReader, SkippedLines } from '../engine/ndjson.js';
import type { HandlerSlice, StreamSink } from '../rpc/handlers.js';
import { toStatsSample } from './stats-sample.js';

/**
 * `containers.stats`: the engine's own once-a-second stream, mapped to samples. Nothing is
 * polled; `signal` is the dispatcher's, so unsubscribing (or the subscriber going away) aborts
 * the engine request.
 */
export async function openStatsStream(
  engine: Pick<EngineConnection, 'client'>,
  params: ParsedStreamParams<'containers.stats'>,
  sink: StreamSink<StatsSample>,
  signal: AbortSignal,
): Promise<Disposable> {
  const client = engine.client;
  const stream: Readable = await client.containers.stats(params.id, signal);
  // A reading that cannot be read is skipped (counted and logged); the next one comes a second later.
  const reader = new NdjsonReader(engineStatsSchema, new SkippedLines(`stats of ${params.id}`));
  stream.on('data', (chunk: Buffer) => {
    for (const stats of reader.push(chunk)) sink.emit(toStatsSample(stats, Date.now()));
  });
  stream.on('end', () => sink.end());
  stream.on('error', (error) => {
    if (!signal.aborted) sink.fail(client.failureOf(error));
  });
  return toDisposable(() => stream.destroy());
}

/** The stats domain's handlers (`runtime/api/stats.ts`). */
export function statsHandlers(engine: EngineConnection): HandlerSlice<typeof statsContract> {
  return {
    methods: {},
    streams: {
      'containers.stats': (params, sink, signal) => openStatsStream(engine, params, sink, signal),
    },
  };
}
