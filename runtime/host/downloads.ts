import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { BerthError, downloadParamsFrom, downloadPathPrefix, downloads, isDownloadName, parseParams, type ErrorCode } from '../api/index.js';
import type { Download, DownloadHandlers } from '../rpc/handlers.js';

/** Which engine's downloads serve a request: the one it names (`engine=`), or the default. */
export interface DownloadRouter {
  downloadsFor(engine: string | undefined): DownloadHandlers;
}

export function isDownloadPath(pathname: string): boolean {
  return pathname.startsWith(downloadPathPrefix);
}

/** The HTTP status of each error code, for the web host's plain routes (downloads, uploads). */
export const statusOf: Record<ErrorCode, number> = {
  invalid_argument: 400,
  unauthorized: 403,
  not_found: 404,
  conflict: 409,
  timeout: 504,
  engine_unreachable: 503,
  cancelled: 499,
  internal: 500,
};

/**
 * Serves one `GET /download/<name>?...` the web host already let through its token, Host and
 * Origin checks: the params read with the contract's schema (a bad one is a 400 naming the
 * field, in plain text), then the file streamed from the engine as an attachment. The engine
 * request is aborted when the browser goes away; a failure after the first byte cuts the
 * connection, so the browser reports the download as failed instead of keeping half a file.
 */
export async function serveDownload(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  url: URL,
  router: DownloadRouter,
  headers: Record<string, string>,
): Promise<void> {
  const name = url.pathname.slice(downloadPathPrefix.length);
  const abort = new AbortController();
  response.on('close', () => abort.abort());
  let download: Download;
  try {
    if (!isDownloadName(name)) throw new BerthError('not_found', `No download "${name}" here.`);
    const read = downloadParamsFrom(name, url.searchParams);
    if ('duplicate' in read) throw new BerthError('invalid_argument', `${read.duplicate}: is given more than once.`, { field: read.duplicate });
    const params = parseParams(`download ${name}`, downloads[name].params, read.params);
    // The params were read with this name's own schema; TypeScript cannot pair the two through the union of names.
    const handler = router.downloadsFor(read.engine)[name] as (params: unknown, signal: AbortSignal) => Promise<Download>;
    download = await handler(params, abort.signal);
  } catch (error) {
    const wire = error instanceof BerthError ? error : new BerthError('internal', error instanceof Error ? error.message : String(error));
    if (!response.headersSent && !response.destroyed) {
      response.writeHead(statusOf[wire.code], { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(`${wire.message}\n`);
    }
    return;
  }
  response.writeHead(200, {
    ...headers,
    'Content-Type': download.contentType,
    'Content-Disposition': attachment(download.fileName),
    'Cache-Control': 'no-store',
  });
  if (request.method === 'HEAD') {
    download.body.destroy();
    response.end();
    return;
  }
  try {
    await pipeline(download.body, response, { signal: abort.signal });
  } catch {
    // The browser left (the engine request is aborted with it), or the engine failed mid-file.
    download.body.destroy();
    response.destroy();
  }
}

/** `attachment; filename="web.log"`, with an RFC 5987 form for names beyond plain ASCII. */
function attachment(fileName: string): string {
  const plain = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return plain === fileName ? `attachment; filename="${plain}"` : `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
