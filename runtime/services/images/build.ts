import type { Readable } from 'node:stream';
import { BerthError, toDisposable, type BuildEvent, type Disposable, type ParsedStreamParams } from '../../api/index.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import { engineBuildLineSchema } from '../../engine/json/build.js';
import { NdjsonReader, SkippedLines } from '../../engine/ndjson.js';
import type { StreamSink } from '../../rpc/handlers.js';
import { packBuildContext, prepareBuildContext } from './build-context.js';
import { BuildLog } from './build-log.js';

/**
 * The `images.build` stream: checks the context, streams it to the engine's `POST /build`
 * (classic builder), and turns the engine's log into events until the image is built. `signal`
 * is the dispatcher's: unsubscribing aborts the engine request, and the engine then stops the
 * build (it kills and removes the running step's container). Resolves when the stream is over
 * (ended or failed).
 */
export async function buildImage(client: EngineClient, params: ParsedStreamParams<'images.build'>, sink: StreamSink<BuildEvent>, signal: AbortSignal): Promise<void> {
  const context = await prepareBuildContext(params.context, params.dockerfile, signal);
  signal.throwIfAborted();
  sink.emit({ type: 'context', files: context.files, bytes: context.bytes });

  const tar = packBuildContext(context);
  // However the request ends (done, refused, aborted), the packing stops and its files close.
  const stopPacking = () => tar.destroy();
  let answer: Readable;
  try {
    answer = await client.images.build(
      {
        dockerfile: context.dockerfile,
        t: params.tags,
        buildargs: params.buildArgs,
        target: params.target,
        nocache: params.noCache,
        pull: params.pull,
        rm: true,
        forcerm: true,
      },
      tar,
      signal,
    );
  } catch (error) {
    stopPacking();
    throw error;
  }

  const log = new BuildLog();
  const reader = new NdjsonReader(engineBuildLineSchema, new SkippedLines(`build of ${params.context}`));
  const send = async (events: BuildEvent[]) => {
    for (const event of events) sink.emit(event);
    // A RUN flooding its output waits for the view rather than filling memory.
    if (events.length > 0) await sink.ready();
  };
  try {
    for await (const chunk of answer) {
      const reading = log.read(reader.push(chunk as Buffer));
      await send(reading.events);
      if (reading.failure) throw reading.failure;
    }
    const last = log.read(reader.flush());
    await send([...last.events, ...log.finish()]);
    if (last.failure) throw last.failure;
  } catch (error) {
    throw error instanceof BerthError ? error : client.failureOf(error);
  } finally {
    stopPacking();
    answer.destroy();
  }

  const imageId = log.imageId ?? (await imageIdOfTag(client, params.tags[0], signal));
  sink.emit({ type: 'built', imageId, tags: params.tags });
}

/** An engine that does not say the id (`aux.ID`) still tagged the image: its first tag names it. */
async function imageIdOfTag(client: EngineClient, tag: string | undefined, signal: AbortSignal): Promise<string> {
  if (tag === undefined) throw new BerthError('internal', 'The engine finished the build without saying which image it built.');
  return (await client.images.inspect(tag, signal)).Id;
}

/** The stream handler: runs the build, ends or fails the sink (an abort is the subscriber leaving: nothing to tell). */
export function buildStream(client: EngineClient, params: ParsedStreamParams<'images.build'>, sink: StreamSink<BuildEvent>, signal: AbortSignal): Disposable {
  buildImage(client, params, sink, signal).then(
    () => sink.end(),
    (error: unknown) => {
      if (!signal.aborted) sink.fail(error);
    },
  );
  return toDisposable(() => undefined); // nothing else to tear down: the signal ends the request and the packing
}
