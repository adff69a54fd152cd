import { randomBytes } from 'node:crypto';
import {
  BerthError,
  clientEnvelopeSchema,
  isMethodName,
  isStreamName,
  methods,
  parseParams,
  streams,
  toDisposable,
  toWireError,
  type ClientEnvelope,
  type Disposable,
  type MethodName,
  type Port,
  type WireError,
} from '../api/index.js';
import type { MethodHandler, ServiceHandlers, StreamSink } from './handlers.js';

export interface DispatcherOptions {
  /**
   * Stream events are sent at most once per this window: an event after a quiet window goes at
   * once (a keystroke's echo, a container's start), the ones behind it wait and go together.
   */
  batchMs?: number;
  /** Send a batch early once it holds this many events. */
  maxBatch?: number;
  /**
   * Flow control (`StreamSink.ready`): how many events a stream that uses it may have queued
   * or sent but not yet acknowledged by the client before its source must wait. Log events
   * hold at most about 64 KiB of text each, so the default 32 keeps about 2 MiB in flight.
   */
  flowWindow?: number;
  /**
   * A stream under flow control sends as soon as this many events are queued, without waiting
   * for the batch window: its source is reading a backlog as fast as the client takes it, and
   * several envelopes in flight keep both ends busy (the client works on one while the next
   * crosses and the source reads on).
   */
  flowBatch?: number;
  /** Where an `internal` error is logged with its correlation id (the backend's log: stderr). */
  logInternal?: (line: string) => void;
}

interface Subscription {
  abort: AbortController;
  teardown: Disposable | null;
  flush(): void;
  /** The client took one `ack: true` envelope. */
  acknowledged(): void;
}

/**
 * Serves the contract over one Port: validates every message, runs calls, runs streams with
 * batching, and aborts everything the peer cancels, unsubscribes or leaves behind. A
 * malformed message gets an error envelope; the connection stays.
 */
