import { readdir, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EngineEndpoint } from './api/index.js';
import { EngineConnection } from './engine/connection.js';
import { planDiscovery } from './engine/discovery.js';
import type { TlsMaterial } from './engine/endpoint.js';
import { defaultDataDir } from './engine/managed.js';
import type { ServiceHandlers } from './rpc/handlers.js';
import { createServiceHandlers } from './services/handlers.js';

export interface BackendOptions {
  /** `--engine URL`: use exactly this engine. */
  engineUrl?: string | undefined;
  /** Start the managed engine when no engine answers (desktop and `berth serve`: yes; `berth api`: no). */
  autoStartManaged: boolean;
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
}

export interface Backend {
  engine: EngineConnection;
  /** Settles when the first connection attempt has: connected, or unreachable with a definite reason. */
  ready: Promise<void>;
  handlers: ServiceHandlers;
  dispose(): void;
}

/** The composition root of the runtime: one engine connection and the services on it. */
export function createBackend(options: BackendOptions): Backend {
  const env = options.env ?? process.env;
  const engine = new EngineConnection({
    plan: () =>
      planDiscovery({
        env,
        homeDir: os.homedir(),
        flag: options.engineUrl,
        readText: (file) => readFile(file, 'utf8').catch(() => null),
        listDir: (dir) => readdir(dir).catch(() => []),
      }),
    managed: { dataDir: options.dataDir ?? defaultDataDir(env), env },
    autoStartManaged: options.autoStartManaged,
    accessFor: (endpoint) => ({ tls: tlsFromEnv(endpoint, env) }),
  });
  const services = createServiceHandlers(engine);
  const ready = engine.start();
  return {
    engine,
    ready,
    handlers: services.handlers,
    dispose() {
      services.dispose();
      engine.dispose();
    },
  };
}

/** DOCKER_TLS_VERIFY + DOCKER_CERT_PATH, as the docker CLI reads them, for a DOCKER_HOST endpoint. */
function tlsFromEnv(endpoint: EngineEndpoint, env: NodeJS.ProcessEnv): TlsMaterial | undefined {
  if (endpoint.source !== 'DOCKER_HOST' || !env.DOCKER_TLS_VERIFY) return undefined;
  const dir = env.DOCKER_CERT_PATH || path.join(os.homedir(), '.docker');
  const read = (name: string) => {
    try {
      return readFileSync(path.join(dir, name));
    } catch {
      return undefined;
    }
  };
  const material: TlsMaterial = {};
  const ca = read('ca.pem');
  const cert = read('cert.pem');
  const key = read('key.pem');
  if (ca) material.ca = ca;
  if (cert) material.cert = cert;
  if (key) material.key = key;
  return material;
}
