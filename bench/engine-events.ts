import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import type { Disposable } from '../runtime/api/index.js';
import { benchLabel } from './bench-containers.js';

/**
 * The engine's own clock for "a container started": the `timeNano` of its `start` event, read
 * from the engine's `/events` on the real socket (not through the counting proxy).
 */

export interface StartEvents extends Disposable {
  /** Epoch milliseconds of the next-or-already-seen `start` event of the named container. */
  startedAt(name: string, timeoutMs: number): Promise<number>;
}

interface EngineEvent {
  Type?: string;
  Action?: string;
  timeNano?: number;
  Actor?: { Attributes?: Record<string, string> };
}

export async function watchStartEvents(docker: Docker): Promise<StartEvents> {
  const abort = new AbortController();
  const stream = (await docker.getEvents({
    abortSignal: abort.signal,
    filters: { type: ['container'], event: ['start'], label: [`${benchLabel}=1`] },
  })) as unknown as Readable;
  const seen = new Map<string, number>();
  const waiting = new Map<string, (ms: number) => void>();
  let pending = '';

  stream.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      const event = JSON.parse(line) as EngineEvent;
      const name = event.Actor?.Attributes?.name;
      if (event.Type !== 'container' || event.Action !== 'start' || !name || event.timeNano === undefined) continue;
      // timeNano exceeds 2^53, so it is not exact as a number; ~100 ns either way does not matter here.
      const ms = event.timeNano / 1e6;
      seen.set(name, ms);
      waiting.get(name)?.(ms);
    }
  });
  stream.on('error', () => undefined); // Aborting on dispose ends the stream with an error.

  return {
    startedAt: (name, timeoutMs) => {
      const known = seen.get(name);
      if (known !== undefined) return Promise.resolve(known);
      return new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(name);
          reject(new Error(`no start event for ${name} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(name, (ms) => {
          clearTimeout(timer);
          waiting.delete(name);
          resolve(ms);
        });
      });
    },
    dispose: () => {
      abort.abort();
      stream.destroy();
    },
  };
}