export function serveRpc(port: Port, handlers: ServiceHandlers | HandlerRouter, options: DispatcherOptions = {}): Disposable {
  const router = 'handlersFor' in handlers ? handlers : singleEngine(handlers);
  const batchMs = options.batchMs ?? 16;
  const maxBatch = options.maxBatch ?? 512;
  const flowWindow = options.flowWindow ?? 32;
  const flowBatch = Math.max(1, Math.min(options.flowBatch ?? 2, Math.floor(flowWindow / 4)));
  const calls = new Map<number, AbortController>();
  const subscriptions = new Map<number, Subscription>();

  const logInternal = options.logInternal ?? ((line: string) => process.stderr.write(`${line}\n`));
  const sendError = (id: number | null, error: unknown, where = '(message)') => port.send({ kind: 'error', id, error: wireErrorFor(error, where, logInternal) });

  const handleCall = async (id: number, method: string, rawParams: unknown, engine: string | undefined) => {
    if (!isMethodName(method)) throw new BerthError('not_found', `Unknown method "${method}".`, { method });
    const params: unknown = parseParams(method, methods[method].params, rawParams);
    const handlers = router.handlersFor(engine);
    const abort = new AbortController();
    calls.set(id, abort);
    try {
      const handler = handlers.methods[method] as MethodHandler<MethodName>;
      const result = await handler(params as never, abort.signal);
      if (!abort.signal.aborted) port.send({ kind: 'result', id, result });
    } finally {
      calls.delete(id);
    }
  };

  const handleSubscribe = async (id: number, stream: string, rawParams: unknown, engine: string | undefined) => {
    if (!isStreamName(stream)) throw new BerthError('not_found', `Unknown stream "${stream}".`, { stream });
    const params: unknown = parseParams(stream, streams[stream].params, rawParams);
    const handlers = router.handlersFor(engine);
    let queue: unknown[] = [];
    let timer: NodeJS.Timeout | null = null;
    let lastSentAt = Number.NEGATIVE_INFINITY;
    let closed = false;
    // Flow control, from the first `ready()` on: events of each envelope sent and not yet acknowledged.
    let isFlowControlled = false;
    const unacknowledged: number[] = [];
    let eventsInFlight = 0;
    let waiting: (() => void)[] = [];
    const wake = () => {
      const woken = waiting;
      waiting = [];
      for (const resolve of woken) resolve();
    };
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (queue.length === 0) return;
      const events = queue;
      queue = [];
      lastSentAt = performance.now();
      if (isFlowControlled) {
        unacknowledged.push(events.length);
        eventsInFlight += events.length;
        port.send({ kind: 'event', id, events, ack: true });
      } else {
        port.send({ kind: 'event', id, events });
      }
    };
    const close = () => {
      closed = true;
      flush();
      wake();
      subscriptions.get(id)?.teardown?.dispose();
      subscriptions.delete(id);
    };
    const subscription: Subscription = {
      abort: new AbortController(),
      teardown: null,
      flush,
      acknowledged() {
        eventsInFlight -= unacknowledged.shift() ?? 0;
        // Half the window free again: the source reads on (not at every ack, to read in runs).
        if (eventsInFlight + queue.length <= flowWindow / 2) wake();
      },
    };
    subscriptions.set(id, subscription);
    subscription.abort.signal.addEventListener('abort', wake, { once: true });
    const sink: StreamSink<unknown> = {
      emit(event) {
        if (closed) return;
        queue.push(event);
        if (queue.length >= (isFlowControlled ? flowBatch : maxBatch)) return flush();
        if (timer !== null) return;
        const sinceLastSend = performance.now() - lastSentAt;
        if (sinceLastSend >= batchMs) flush();
        else timer = setTimeout(flush, batchMs - sinceLastSend);
      },
      ready() {
        isFlowControlled = true;
        if (closed || subscription.abort.signal.aborted || eventsInFlight + queue.length < flowWindow) return Promise.resolve();
        // The source is waiting: what is queued goes now rather than at the end of the batch window.
        flush();
        if (eventsInFlight < flowWindow) return Promise.resolve();
        return new Promise<void>((resolve) => waiting.push(resolve));
      },
      end() {
        if (closed) return;
        close();
        port.send({ kind: 'end', id });
      },
      fail(error) {
        if (closed) return;
        close();
        sendError(id, error, stream);
      },
    };
    try {
      const handler = handlers.streams[stream];
      const teardown = await handler(params as never, sink, subscription.abort.signal);
      if (subscription.abort.signal.aborted || closed) teardown.dispose();
      else subscription.teardown = teardown;
    } catch (error) {
      sink.fail(error);
    }
  };

  const stopSubscription = (id: number) => {
    const subscription = subscriptions.get(id);
    if (!subscription) return;
    subscriptions.delete(id);
    subscription.abort.abort();
    subscription.teardown?.dispose();
  };

  const receive = (message: unknown) => {
    const parsed = clientEnvelopeSchema.safeParse(message);
    if (!parsed.success) {
      const id = typeof message === 'object' && message !== null && 'id' in message && typeof message.id === 'number' ? message.id : null;
      const detail = parsed.error.issues[0];
      const where = detail ? `${detail.path.map(String).join('.') || '(message)'}: ${detail.message}` : 'unreadable';
      sendError(id, new BerthError('invalid_argument', `Malformed message: ${where}`, { field: detail?.path.map(String).join('.') ?? '' }));
      return;
    }
    const envelope: ClientEnvelope = parsed.data;
    switch (envelope.kind) {
      case 'call':
        if (calls.has(envelope.id) || subscriptions.has(envelope.id)) {
          sendError(envelope.id, new BerthError('conflict', `Request id ${envelope.id} is already in use.`));
          return;
        }
        handleCall(envelope.id, envelope.method, envelope.params, envelope.engine).catch((error: unknown) => {
          if (!(error instanceof BerthError && error.code === 'cancelled')) sendError(envelope.id, error, envelope.method);
        });
        return;
      case 'cancel':
        calls.get(envelope.id)?.abort();
        calls.delete(envelope.id);
        return;
      case 'subscribe':
        if (calls.has(envelope.id) || subscriptions.has(envelope.id)) {
          sendError(envelope.id, new BerthError('conflict', `Request id ${envelope.id} is already in use.`));
          return;
        }
        handleSubscribe(envelope.id, envelope.stream, envelope.params, envelope.engine).catch((error: unknown) => sendError(envelope.id, error, envelope.stream));
        return;
      case 'unsubscribe':
        stopSubscription(envelope.id);
        return;
      case 'ack':
        subscriptions.get(envelope.id)?.acknowledged();
        return;
    }
  };

  const listening = port.onMessage(receive);
  return toDisposable(() => {
    listening.dispose();
    for (const abort of calls.values()) abort.abort();
    calls.clear();
    for (const id of [...subscriptions.keys()]) stopSubscription(id);
  });
}

/**
 * Which handlers serve a request: those of the engine it names (an id or a name), or of the
 * default engine when it names none. Throws `not_found` for an engine Berth does not know.
 */
export interface HandlerRouter {
  handlersFor(engine: string | undefined): ServiceHandlers;
}

/** One engine only: a request naming any engine is refused, so nothing silently goes elsewhere. */
function singleEngine(handlers: ServiceHandlers): HandlerRouter {
  return {
    handlersFor(engine) {
      if (engine !== undefined) throw new BerthError('not_found', `No engine "${engine}" here: this host serves one engine.`, { engine });
      return handlers;
    },
  };
}

/**
 * The wire form of a failure. `internal` means a bug in Berth: it gets a short correlation id,
 * written to the backend's log with the stack (never params, which may hold secrets) and put
 * into the message, so a user's report can be matched to the log line.
 */
export function wireErrorFor(error: unknown, where: string, log: (line: string) => void): WireError {
  const wire = toWireError(error);
  if (wire.code !== 'internal') return wire;
  const correlationId = randomBytes(4).toString('hex');
  const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
  log(`berth: internal error ${correlationId} in ${where}: ${wire.message}${stack}`);
  return { code: 'internal', message: `${wire.message} (internal error ${correlationId}: please report it; Berth's log has the details)`, details: { ...wire.details, correlationId } };
}
