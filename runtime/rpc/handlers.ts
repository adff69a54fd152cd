import type {
  Disposable,
  MethodName,
  MethodResult,
  ParsedMethodParams,
  ParsedStreamParams,
  StreamEvent,
  StreamName,
} from '../api/index.js';

/** Implements one method. `signal` aborts when the caller cancels or goes away. */
export type MethodHandler<M extends MethodName> = (params: ParsedMethodParams<M>, signal: AbortSignal) => Promise<MethodResult<M>>;

/** Where a stream writes. `end` and `fail` close it; after that `emit` is ignored. */
export interface StreamSink<E> {
  emit(event: E): void;
  end(): void;
  fail(error: unknown): void;
}

/** Opens one stream; the returned disposable (or the signal) tears it down. */
export type StreamHandler<S extends StreamName> = (
  params: ParsedStreamParams<S>,
  sink: StreamSink<StreamEvent<S>>,
  signal: AbortSignal,
) => Disposable | Promise<Disposable>;

/** Every method and stream of the contract, implemented. The compiler checks none is missing. */
export interface ServiceHandlers {
  methods: { [M in MethodName]: MethodHandler<M> };
  streams: { [S in StreamName]: StreamHandler<S> };
}
