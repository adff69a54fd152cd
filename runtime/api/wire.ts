import { z } from 'zod';
import { errorCodes, type WireError } from './errors.js';
import type { Disposable } from './disposable.js';

/**
 * The one wire envelope. Every message carries the request id it belongs to; the client
 * chooses ids, the host echoes them.
 *
 * - `call` / `result` / `error`: one request, one answer. `cancel` aborts a call in flight.
 * - `subscribe` / `event` / `end` / `error`: a stream. Events arrive batched (`events` is
 *   never empty); `end` closes the stream normally, `error` closes it with a failure.
 *   `unsubscribe` stops it from the client side; no `end` follows.
 * - `ack`: flow control. An `event` envelope marked `ack: true` (streams whose source can wait,
 *   such as a log being read) is answered with `ack` as soon as the client receives it (before
 *   handling its events, so the next one crosses meanwhile); the host sends only a bounded
 *   window of events ahead of the acks, so a slow client slows the source instead of filling
 *   memory on either side.
 *
 * A `call` or `subscribe` may name the engine it is for (`engine`: an engine id or name);
 * absent, it goes to the default engine. The engine routes the request; it is never a
 * parameter of a method, so the domain contracts stay engine-agnostic.
 */
export type Envelope =
  | { kind: 'call'; id: number; method: string; params: unknown; engine?: string }
  | { kind: 'cancel'; id: number }
  | { kind: 'subscribe'; id: number; stream: string; params: unknown; engine?: string }
  | { kind: 'unsubscribe'; id: number }
  | { kind: 'ack'; id: number }
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number | null; error: WireError }
  | { kind: 'event'; id: number; events: unknown[]; ack?: true }
  | { kind: 'end'; id: number };

export type ClientEnvelope = Extract<Envelope, { kind: 'call' | 'cancel' | 'subscribe' | 'unsubscribe' | 'ack' }>;
export type HostEnvelope = Extract<Envelope, { kind: 'result' | 'error' | 'event' | 'end' }>;

const requestId = z.number().int().nonnegative();
const engineRef = z.string().min(1).max(256).optional();

/** Validates what a host receives. Anything else is answered with an error envelope. */
export const clientEnvelopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('call'), id: requestId, method: z.string().min(1), params: z.unknown(), engine: engineRef }),
  z.object({ kind: z.literal('cancel'), id: requestId }),
  z.object({ kind: z.literal('subscribe'), id: requestId, stream: z.string().min(1), params: z.unknown(), engine: engineRef }),
  z.object({ kind: z.literal('unsubscribe'), id: requestId }),
  z.object({ kind: z.literal('ack'), id: requestId }),
]);

/** Validates what a client receives. */
export const hostEnvelopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('result'), id: requestId, result: z.unknown() }),
  z.object({
    kind: z.literal('error'),
    id: requestId.nullable(),
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
  z.object({ kind: z.literal('event'), id: requestId, events: z.array(z.unknown()).min(1), ack: z.literal(true).optional() }),
  z.object({ kind: z.literal('end'), id: requestId }),
]);

/**
 * A bidirectional message channel: Electron IPC, a WebSocket, or an in-process pair.
 * Messages are plain data (structured-clone safe). `onMessage` returns its disposer.
 */
export interface Port {
  send(message: Envelope): void;
  onMessage(listener: (message: unknown) => void): Disposable;
  /** Fires once when the channel closes for good. Optional: IPC ports never close. */
  onClose?(listener: () => void): Disposable;
}
