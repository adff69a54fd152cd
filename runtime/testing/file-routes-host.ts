import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startHost, type HostOptions } from '../host/server.js';

/** A web host as a browser tab holding its session sees it: where it is and the cookie it sends. */
export interface SignedInHost {
  port: number;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** The session cookie (`name=value`) the host set when the token was presented. */
  cookie: string;
  /** Stops the host and removes its renderer folder. */
  close(): Promise<void>;
}

/**
 * Starts the web host of `berth serve` for tests of its file routes (downloads, uploads): a
 * renderer folder holding only an index page, the given handlers and routers, and a session
 * signed in with `token` as the page's first load does it.
 */
export async function startSignedInHost(options: Omit<HostOptions, 'rendererDir' | 'token'> & { token: string }): Promise<SignedInHost> {
  const rendererDir = await mkdtemp(path.join(os.tmpdir(), 'berth-renderer-'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berth</title>');
  const host = await startHost({ ...options, rendererDir });
  const origin = `http://127.0.0.1:${host.port}`;
  const login = await fetch(`${origin}/?token=${options.token}`, { redirect: 'manual' });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    port: host.port,
    origin,
    cookie,
    close: async () => {
      await host.close();
      await rm(rendererDir, { recursive: true, force: true });
    },
  };
}

/**
 * A browser that goes away mid-download: GETs `downloadPath` with the session cookie and drops
 * the connection once `afterBytes` have come (to see the host abort the engine request).
 */
export function leaveMidDownload(host: SignedInHost, downloadPath: string, afterBytes = 1_000_000): Promise<void> {
  let received = 0;
  return new Promise<void>((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: host.port, path: downloadPath, headers: { cookie: host.cookie } }, (response) => {
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > afterBytes) {
          request.destroy();
          resolve();
        }
      });
    });
    request.on('error', (error) => (received > afterBytes ? resolve() : reject(error)));
  });
}
