import type {
  MethodName,
  MethodParams,
  MethodResult,
  StreamEvent,
  StreamName,
  StreamParams,
} from './contract.js';
import { BerthError } from './errors.js';
import { toDisposable, type Disposable } from './disposable.js';
import { hostEnvelopeSchema, type Port } from './wire.js';

export interface StreamHandlers<E> {
  onEvent(event: E): void;
  /** The stream ended normally (the host sent `end`). */
  onEnd?(): void;
  /** The stream failed, or the connection to the host closed. */
  onError?(error: BerthError): void;
}

/**
 * The part of `AbortSignal` the client uses. Declared here because the contract compiles
 * without DOM or Node types; both platforms' `AbortSignal` satisfy it.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Where a request goes. */
export interface RequestOptions {
  /** The engine's id or name; absent: the default engine. */
  engine?: string | undefined;
}

/** The envelope's `engine` field: left out (not `undefined`) when absent, so envelopes stay minimal. */
function engineOf(options: RequestOptions): { engine?: string } {
  return options.engine === undefined ? {} : { engine: options.engine };
}

interface PendingCall {
  resolve(value: unknown): void;
  reject(error: BerthError): void;
}

interface OpenStream {
  onEvents(events: unknown[]): void;
  onEnd(): void;
  onError(error: BerthError): void;
}

/**
 * The typed client made from the contract: the only way the renderer (and e2e, and the CLI)
 * reaches the backend. One per Port.
 */
export class BerthClient implements Disposable {
  private nextId = 1;
  private readonly calls = new Map<number, PendingCall>();
  private readonly streams = new Map<number, OpenStream>();
  private readonly subscriptions: Disposable[] = [];
  private closed = false;

  constructor(private readonly port: Port) {
    this.subscriptions.push(port.onMessage((message) => this.receive(message)));
    const onClose = port.onClose?.(() => this.failAll(new BerthError('engine_unreachable', 'The connection to Berth closed.')));
    if (onClose) this.subscriptions.push(onClose);
  }

  /**
   * Calls one method on `engine` (an engine id or name; the default engine when absent).
   * `signal` sends `cancel`; the promise then rejects with `cancelled`.
   */
  call<M extends MethodName>(method: M, params: MethodParams<M>, options: RequestOptions & { signal?: AbortSignalLike } = {}): Promise<MethodResult<M>> {
    if (this.closed) return Promise.reject(new BerthError('engine_unreachable', 'The connection to Berth is closed.'));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new BerthError('cancelled', `${method} was cancelled.`));
    const id = this.nextId++;
    return new Promise<MethodResult<M>>((resolve, reject) => {
      const onAbort = () => {
        this.calls.delete(id);
        this.port.send({ kind: 'cancel', id });
        reject(new BerthError('cancelled', `${method} was cancelled.`));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.calls.set(id, {
        resolve: (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value as MethodResult<M>);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      this.port.send({ kind: 'call', id, method, params, ...engineOf(options) });
    });
  }

  /** Opens a stream on `engine` (the default when absent). Disposing the returned handle unsubscribes (the host aborts its work). */
  subscribe<S extends StreamName>(stream: S, params: StreamParams<S>, handlers: StreamHandlers<StreamEvent<S>>, options: RequestOptions = {}): Disposable {
    if (this.closed) {
      void Promise.resolve().then(() => handlers.onError?.(new BerthError('engine_unreachable', 'The connection to Berth is closed.')));
      return toDisposable(() => undefined);
    }
    const id = this.nextId++;
    this.streams.set(id, {
      onEvents: (events) => {
        for (const event of events) handlers.onEvent(event as StreamEvent<S>);
      },
      onEnd: () => handlers.onEnd?.(),
      onError: (error) => handlers.onError?.(error),
    });
    this.port.send({ kind: 'subscribe', id, stream, params, ...engineOf(options) });
    return toDisposable(() => {
      if (this.streams.delete(id) && !this.closed) this.port.send({ kind: 'unsubscribe', id });
    });
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.failAll(new BerthError('cancelled', 'The client was disposed.'));
  }

  private failAll(error: BerthError): void {
    this.closed = true;
    const calls = [...this.calls.values()];
    const streams = [...this.streams.values()];
    this.calls.clear();
    this.streams.clear();
    for (const call of calls) call.reject(error);
    for (const stream of streams) stream.onError(error);
  }

  private receive(message: unknown): void {
    const parsed = hostEnvelopeSchema.safeParse(message);
    if (!parsed.success) return; // Not ours to answer: a host never sends malformed envelopes.
    const envelope = parsed.data;
    switch (envelope.kind) {
      case 'result': {
        const call = this.calls.get(envelope.id);
        this.calls.delete(envelope.id);
        call?.resolve(envelope.result);
        return;
      }
      case 'error': {
        if (envelope.id === null) return;
        const error = BerthError.fromWire(envelope.error);
        const call = this.calls.get(envelope.id);
        if (call) {
          this.calls.delete(envelope.id);
          call.reject(error);
          return;
        }
        const stream = this.streams.get(envelope.id);
        this.streams.delete(envelope.id);
        stream?.onError(error);
        return;
      }
      case 'event': {
        const stream = this.streams.get(envelope.id);
        // Taken (flow control): the host may send the next while these are handled. The
        // envelope is in hand here, so what the host has out stays bounded by its window.
        if (envelope.ack && stream && !this.closed) this.port.send({ kind: 'ack', id: envelope.id });
        stream?.onEvents(envelope.events);
        return;
      }
      case 'end': {
        const stream = this.streams.get(envelope.id);
        this.streams.delete(envelope.id);
        stream?.onEnd();
        return;
      }
    }
  }
}
