import { BerthError, type ErrorCode } from '../api/index.js';
import { describeConnectError } from './probe.js';

/** The shape of a failure from dockerode / docker-modem. */
interface EngineFailure {
  name?: string;
  statusCode?: number;
  json?: unknown;
  reason?: string;
  code?: string;
  message?: string;
}

/**
 * HTTP status from the engine -> contract error code. Never decided from message text.
 * `internal` is kept for bugs in Berth, so the engine's own failure (500: a container not
 * paused, an ambiguous id prefix, a user the image lacks) is the engine refusing what was asked
 * in its present state, a `conflict` in its own words; a proxy in front of it that cannot reach
 * it (502, 503) is the engine being unreachable.
 */
export function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'invalid_argument';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 502 || status === 503) return 'engine_unreachable';
  if (status >= 500) return 'conflict';
  return 'internal';
}

const connectionCodes = new Set(['ESSH', 'ENOENT', 'EACCES', 'EPERM', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** Turns whatever dockerode threw into a BerthError carrying the engine's own words. */
export function fromEngineError(error: unknown, engineUrl = 'the engine'): BerthError {
  if (error instanceof BerthError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as EngineFailure;
  if (failure.name === 'AbortError' || failure.code === 'ABORT_ERR') return new BerthError('cancelled', 'The request was cancelled.');
  if (typeof failure.statusCode === 'number') {
    return new BerthError(codeForStatus(failure.statusCode), engineMessage(failure), { status: failure.statusCode });
  }
  if (failure.code && connectionCodes.has(failure.code)) {
    const described = describeConnectError(engineUrl, failure as NodeJS.ErrnoException);
    return new BerthError('engine_unreachable', described.message, { reason: described.reason });
  }
  return new BerthError('internal', failure.message ?? 'Unknown engine failure.');
}

function engineMessage(failure: EngineFailure): string {
  const json = failure.json;
  if (typeof json === 'object' && json !== null && 'message' in json && typeof json.message === 'string') return json.message;
  if (typeof json === 'string' && json.trim()) return json.trim();
  // A streamed request's refusal has no JSON: the modem puts the engine's words into its own
  // message, `(HTTP code 501) unexpected - <the engine's message> `.
  const wrapped = failure.message === undefined ? null : /^\(HTTP code \d+\) [^-]*- ([^]*)$/.exec(failure.message);
  if (wrapped?.[1]?.trim()) return wrapped[1].trim();
  return failure.reason ?? failure.message ?? `HTTP ${String(failure.statusCode)}`;
}
