import type { Readable } from 'node:stream';
import type { EngineClient } from './client/engine-client.js';
import { engineEventSchema, type EngineEvent } from './json/streams.js';
import { NdjsonReader, type SkippedLines } from './ndjson.js';

/**
 * Opens the engine's one `/events` stream, of every type the engine sends (the Events page shows
 * them all: daemon and plugin events too; each watcher picks its own types); aborting `signal`
 * closes it.
 */
export function openEngineEvents(client: EngineClient, signal: AbortSignal, since?: string): Promise<Readable> {
  return client.system.events(signal, since);
}

/**
 * Hands each event of an open `/events` stream to `onEvent`, and says once why it ended: the
 * stream's end or failure IS the disconnect (the engine can keep answering `/_ping` while its
 * event stream is gone, so nothing else is asked). A line that cannot be read costs that one
 * event, counted and logged in `skipped`, never the connection.
 */
export function followEngineEvents(
  stream: Readable,
  skipped: SkippedLines,
  handlers: { onEvent(event: EngineEvent): void; onEnd(why: string): void },
): void {
  const reader = new NdjsonReader(engineEventSchema, skipped);
  stream.on('data', (chunk: Buffer) => {
    for (const event of reader.push(chunk)) handlers.onEvent(event);
  });
  stream.on('end', () => handlers.onEnd('The engine closed its event stream (it stopped or restarted).'));
  stream.on('error', (error) => handlers.onEnd(`The engine connection broke: ${error.message}`));
}
