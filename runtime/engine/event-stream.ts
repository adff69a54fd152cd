import type { Readable } from 'node:stream';
import { NdjsonParser } from '../streams/lines.js';
import type { EngineClient } from './client/engine-client.js';
import { check } from './json/read.js';
import { engineEventSchema, type EngineEvent } from './json/streams.js';

/** The kinds of item whose events Berth follows. */
const watchedTypes = ['container', 'image', 'volume', 'network'];

/** Opens the engine's one `/events` stream; aborting `signal` closes it. */
export function openEngineEvents(client: EngineClient, signal: AbortSignal): Promise<Readable> {
  return client.system.events(watchedTypes, signal);
}

/**
 * Hands each event of an open `/events` stream to `onEvent`, and says once why it ended: the
 * stream's end or failure IS the disconnect (the engine can keep answering `/_ping` while its
 * event stream is gone, so nothing else is asked).
 */
export function followEngineEvents(stream: Readable, handlers: { onEvent(event: EngineEvent): void; onEnd(why: string): void }): void {
  const parser = new NdjsonParser();
  stream.on('data', (chunk: Buffer) => {
    for (const item of parser.push(chunk)) {
      const event = item.ok ? check(engineEventSchema, item.value) : null;
      if (!event?.ok) continue; // A garbled line costs one event, never the connection.
      handlers.onEvent(event.value);
    }
  });
  stream.on('end', () => handlers.onEnd('The engine closed its event stream (it stopped or restarted).'));
  stream.on('error', (error) => handlers.onEnd(`The engine connection broke: ${error.message}`));
}
