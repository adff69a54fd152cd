import type http from 'node:http';
import { BerthError, isUploadName, parseParams, uploadParamsFrom, uploadPathPrefix, uploads } from '../api/index.js';
import type { UploadHandlers } from '../rpc/handlers.js';
import { statusOf } from './downloads.js';

/** Which engine's uploads serve a request: the one it names (`engine=`), or the default. */
export interface UploadRouter {
  uploadsFor(engine: string | undefined): UploadHandlers;
}

export function isUploadPath(pathname: string): boolean {
  return pathname.startsWith(uploadPathPrefix);
}

/**
 * Serves one `POST /upload/<name>?...` the web host already let through its token, Host and
 * Origin checks: the request's body handed to the engine as it arrives (no temporary file, never
 * held whole), the result answered as JSON. The engine request is aborted when the browser goes
 * away. No size limit: Berth holds no more than a chunk of the body at a time, and the engine
 * stores what it loads as `docker load` from a shell would (a caller with the token may already
 * do anything with the engine), so a limit would protect nothing and refuse real images.
 */
export async function serveUpload(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  url: URL,
  router: UploadRouter,
  headers: Record<string, string>,
): Promise<void> {
  const name = url.pathname.slice(uploadPathPrefix.length);
  const abort = new AbortController();
  // Before the answer, a closed response means the browser went away (a cancelled upload).
  response.on('close', () => {
    if (!response.writableFinished) abort.abort();
  });
  // A browser that goes away mid-body makes its request fail: the handler hears it through the signal.
  request.on('error', () => abort.abort());
  const answer = (status: number, contentType: string, body: string) => {
    if (response.headersSent || response.destroyed) return;
    response.writeHead(status, { ...headers, 'Content-Type': contentType, 'Cache-Control': 'no-store' });
    response.end(body);
  };
  try {
    if (!isUploadName(name)) throw new BerthError('not_found', `No upload "${name}" here.`);
    if (request.method !== 'POST') throw Object.assign(new BerthError('invalid_argument', `upload ${name}: send the file with POST.`), { httpStatus: 405 });
    const read = uploadParamsFrom(name, url.searchParams);
    if ('duplicate' in read) throw new BerthError('invalid_argument', `${read.duplicate}: is given more than once.`, { field: read.duplicate });
    const params = parseParams(`upload ${name}`, uploads[name].params, read.params);
    // The params were read with this name's own schema; TypeScript cannot pair the two through the union of names.
    const handler = router.uploadsFor(read.engine)[name] as (params: unknown, body: http.IncomingMessage, signal: AbortSignal) => Promise<unknown>;
    const result = await handler(params, request, abort.signal);
    answer(200, 'application/json; charset=utf-8', JSON.stringify(result));
  } catch (error) {
    const wire = error instanceof BerthError ? error : new BerthError('internal', error instanceof Error ? error.message : String(error));
    const status = (error as { httpStatus?: number }).httpStatus ?? statusOf[wire.code];
    answer(status, 'text/plain; charset=utf-8', `${wire.message}\n`);
  } finally {
    // What the engine did not read (it refused the file at its first bytes, or the route was
    // wrong) is read and dropped, so the browser finishes sending and hears the answer.
    if (!request.readableEnded && !request.destroyed) request.resume();
  }
}
