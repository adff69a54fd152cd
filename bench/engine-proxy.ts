import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { nowMs } from './stats.js';

/**
 * A counting proxy between `berth serve` and an engine: an HTTP server (on a unix socket, or
 * TLS on 127.0.0.1 for a TLS engine) that forwards every request to the engine unchanged
 * (`ProxyUpstream`: its socket, TLS or ssh) and records when it started, when
 * the engine's first byte came back and when the response ended. Responses are piped as they
 * arrive (the `/events` stream stays live); upgrades (attach, exec) are piped as raw sockets.
 */

export interface ProxiedRequest {
  method: string;
  /** Path with query, as the client sent it, e.g. `/containers/json?all=true`. */
  path: string;
  startMs: number;
  /** When the engine's response headers arrived; null until then. */
  firstByteMs: number | null;
  /** When the whole response had arrived from the engine; null while it streams (or never answered). */
  endMs: number | null;
  status: number | null;
  upgrade: boolean;
  /** When the connection to the client closed (answered, or given up by the client); unset while open. */
  closedMs?: number;
}

export interface EngineProxy {
  /** The proxy's own address, as an engine URL: `unix:///tmp/.../engine.sock` or `tcp://127.0.0.1:PORT`. */
  url: string;
  /** Every request so far, in arrival order. */
  readonly requests: readonly ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * Where the proxy forwards to: how to send one HTTP request to the engine, and how to open a
 * raw connection to it for upgrades (attach, exec), which are piped as they are.
 */
export interface ProxyUpstream {
  request(options: { method: string | undefined; path: string | undefined; headers: http.IncomingHttpHeaders }): http.ClientRequest;
  connect(): Duplex;
}

/**
 * How the proxy itself is reached: a unix socket in a fresh temporary directory, TLS on
 * 127.0.0.1 (the engine's own server certificate), or plain HTTP on 127.0.0.1 (in front of a
 * registry, run-registries.ts).
 */
export type ProxyListener = { kind: 'unix' } | { kind: 'tls'; key: Buffer; cert: Buffer; ca: Buffer } | { kind: 'tcp' };

/** The engine's unix socket as the upstream. */
export function unixUpstream(engineSocket: string): ProxyUpstream {
  return {
    request: (options) => http.request({ socketPath: engineSocket, ...options }),
    connect: () => net.connect(engineSocket),
  };
}

/** A plain-HTTP server on 127.0.0.1 (`127.0.0.1:PORT`) as the upstream: a registry. */
export function tcpUpstream(address: string): ProxyUpstream {
  const [host = '127.0.0.1', port = ''] = address.split(':');
  return {
    request: (options) => http.request({ host, port: Number(port), ...options }),
    connect: () => net.connect(Number(port), host),
  };
}

export async function startEngineProxy(engineSocket: string): Promise<EngineProxy> {
  return startCountingProxy(unixUpstream(engineSocket), { kind: 'unix' });
}

export async function startCountingProxy(upstreamEngine: ProxyUpstream, listener: ProxyListener): Promise<EngineProxy> {
  const requests: ProxiedRequest[] = [];
  const open = new Set<Duplex>();

  const onRequest = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const record: ProxiedRequest = { method: request.method ?? 'GET', path: request.url ?? '/', startMs: nowMs(), firstByteMs: null, endMs: null, status: null, upgrade: false };
    requests.push(record);
    const upstream = upstreamEngine.request({ method: request.method, path: request.url, headers: request.headers });
    upstream.on('response', (engineResponse) => {
      record.firstByteMs = nowMs();
      record.status = engineResponse.statusCode ?? null;
      response.writeHead(engineResponse.statusCode ?? 502, engineResponse.statusMessage, engineResponse.rawHeaders);
      response.flushHeaders();
      engineResponse.on('end', () => {
        record.endMs = nowMs();
      });
      engineResponse.pipe(response);
    });
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502).end();
      else response.destroy();
    });
    // The client went away (e.g. an aborted /events): stop the engine request too.
    response.on('close', () => {
      record.closedMs = nowMs();
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  };
  const server =
    listener.kind !== 'tls'
      ? http.createServer({ requestTimeout: 0 }, onRequest)
      : https.createServer({ requestTimeout: 0, key: listener.key, cert: listener.cert, ca: listener.ca, requestCert: true, rejectUnauthorized: true }, onRequest);

  server.on('upgrade', (request: http.IncomingMessage, client: Duplex, head: Buffer) => {
    requests.push({ method: request.method ?? 'GET', path: request.url ?? '/', startMs: nowMs(), firstByteMs: null, endMs: null, status: null, upgrade: true });
    const engine = upstreamEngine.connect();
    open.add(client);
    open.add(engine);
    const headerLines: string[] = [];
    for (let index = 0; index < request.rawHeaders.length; index += 2) {
      headerLines.push(`${request.rawHeaders[index] ?? ''}: ${request.rawHeaders[index + 1] ?? ''}`);
    }
    engine.write(`${request.method ?? 'GET'} ${request.url ?? '/'} HTTP/${request.httpVersion}\r\n${headerLines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) engine.write(head);
    engine.pipe(client).pipe(engine);
    const end = () => {
      client.destroy();
      engine.destroy();
      open.delete(client);
      open.delete(engine);
    };
    engine.on('error', end).on('close', end);
    client.on('error', end).on('close', end);
  });

  // Short path on purpose: unix socket paths are limited to 107 bytes.
  const dir = listener.kind === 'unix' ? await mkdtemp(path.join(os.tmpdir(), 'berth-bench-')) : null;
  const socketPath = dir === null ? null : path.join(dir, 'engine.sock');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const listening = () => {
      server.off('error', reject);
      resolve();
    };
    if (socketPath !== null) server.listen(socketPath, listening);
    else server.listen(0, '127.0.0.1', listening);
  });

  return {
    url: socketPath !== null ? `unix://${socketPath}` : `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    requests,
    close: async () => {
      for (const socket of open) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (dir !== null) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** `GET /containers/json` for the whole list (not the one-container refreshes, which carry `filters`). */
export function isFullListRequest(request: ProxiedRequest): boolean {
  const [pathname = '', query = ''] = request.path.split('?');
  return request.method === 'GET' && /^(\/v[\d.]+)?\/containers\/json$/.test(pathname) && !new URLSearchParams(query).has('filters');
}
