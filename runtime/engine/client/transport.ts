import { Duplex, Readable } from 'node:stream';
import type Docker from 'dockerode';
import { BerthError } from '../../api/index.js';
import { fromEngineError } from '../errors.js';

/** One request to the engine's HTTP API, spelled out: no options object doubling as query and body. */
export interface EngineRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  /** Without the query, e.g. `/containers/abc/start`; values in it are escaped with `pathPart`. */
  path: string;
  /** Objects (filters) are sent as JSON, as the engine wants them; undefined values are left out. */
  query?: Record<string, string | number | boolean | object | undefined>;
  /** Sent as JSON (POST only). */
  body?: object;
  /**
   * A byte stream sent as the body instead, as it is read (POST or PUT: a build context's tar, an
   * image archive, files for a container's archive), never buffered whole; the request ends when it does.
   */
  upload?: Readable | undefined;
  signal?: AbortSignal | undefined;
  /** Statuses besides 2xx that mean the work is done: 304 from start/stop (already in that state). */
  alsoDone?: readonly number[];
  /**
   * How long the engine may take to answer a request (not a stream) before it is a `timeout`
   * naming the engine: a hung engine must never hang a page. Default `defaultAnswerTimeoutMs`;
   * work that takes long by nature (a stop waiting for its grace period, a prune) says so.
   */
  timeoutMs?: number;
  /** `X-Registry-Auth`, base64url JSON, for a push or pull (the engine refuses a push without one). */
  registryAuth?: string;
}

/** What an engine that is alive answers any plain request within. */
export const defaultAnswerTimeoutMs = 30_000;

export interface TransportOptions {
  /** Told the round-trip time of every answered request: the Engines page shows them (no pings of its own). */
  onRoundTrip?: ((milliseconds: number) => void) | undefined;
  /** The API version negotiated with the engine (identity.ts): every path is sent as `/v1.41/...`. Absent: unversioned. */
  apiVersion?: string | null | undefined;
}

/**
 * The engine's HTTP API as Berth uses it, over dockerode's modem: dockerode is wrapped here and
 * nowhere else. Every request carries its `signal`. Every failure is a BerthError mapped once,
 * from the engine's HTTP status (errors.ts); any 2xx is success whatever dockerode's per-method
 * status tables say (some engines answer a resize with 201).
 */
export interface EngineTransport {
  /** The answer's JSON (undefined for an empty answer, the text for one that is not JSON). */
  request(request: EngineRequest): Promise<unknown>;
  /** The answer as a byte stream (NDJSON progress, stats, events). Aborting `signal` ends it. */
  stream(request: EngineRequest): Promise<Readable>;
  /**
   * The connection itself, upgraded to a raw socket (attach, exec start). `signal` cancels only
   * until the socket is open: from then on its owner closes it (an exec wants end-of-file first).
   */
  hijack(request: EngineRequest & { stdin: boolean }): Promise<Duplex>;
  /** A failure of an open stream or socket, mapped the same way. */
  failureOf(error: unknown): BerthError;
}

/** An id or name in a path: escaped, so a `?`, `#`, `%` or `/` in it cannot change which request it is. */
export function pathPart(value: string): string {
  return encodeURIComponent(value);
}

/** An image reference in a path: its `/`, `:` and `@` stay as they are (the engine routes on them). */
export function imagePathPart(reference: string): string {
  return reference
    .split('/')
    .map((part) => pathPart(part).replace(/%3A/gi, ':').replace(/%40/g, '@'))
    .join('/');
}

export function modemTransport(docker: Docker, engineUrl: string, options: TransportOptions = {}): EngineTransport {
  const failureOf = (error: unknown) => fromEngineError(error, engineUrl);

  const dial = (request: EngineRequest, mode: { isStream?: boolean; hijack?: boolean; openStdin?: boolean }) =>
    new Promise<unknown>((resolve, reject) => {
      const query = Object.fromEntries(Object.entries(request.query ?? {}).filter(([, value]) => value !== undefined));
      const hasQuery = Object.keys(query).length > 0;
      const statusCodes: Record<number, boolean> = { 200: true, 201: true, 202: true, 204: true };
      for (const status of request.alsoDone ?? []) statusCodes[status] = true;
      const path = options.apiVersion ? `/v${options.apiVersion}${request.path}` : request.path;
      docker.modem.dial(
        {
          path: hasQuery ? `${path}?` : path,
          method: request.method,
          // `_body: {}` sends no body at all: the modem would otherwise send the query as the body too.
          options: { _query: query, _body: request.body ?? {} },
          // The modem pipes `file` into the request (as `application/tar`), chunked.
          ...(request.upload ? { file: request.upload } : {}),
          statusCodes,
          ...(request.registryAuth === undefined ? {} : { authconfig: { base64: request.registryAuth } }),
          ...(request.signal ? { abortSignal: request.signal } : {}),
          ...mode,
        },
        (error, result) => (error ? reject(failureOf(error)) : resolve(result)),
      );
    });

  return {
    async request(request) {
      const timeoutMs = request.timeoutMs ?? defaultAnswerTimeoutMs;
      const timeout = AbortSignal.timeout(timeoutMs);
      const started = performance.now();
      try {
        const answer = decodeAnswer(await dial({ ...request, signal: request.signal ? AbortSignal.any([request.signal, timeout]) : timeout }, {}));
        options.onRoundTrip?.(performance.now() - started);
        return answer;
      } catch (error) {
        if (timeout.aborted && !request.signal?.aborted) {
          throw new BerthError('timeout', `${engineUrl} did not answer ${request.method} ${request.path} within ${timeoutMs / 1000} s.`, { engine: engineUrl });
        }
        // An engine refusal is an answer too: its time counts.
        if (error instanceof BerthError && error.details?.status !== undefined) options.onRoundTrip?.(performance.now() - started);
        throw error;
      }
    },
    async stream(request) {
      const answer = await dial(request, { isStream: true });
      if (answer instanceof Readable) return answer;
      throw new BerthError('internal', `The engine answered ${request.method} ${request.path} without a stream.`);
    },
    async hijack({ stdin, signal, ...request }) {
      const untilOpen = new AbortController();
      const cancel = () => untilOpen.abort(signal?.reason);
      if (signal?.aborted) cancel();
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        const socket = await dial({ ...request, signal: untilOpen.signal }, { isStream: true, hijack: true, openStdin: stdin });
        if (socket instanceof Duplex) return socket;
        throw new BerthError('internal', `The engine answered ${request.method} ${request.path} without a connection to use.`);
      } finally {
        signal?.removeEventListener('abort', cancel);
      }
    },
    failureOf,
  };
}

/** The modem hands back parsed JSON, or the raw bytes when the answer was empty or not an object. */
function decodeAnswer(answer: unknown): unknown {
  if (!Buffer.isBuffer(answer)) return answer;
  const text = answer.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    // `null` (e.g. no filesystem changes) arrives here too: the modem treats it as "not JSON".
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** For reads whose caller asks "or null": the engine's 404 (mapped to `not_found`) is the null. */
export async function orNullWhenMissing<T>(answer: Promise<T>): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof BerthError && error.code === 'not_found') return null;
    throw error;
  }
}
