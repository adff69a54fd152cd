import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { BerthError } from '../api/index.js';
import { classifyNetworkError, describeConnectionProblem, type ConnectionProblem } from './network-errors.js';

/**
 * One HTTP exchange with a registry or its token service, on Node's own http/https: they take
 * a custom CA per request (Node's `fetch` needs undici's dispatcher for that, which is not a
 * dependency), report TLS and socket failures with precise codes, and let a redirect drop the
 * Authorization header. Bodies are read whole up to a limit: registry answers here are JSON
 * documents (pages, manifests, configs), never layers.
 */

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  url: URL;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Milliseconds for the whole exchange, redirects included. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** A longer body fails the request (a page, a manifest or a config is far smaller). */
  maxBodyBytes: number;
  /** Extra certificate authorities (PEM) trusted besides the system's. */
  ca?: readonly (string | Buffer)[] | undefined;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names; each header's values in order (a registry may send WWW-Authenticate twice). */
  headers: Record<string, string[]>;
  body: Buffer;
  /** Where the answer came from, after redirects. */
  url: URL;
}

/** The first value of a header, or undefined. */
export function header(response: HttpResponse, name: string): string | undefined {
  return response.headers[name.toLowerCase()]?.[0];
}

/** A connection that failed before any answer: `problem` says how. */
export class ConnectionError extends BerthError {
  constructor(
    readonly problem: ConnectionProblem,
    message: string,
  ) {
    const reason = problem.kind === 'tls' ? `tls_${problem.problem}` : problem.reason;
    super(problem.kind === 'unreachable' && problem.reason === 'timeout' ? 'timeout' : 'engine_unreachable', message, { reason });
  }
}

const maxRedirects = 5;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

function once(request: HttpRequest, url: URL, deadline: number): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const remaining = Math.max(1, deadline - Date.now());
    const isHttps = url.protocol === 'https:';
    const options: https.RequestOptions = {
      method: request.method,
      headers: { ...(request.headers ?? {}), ...(request.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(request.body)) }) },
      ...(isHttps && request.ca !== undefined && request.ca.length > 0 ? { ca: [...rootCertificates, ...request.ca] } : {}),
    };
    const client = (isHttps ? https : http).request(url, options);
    const where = url.origin;
    let settled = false;
    const fail = (error: BerthError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      client.destroy();
      reject(error);
    };
    const onAbort = (): void => fail(new BerthError('cancelled', `The request to ${where} was cancelled.`));
    // One deadline for connecting and reading: a socket timeout alone resets on every chunk.
    const timer = setTimeout(() => {
      const problem: ConnectionProblem = { kind: 'unreachable', reason: 'timeout' };
      fail(new ConnectionError(problem, describeConnectionProblem(problem, where, '', request.timeoutMs)));
    }, remaining);
    client.on('error', (error: NodeJS.ErrnoException) => {
      const problem = classifyNetworkError(error);
      fail(new ConnectionError(problem, describeConnectionProblem(problem, where, error.message, request.timeoutMs)));
    });
    if (request.signal?.aborted) return onAbort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    client.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxBodyBytes) {
          fail(new BerthError('conflict', `${where} sent more than ${request.maxBodyBytes} bytes for ${url.pathname}; refusing to read further.`, { reason: 'too_large' }));
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', (error: NodeJS.ErrnoException) => {
        const problem = classifyNetworkError(error);
        fail(new ConnectionError(problem, describeConnectionProblem(problem, where, error.message, request.timeoutMs)));
      });
      response.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
        const headers: Record<string, string[]> = {};
        for (const [name, values] of Object.entries(response.headersDistinct)) if (values !== undefined) headers[name] = values;
        resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks), url });
      });
    });
    client.end(request.body);
  });
}

/**
 * Sends the request, following redirects of a GET or HEAD (a registry may send blobs from
 * elsewhere). A redirect to another origin loses the Authorization header, and one from
 * https to http is refused.
 */
export async function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  const deadline = Date.now() + request.timeoutMs;
  let url = request.url;
  let headers = request.headers ?? {};
  for (let redirects = 0; ; redirects++) {
    const response = await once({ ...request, headers }, url, deadline);
    const location = response.headers.location?.[0];
    if (!redirectStatuses.has(response.status) || location === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) return response;
    if (redirects >= maxRedirects) throw new BerthError('conflict', `${url.origin} redirected ${request.url.pathname} more than ${maxRedirects} times.`, { reason: 'redirect_loop' });
    const next = new URL(location, url);
    if (next.protocol !== 'https:' && next.protocol !== 'http:') throw new BerthError('conflict', `${url.origin} redirected to a ${next.protocol} address.`, { reason: 'bad_redirect' });
    if (url.protocol === 'https:' && next.protocol === 'http:') throw new BerthError('conflict', `${url.origin} redirected from https to plain http (${next.origin}); not followed.`, { reason: 'bad_redirect' });
    if (next.origin !== url.origin) headers = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
    url = next;
  }
}
