import type { Readable } from 'node:stream';
import type {
  Disposable,
  DownloadName,
  DownloadParams,
  Domain,
  EventOf,
  MethodName,
  MethodResult,
  ParamsOf,
  ParsedMethodParams,
  ParsedStreamParams,
  ResultOf,
  StreamEvent,
  StreamName,
  UploadName,
  UploadParams,
  UploadResult,
} from '../api/index.js';

/** Implements one method. `signal` aborts when the caller cancels or goes away. */
export type MethodHandler<M extends MethodName> = (params: ParsedMethodParams<M>, signal: AbortSignal) => Promise<MethodResult<M>>;

/** Where a stream writes. `end` and `fail` close it; after that `emit` is ignored. */
export interface StreamSink<E> {
  emit(event: E): void;
  /**
   * Flow control, for a stream whose source can wait (a log being read): resolves at once
   * while the subscriber keeps up, else once it has taken most of what was sent (or the stream
   * closed). Await it after emitting and stop reading the source meanwhile.
   */
  ready(): Promise<void>;
  end(): void;
  fail(error: unknown): void;
}

/**
 * Opens one stream. `signal` aborts when the subscriber unsubscribes or goes away: pass it to
 * every engine request made for the stream. The returned disposable tears down the rest.
 */
export type StreamHandler<S extends StreamName> = (
  params: ParsedStreamParams<S>,
  sink: StreamSink<StreamEvent<S>>,
  signal: AbortSignal,
) => Disposable | Promise<Disposable>;

/**
 * The handlers of one domain, exported by its service: exactly the domain's methods and
 * streams, so the compiler proves each has one handler and nothing else is implemented there.
 */
export interface HandlerSlice<D extends Domain> {
  methods: { [M in keyof D['methods']]: (params: ParamsOf<D['methods'][M]>, signal: AbortSignal) => Promise<ResultOf<D['methods'][M]>> };
  streams: {
    [S in keyof D['streams']]: (
      params: ParamsOf<D['streams'][S]>,
      sink: StreamSink<EventOf<D['streams'][S]>>,
      signal: AbortSignal,
    ) => Disposable | Promise<Disposable>;
  };
}

/** Every method and stream of the contract, implemented. The compiler checks none is missing. */
export interface ServiceHandlers {
  methods: { [M in MethodName]: MethodHandler<M> };
  streams: { [S in StreamName]: StreamHandler<S> };
}

type Merged<U> = (U extends unknown ? (merged: U) => void : never) extends (merged: infer I) => void ? I : never;

/**
 * Joins the slices into one set of handlers. Each slice implements exactly its domain, and the
 * contract refuses a name declared by two domains, so every name ends up with one handler.
 */
export function composeSlices<const T extends readonly { methods: object; streams: object }[]>(
  ...slices: T
): { methods: Merged<T[number]['methods']>; streams: Merged<T[number]['streams']> } {
  return {
    methods: Object.assign({}, ...slices.map((slice) => slice.methods)) as Merged<T[number]['methods']>,
    streams: Object.assign({}, ...slices.map((slice) => slice.streams)) as Merged<T[number]['streams']>,
  };
}

/** A file to download: its name for the browser, and its bytes streamed from the engine. */
export interface Download {
  /** A safe file name (`web.log`). */
  fileName: string;
  contentType: string;
  /** Destroying it aborts the engine request. */
  body: Readable;
}

/**
 * Serves the web host's downloads (`runtime/api/downloads.ts`) for one engine. `signal`
 * aborts when the browser goes away; pass it to the engine request.
 */
export type DownloadHandlers = { [N in DownloadName]: (params: DownloadParams<N>, signal: AbortSignal) => Promise<Download> };

/**
 * Serves the web host's uploads (`runtime/api/uploads.ts`) for one engine: `body` is the
 * request's body as it arrives (never buffered whole). `signal` aborts when the browser goes
 * away; pass it to the engine request. The handler leaves `body` to the host (which drains it
 * so the browser hears the answer even when the engine refused the upload early).
 */
export type UploadHandlers = { [N in UploadName]: (params: UploadParams<N>, body: Readable, signal: AbortSignal) => Promise<UploadResult<N>> };

/** Everything served on one engine connection: the contract's handlers, the downloads and the uploads. */
export interface EngineServices {
  handlers: ServiceHandlers;
  downloads: DownloadHandlers;
  uploads: UploadHandlers;
  dispose(): void;
}
