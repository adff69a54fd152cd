import { access, readdir, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EngineEndpoint } from './api/index.js';
import { EngineConnection } from './engine/connection.js';
import { planDiscovery } from './engine/discovery.js';
import type { TlsMaterial } from './engine/endpoint.js';
import { defaultDataDir } from './engine/managed.js';
import type { HandlerRouter } from './rpc/dispatcher.js';
import { EngineRegistry } from './engine/registry/registry.js';
import { findEngines } from './engine/registry/inventory.js';
import { createServiceHandlers } from './services/handlers.js';
import type { OpenFileRequest } from './services/images/archive.js';
import { RegistryCredentials, type StringEncryptor } from './registry/credentials/index.js';
import { engineRegistryAuth } from './registry/engine-auth.js';
import { RegistriesService } from './services/registries/registries-service.js';
import { NotificationCenter } from './services/notifications/notification-center.js';
import { SettingsService } from './services/settings/settings-service.js';

export interface BackendOptions {
  /** `--engine URL|NAME`: use exactly this engine as the default (a name or id from the Engines page, or a URL). */
  engineUrl?: string | undefined;
  /** Start the managed engine when no engine answers (desktop and `berth serve`: yes; `berth api`: no). */
  autoStartManaged: boolean;
  /** Also connect the other engines the user keeps connected (desktop and `berth serve`: yes; a one-shot `berth api`: no). */
  connectOthers?: boolean;
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
  /**
   * Asks the user where to save a file, suggesting a name; null when they cancel. The desktop
   * app passes its save dialog; without it, `logs.save` needs its `path`.
   */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /**
   * Asks the user which file to read (the desktop app's open dialog); null when they cancel.
   * Without it, `images.load` needs its `path`.
   */
  chooseOpenPath?: (request: OpenFileRequest) => Promise<string | null>;
  /**
   * Let callers name files for the backend to write or read (`logs.save`'s, `images.save`'s and `images.load`'s `path`): `berth api` only,
   * where the caller is the user at a shell. The desktop app and `berth serve` leave it off.
   */
  acceptsPaths?: boolean;
  /**
   * The OS keychain, for keeping registry logins encrypted (the desktop app passes Electron's
   * `safeStorage`, electron/keychain.ts); without it a login is kept by a credential helper, for
   * the session, or in the docker CLI's file, as the user chooses.
   */
  encryptor?: StringEncryptor | undefined;
  /** Read stats only from the engine's streams, never from this machine's cgroups (tests of the streams' path; BERTH_STATS_FROM_ENGINE=1 by default). */
  statsFromEngineOnly?: boolean;
}

export interface Backend {
  /** The default engine's connection: where requests that name no engine go. */
  engine: EngineConnection;
  engines: EngineRegistry;
  /** Settles when the first connection attempt has: connected, or unreachable with a definite reason. */
  ready: Promise<void>;
  /** Routes each request to the handlers of the engine it names. */
  handlers: HandlerRouter;
  /** Every engine's notifications, as they happen (the desktop app shows them). */
  notifications: NotificationCenter;
  settings: SettingsService;
  dispose(): void;
}

/** The composition root of the runtime: the engines Berth knows, and the services on each connection. */
export function createBackend(options: BackendOptions): Backend {
  const env = options.env ?? process.env;
  const dataDir = options.dataDir ?? defaultDataDir(env);
  const fileSystem = {
    env,
    homeDir: os.homedir(),
    readText: (file: string) => readFile(file, 'utf8').catch(() => null),
    listDir: (dir: string) => readdir(dir).catch(() => []),
  };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  // Registry logins: the docker CLI's, and those made in Berth. Pulls and pushes on every engine send them.
  const credentials = new RegistryCredentials({ dataDir, env, ...(options.encryptor ? { encryptor: options.encryptor } : {}) });
  const registryAuth = engineRegistryAuth(credentials, log);
  const registries = new RegistriesService({ dataDir, credentials, log });
  const settings = new SettingsService({ dataDir, log });
  const notifications = new NotificationCenter((kind) => settings.current().notifications[kind]);
  // Settled below, before the connection is started; read only through the closures.
  let registry: EngineRegistry | null = null;
  const engine = new EngineConnection({
    plan: async () => {
      const wanted = options.engineUrl;
      if (wanted !== undefined && !wanted.includes('://')) {
        const url = registry?.urlOf(wanted);
        if (url === undefined) return { explicit: true, candidates: [], problem: `No engine named "${wanted}": berth api engines.list lists the engines Berth knows.` };
        return { explicit: true, candidates: [{ url, source: 'flag', why: `given with --engine ${wanted}` }] };
      }
      const chosen = wanted === undefined ? registry?.savedDefaultUrl : undefined;
      if (chosen !== undefined) return { explicit: true, candidates: [{ url: chosen, source: 'flag', why: 'chosen as the default engine on the Engines page' }] };
      return planDiscovery({ ...fileSystem, flag: wanted });
    },
    managed: { dataDir, env },
    autoStartManaged: options.autoStartManaged,
    accessFor: (endpoint) => registry?.accessFor(endpoint),
    onRoundTrip: (milliseconds) => registry?.recordDefaultRoundTrip(milliseconds),
    registryAuth,
  });
  const engines = new EngineRegistry({
    dataDir,
    find: () => findEngines({ ...fileSystem, flag: options.engineUrl?.includes('://') ? options.engineUrl : undefined, exists: (file) => access(file).then(() => true, () => false) }),
    defaultConnection: engine,
    connectOthers: options.connectOthers ?? false,
    servicesFor: (connection, registry) => createServiceHandlers(connection, registry, { registries, notifications, settings }, { chooseSavePath: options.chooseSavePath, chooseOpenPath: options.chooseOpenPath, acceptsPaths: options.acceptsPaths, statsFromEngineOnly: options.statsFromEngineOnly ?? env.BERTH_STATS_FROM_ENGINE === '1' }),
    defaultAccess: (endpoint) => ({ tls: tlsFromEnv(endpoint, env) }),
    registryAuth,
    log,
  });
  registry = engines;
  const ready = engines.start();
  return {
    engine,
    engines,
    ready,
    handlers: engines,
    notifications,
    settings,
    dispose() {
      engines.dispose();
      engine.dispose();
      settings.dispose();
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
