import http from 'node:http';
import https from 'node:https';
import type { UnreachableReason } from '../api/index.js';
import { parseEngineUrl, type EndpointAccess } from './endpoint.js';
import { dialStdio } from './ssh.js';

export type ProbeResult = { ok: true } | { ok: false; reason: UnreachableReason; message: string };

/**
 * Asks an endpoint `GET /_ping` once and says precisely why it failed when it does:
 * socket missing, permission denied, refused, TLS, timeout, or not an engine at all.
 */
export function probeEngine(url: string, options: { timeoutMs?: number; access?: EndpointAccess | undefined } = {}): Promise<ProbeResult> {
  const target = parseEngineUrl(url);
  // An ssh login (key exchange, agent, a remote process starting) takes longer than a socket.
  const timeoutMs = options.timeoutMs ?? (target.kind === 'ssh' ? 10_000 : 3000);
  const tls = options.access?.tls;
  if (target.kind === 'unsupported') {
    return Promise.resolve({ ok: false, reason: 'unknown', message: target.message });
  }
  return new Promise((resolve) => {
    const common = { path: '/_ping', method: 'GET', timeout: timeoutMs, headers: { Host: 'docker' } };
    const request =
      target.kind === 'unix'
        ? http.request({ ...common, socketPath: target.socketPath })
        : target.kind === 'ssh'
          ? http.request({ ...common, createConnection: () => dialStdio(target, options.access?.ssh) })
          : target.tls || tls
            ? // No made-up Host header here: node checks the certificate against the Host header's name.
              https.request({ ...common, headers: {}, host: target.host, port: target.port, ...(tls ?? {}) })
            : http.request({ ...common, host: target.host, port: target.port });
    request.on('timeout', () => {
      request.destroy();
      resolve({ ok: false, reason: 'timeout', message: `No answer from ${url} within ${timeoutMs} ms.` });
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(describeConnectError(url, error)));
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (body.length < 256) body += chunk;
      });
      response.on('end', () => {
        const isEngine = response.statusCode === 200 && body.trim() === 'OK';
        resolve(
          isEngine
            ? { ok: true }
            : { ok: false, reason: 'not_an_engine', message: `${url} answered, but not as a Docker-compatible engine (HTTP ${response.statusCode ?? '?'}).` },
        );
      });
    });
    request.end();
  });
}

/** Turns a socket-level failure into the precise reason shown in the status bar. */
export function describeConnectError(url: string, error: NodeJS.ErrnoException): ProbeResult & { ok: false } {
  const where = url.startsWith('unix://') ? url.slice('unix://'.length) : url;
  switch (error.code) {
    case 'ESSH':
      return { ok: false, reason: 'ssh', message: error.message };
    case 'ENOENT':
      return { ok: false, reason: 'socket_missing', message: `No engine socket at ${where}.` };
    case 'EACCES':
    case 'EPERM':
      return {
        ok: false,
        reason: 'permission_denied',
        message: `Permission denied on ${where}: your user may not use this engine (join the docker group, or use rootless Docker or Podman).`,
      };
    case 'ECONNREFUSED':
      return { ok: false, reason: 'refused', message: `Connection refused at ${where}: the engine is not running.` };
    case 'ETIMEDOUT':
      return { ok: false, reason: 'timeout', message: `Connecting to ${where} timed out.` };
    default:
      if (isTlsError(error)) return { ok: false, reason: 'tls', message: `TLS handshake with ${where} failed: ${error.message}` };
      return { ok: false, reason: 'unknown', message: `Cannot reach ${where}: ${error.message}` };
  }
}

function isTlsError(error: NodeJS.ErrnoException): boolean {
  const code = error.code ?? '';
  // Node's X509 verification codes: CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, SELF_SIGNED_CERT_IN_CHAIN, ...
  return code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code === 'EPROTO' || /CERT|SELF_SIGNED|DEPTH_ZERO|UNABLE_TO_(GET|VERIFY|DECRYPT)|SIGNATURE|ISSUER/.test(code);
}
