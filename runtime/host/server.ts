import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ServiceHandlers } from '../rpc/handlers.js';
import type { HandlerRouter } from '../rpc/dispatcher.js';
import { serveRpc } from '../rpc/dispatcher.js';
import { checkRequest, hostIdentity, sessionCookie, type HostIdentity, type RequestFacts } from './auth.js';
import { isDownloadPath, serveDownload, type DownloadRouter } from './downloads.js';
import { readStaticFile } from './static-files.js';
import { isUploadPath, serveUpload, type UploadRouter } from './uploads.js';
import { webSocketPort } from './ws-port.js';

export interface HostOptions {
  /** One engine's handlers, or the router of several (the backend's engine registry). */
  handlers: ServiceHandlers | HandlerRouter;
  /** The renderer build (dist/renderer). */
  rendererDir: string;
  /** Default 127.0.0.1. Anything else is the user's explicit choice. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Default: 32 random bytes. */
  token?: string;
  /** The largest WebSocket message a client may send; a larger one closes its connection with 1009. Default 16 MiB. */
  maxMessageBytes?: number;
  /** The files served on `/download/<name>` (logs), from the engine each request names. None without it. */
  downloads?: DownloadRouter;
  /** The files taken on `POST /upload/<name>` (image archives), for the engine each request names. None without it. */
  uploads?: UploadRouter;
}

export interface RunningHost {
  /** The URL to open, token included: `http://127.0.0.1:PORT/?token=...`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

// Styles may be inline because xterm.js writes its cell metrics and colours into <style>
// elements and style attributes at run time and takes no nonce. Scripts stay 'self' only, and
// with img/font/connect limited to 'self' an injected style would have nowhere to send anything.
const securityHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// Far above any envelope the UI sends (a run spec, a pasted command, terminal input), and
// low enough that one message cannot take the host's memory.
const defaultMaxMessageBytes = 16 * 1024 * 1024;

/** `berth serve`: the renderer build and the contract over WebSocket, behind the token. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const bindHost = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(32).toString('base64url');
  let identity: HostIdentity | null = null;
  const maxMessageBytes = options.maxMessageBytes ?? defaultMaxMessageBytes;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });

  const server = http.createServer((request, response) => {
    void handleRequest(request, response);
  });

  const handleRequest = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    const verdict = checkRequest(identity!, facts(request, url));
    if (!verdict.ok) {
      refuse(response, verdict.status);
      return;
    }
    if (options.uploads && isUploadPath(url.pathname) && verdict.via === 'cookie') {
      // A POST that changes the engine: a browser always says where it comes from, so a request
      // without an Origin is no page of this host's, and is refused as a foreign one would be.
      if (request.headers.origin === undefined) {
        refuse(response, 403);
        request.resume();
        return;
      }
      await serveUpload(request, response, url, options.uploads, securityHeaders);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...securityHeaders, Allow: 'GET, HEAD' }).end();
      return;
    }
    if (verdict.via === 'query') {
      // Move the token from the URL into an HttpOnly cookie, and take it out of the address bar.
      url.searchParams.delete('token');
      response.writeHead(303, { ...securityHeaders, 'Set-Cookie': sessionCookie(identity!), Location: url.pathname + url.search, 'Cache-Control': 'no-store' }).end();
      return;
    }
    if (options.downloads && isDownloadPath(url.pathname)) {
      await serveDownload(request, response, url, options.downloads, securityHeaders);
      return;
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) {
      response.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      ...securityHeaders,
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
      'Cache-Control': file.cacheable ? 'private, max-age=31536000, immutable' : 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };

  server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    const verdict = checkRequest(identity!, facts(request, url));
    if (url.pathname !== '/rpc' || !verdict.ok) {
      const status = verdict.ok ? 404 : verdict.status;
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      explainTooBig(webSocket, maxMessageBytes);
      const rpc = serveRpc(webSocketPort(webSocket), options.handlers);
      webSocket.on('close', () => rpc.dispose());
      // A protocol error (a message over the limit, a bad frame): ws is already closing this
      // connection with the matching status code; cutting it now could drop that close frame.
      webSocket.on('error', () => undefined);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  identity = hostIdentity(bindHost, port, token);
  const shownHost = bindHost.includes(':') ? `[${bindHost}]` : bindHost;

  return {
    url: `http://${shownHost}:${port}/?token=${encodeURIComponent(token)}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * ws closes a connection whose message is over `maxPayload` with 1009 and no reason, through
 * the socket's own `close`; this one adds the reason, so the client can say what happened
 * (server.int.test.ts checks it, so a ws release that goes around `close` shows there).
 */
function explainTooBig(webSocket: WebSocket, maxMessageBytes: number): void {
  const close = webSocket.close.bind(webSocket);
  const reason = `Message too big: the limit is ${maxMessageBytes} bytes`;
  webSocket.close = (code?: number, data?: string | Buffer) => close(code, code === 1009 && data === undefined ? reason : data);
}

function facts(request: http.IncomingMessage, url: URL): RequestFacts {
  return {
    host: request.headers.host,
    origin: request.headers.origin,
    cookie: request.headers.cookie,
    queryToken: url.searchParams.get('token'),
  };
}

function refuse(response: http.ServerResponse, status: 401 | 403): void {
  // Say nothing about why: the refusal itself is all a stranger learns.
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(status === 401 ? 'Unauthorized' : 'Forbidden');
}
