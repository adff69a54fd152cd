import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import tls from 'node:tls';
import Docker from 'dockerode';
import { parseEngineUrl } from '../runtime/engine/endpoint.js';
import { managedEnginePaths } from '../runtime/engine/managed.js';
import { dialStdio, sshAgent } from '../runtime/engine/ssh.js';
import { testSshEngineOptions, tlsEnginePaths } from '../runtime/testing/test-engine.js';
import type { TestEnv } from '../scripts/test-env-info.js';
import { unixUpstream, type ProxyListener, type ProxyUpstream } from './engine-proxy.js';
import { listPath, rawListContainers, rawListOver, type RawList } from './raw-engine.js';

/**
 * The three engines of the several-engines measures, as the bench reaches each without Berth:
 * the default test engine on its unix socket, the TLS engine over TCP with the run's client
 * certificate, and the ssh engine through `ssh ... docker system dial-stdio` (opened with
 * runtime/engine/ssh.ts, which runs the system's ssh as the docker CLI does). Connections are
 * kept alive, as Berth keeps its own. Each of these dockerds also listens on a unix socket of
 * its own: the bench fills and empties the engines there, since only the lists are timed.
 */

export type EngineLabel = 'default' | 'tls' | 'ssh';

/** What `engines.add` is given for an engine (the default engine is not added). */
export interface EngineAddParams {
  url: string;
  name: string;
  tls?: { caPath: string; certPath: string; keyPath: string };
  sshConfigPath?: string;
}

export interface BenchTarget {
  label: EngineLabel;
  /** How Berth adds it; absent for the default engine. */
  add?: EngineAddParams;
  /** The engine on its own unix socket, for creating and removing the bench's containers. */
  docker: Docker;
  /** `GET /containers/json?all=1` over the engine's own transport. */
  rawList(): Promise<RawList>;
  /** The same transport, for a counting proxy in front of the engine. */
  upstream(): ProxyUpstream;
  dispose(): void;
}

function tcpAddress(url: string): { host: string; port: number } {
  const target = parseEngineUrl(url);
  if (target.kind !== 'tcp') throw new Error(`Not a tcp:// engine URL: ${url}`);
  return { host: target.host, port: target.port };
}

function defaultTarget(env: TestEnv): BenchTarget {
  const socketPath = parseUnix(env.engineUrl);
  return {
    label: 'default',
    docker: new Docker({ socketPath }),
    rawList: () => rawListContainers(socketPath),
    upstream: () => unixUpstream(socketPath),
    dispose: () => undefined,
  };
}

function tlsTarget(env: TestEnv): BenchTarget {
  const file = (name: string) => path.join(env.tls.certPath, name);
  const material = { ca: readFileSync(file('ca.pem')), cert: readFileSync(file('cert.pem')), key: readFileSync(file('key.pem')) };
  const { host, port } = tcpAddress(env.tls.url);
  const agent = new https.Agent({ keepAlive: true, ...material });
  // No made-up Host header: node would check the engine's certificate against it.
  const request = (options: http.RequestOptions, onResponse?: (response: http.IncomingMessage) => void) => https.request({ host, port, agent, ...options }, onResponse);
  return {
    label: 'tls',
    add: { url: env.tls.url, name: 'bench-tls', tls: { caPath: file('ca.pem'), certPath: file('cert.pem'), keyPath: file('key.pem') } },
    docker: new Docker({ socketPath: managedEnginePaths(tlsEnginePaths(env.dataDir).root).socket }),
    rawList: () => rawListOver((onResponse) => request({ method: 'GET', path: listPath }, onResponse).end()),
    upstream: () => ({
      request: ({ method, path: requestPath, headers }) => request({ method, path: requestPath, headers }),
      connect: () => tls.connect({ host, port, ...material }),
    }),
    dispose: () => agent.destroy(),
  };
}

function sshTarget(env: TestEnv): BenchTarget {
  const target = parseEngineUrl(env.ssh.url);
  if (target.kind !== 'ssh') throw new Error(`Not an ssh:// engine URL: ${env.ssh.url}`);
  const options = { configFile: env.ssh.config };
  const agent = sshAgent(target, options);
  const request = (options: http.RequestOptions, onResponse?: (response: http.IncomingMessage) => void) => http.request({ agent, ...options }, onResponse);
  return {
    label: 'ssh',
    add: { url: env.ssh.url, name: 'bench-ssh', sshConfigPath: env.ssh.config },
    docker: new Docker({ socketPath: managedEnginePaths(testSshEngineOptions(env.dataDir).dataDir).socket }),
    rawList: () => rawListOver((onResponse) => request({ method: 'GET', path: listPath, headers: { Host: 'docker' } }, onResponse).end()),
    upstream: () => ({
      request: ({ method, path: requestPath, headers }) => request({ method, path: requestPath, headers }),
      connect: () => dialStdio(target, options),
    }),
    dispose: () => agent.destroy(),
  };
}

function parseUnix(url: string): string {
  const target = parseEngineUrl(url);
  if (target.kind !== 'unix') throw new Error(`Not a unix:// engine URL: ${url}`);
  return target.socketPath;
}

/** The default, TLS and ssh engines of the running test environment. */
export function benchTargets(env: TestEnv): BenchTarget[] {
  return [defaultTarget(env), tlsTarget(env), sshTarget(env)];
}

/** A counting proxy for the TLS engine listens with the engine's own server certificate (valid for 127.0.0.1) and asks for the run's client certificate. */
export function tlsProxyListener(env: TestEnv): ProxyListener {
  const server = (name: string) => readFileSync(path.join(tlsEnginePaths(env.dataDir).serverDir, name));
  return { kind: 'tls', key: server('server-key.pem'), cert: server('server-cert.pem'), ca: server('ca.pem') };
}
