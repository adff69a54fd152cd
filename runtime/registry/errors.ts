import { BerthError, type ErrorCode } from '../api/index.js';
import type { HttpResponse } from './transport.js';

/**
 * A registry's refusal as one Berth error: the contract's code from the HTTP status (never
 * from message text) and one line with the registry's own words, read from the distribution
 * spec's error body `{"errors":[{"code","message","detail"}]}` or an OAuth2 `{"error",
 * "error_description"}`. The session scrubs every message of secrets before it leaves.
 */

export function codeForRegistryStatus(status: number): ErrorCode {
  if (status === 400) return 'invalid_argument';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 502 || status === 503) return 'engine_unreachable';
  return 'conflict';
}

interface ErrorEntry {
  code?: unknown;
  message?: unknown;
}

function parseBody(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.body.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/** The distribution error codes of the answer (`MANIFEST_UNKNOWN`, `UNSUPPORTED`, ...). */
export function registryErrorCodes(response: HttpResponse): string[] {
  const body = parseBody(response);
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) return [];
  return (body.errors as ErrorEntry[]).flatMap((entry) => (typeof entry?.code === 'string' ? [entry.code] : []));
}

function oneLine(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** What the registry said, in one line: `MANIFEST_UNKNOWN: manifest unknown`, or the HTTP status when it said nothing readable. */
export function registryErrorText(response: HttpResponse): string {
  const body = parseBody(response);
  if (typeof body === 'object' && body !== null) {
    if ('errors' in body && Array.isArray(body.errors)) {
      const parts = (body.errors as ErrorEntry[]).map((entry) =>
        [typeof entry?.code === 'string' ? entry.code : '', typeof entry?.message === 'string' ? entry.message : ''].filter(Boolean).join(': '),
      );
      const text = parts.filter(Boolean).join('; ');
      if (text !== '') return oneLine(text);
    }
    if ('error' in body && typeof body.error === 'string') {
      const description = 'error_description' in body && typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
      return oneLine(`${body.error}${description}`);
    }
    if ('details' in body && typeof body.details === 'string') return oneLine(body.details);
  }
  const text = response.body.toString('utf8');
  // An HTML error page says nothing a line can hold.
  if (text.trim() !== '' && !/^\s*</.test(text)) return `HTTP ${response.status}: ${oneLine(text, 200)}`;
  return `HTTP ${response.status}`;
}

/** `<what> at <host>: <the registry's words>`, with the status and error codes in `details`. */
export function registryRefusal(host: string, what: string, response: HttpResponse, extra: Record<string, unknown> = {}): BerthError {
  const codes = registryErrorCodes(response);
  return new BerthError(codeForRegistryStatus(response.status), `${what} at ${host}: ${registryErrorText(response)}`, {
    registry: host,
    status: response.status,
    ...(codes.length > 0 ? { registryCodes: codes } : {}),
    ...extra,
  });
}

/** A registry answer that is not what the API promises (not JSON, wrong shape). */
export function malformed(host: string, what: string, why: string): BerthError {
  return new BerthError('conflict', `${what} at ${host}: the registry's answer is not valid (${why}).`, { registry: host, reason: 'malformed_answer' });
}
