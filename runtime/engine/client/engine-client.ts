import Docker from 'dockerode';
import { BerthError } from '../../api/index.js';
import { dialectOf, type EngineDialect } from '../dialect.js';
import { parseEngineUrl, type EndpointAccess } from '../endpoint.js';
import { sshAgent } from '../ssh.js';
import type { Agent } from 'node:http';
import { identityOf, negotiateApiVersion, type ApiChoice } from '../identity.js';
import type { EngineInfo, EngineVersion } from '../json/system.js';
import { ArchiveCalls } from './archive.js';
import { ContainerCalls, type ContainerWritten } from './containers.js';
import { ExecCalls } from './exec.js';
import { ImageCalls, type RegistryAuthSource } from './images.js';
import { NetworkCalls } from './networks.js';
import { SystemCalls } from './system.js';
import { VolumeCalls } from './volumes.js';
import { modemTransport, type EngineTransport, type TransportOptions } from './transport.js';

/**
 * The one client of one engine. Services call these typed methods, never dockerode: each
 * takes `signal` last and passes it to the engine request, reads the answer through its
 * schema (engine/json), and throws only BerthError, mapped once from the engine's HTTP status.
 * What differs between engines is settled as their JSON is read (dialect.ts).
 */
export class EngineClient {
  /**
   * The engine's clock minus this machine's, in milliseconds, as read when the client was opened
   * (`/info`'s `SystemTime` against the middle of its round trip; 0 when unknown). The engine's
   * "Up 3 minutes" is written by its clock.
   */
  readonly clockOffsetMs: number;
  readonly containers: ContainerCalls;
  readonly exec: ExecCalls;
  readonly images: ImageCalls;
  readonly networks: NetworkCalls;
  readonly system: SystemCalls;
  readonly volumes: VolumeCalls;
  /** A container's files (`docker cp`): how volumes are browsed, backed up and restored. */
  readonly archive: ArchiveCalls;

  constructor(
    private readonly http: EngineTransport,
    readonly dialect: EngineDialect = 'docker',
    /** The API version every request is sent at (null: unversioned paths). */
    readonly apiVersion: string | null = null,
    /** `X-Registry-Auth` for each pull and push (anonymous when absent). */
    registryAuth?: RegistryAuthSource,
    options: EngineClientOptions = {},
  ) {
    this.clockOffsetMs = options.clockOffsetMs ?? 0;
    this.containers = new ContainerCalls(http, dialect, options.containerWritten);
    this.exec = new ExecCalls(http);
    this.images = new ImageCalls(http, dialect, registryAuth);
    this.networks = new NetworkCalls(http);
    this.system = new SystemCalls(http);
    this.volumes = new VolumeCalls(http);
    this.archive = new ArchiveCalls(http, dialect);
  }

  static over(docker: Docker, engineUrl: string, dialect: EngineDialect = 'docker'): EngineClient {
    return new EngineClient(modemTransport(docker, engineUrl), dialect);
  }

  /** Asks the engine at `engineUrl` what it is (`/version`, `/info`) and answers a client for its dialect. */
  static async open(
    engineUrl: string,
    access?: EndpointAccess,
    signal?: AbortSignal,
    options: TransportOptions & { registryAuth?: RegistryAuthSource | undefined; containerWritten?: ContainerWritten | undefined } = {},
  ): Promise<{ client: EngineClient; version: EngineVersion; info: EngineInfo; api: ApiChoice }> {
    const docker = new Docker(dockerOptions(engineUrl, access));
    // `/version` and `/info` unversioned, as every engine answers them; the rest at the version negotiated from them.
    const system = new SystemCalls(modemTransport(docker, engineUrl, options));
    const timedInfo = async () => {
      const sent = Date.now();
      const info = await system.info(signal);
      return { info, clockOffsetMs: clockOffsetOf(info.SystemTime, sent, Date.now()) };
    };
    const [version, { info, clockOffsetMs }] = await Promise.all([system.version(signal), timedInfo()]);
    const api = negotiateApiVersion(identityOf(version, info), version.MinAPIVersion);
    const http = modemTransport(docker, engineUrl, { ...options, apiVersion: api.ok ? api.version : null });
    const client = new EngineClient(http, dialectOf(version), api.ok ? api.version : null, options.registryAuth, { clockOffsetMs, containerWritten: options.containerWritten });
    return { client, version, info, api };
  }

  /** A failure of an open stream or hijacked socket, as the BerthError it means. */
  failureOf(error: unknown): BerthError {
    return this.http.failureOf(error);
  }
}

export interface EngineClientOptions {
  clockOffsetMs?: number | undefined;
  containerWritten?: ContainerWritten | undefined;
}

/**
 * The engine's clock minus ours from its `SystemTime` (RFC 3339, nanoseconds) read between
 * `sent` and `received` (our milliseconds): the engine wrote it somewhere in between, so an
 * offset no bigger than half that window cannot be told from none (an engine on this machine,
 * whose `/info` takes tens of milliseconds to gather) and is 0. 0 when unreadable.
 */
export function clockOffsetOf(systemTime: string | null | undefined, sent: number, received: number): number {
  const engineMs = typeof systemTime === 'string' ? Date.parse(systemTime) : Number.NaN;
  if (!Number.isFinite(engineMs)) return 0;
  const offset = engineMs - (sent + received) / 2;
  return Math.abs(offset) <= (received - sent) / 2 ? 0 : Math.round(offset);
}

/** An engine URL as dockerode's options: a unix socket, or a TCP host with TLS when asked for. */
export function dockerOptions(url: string, access: EndpointAccess = {}): Docker.DockerOptions {
  const target = parseEngineUrl(url);
  const { tls } = access;
  if (target.kind === 'unix') return { socketPath: target.socketPath };
  if (target.kind === 'tcp') {
    const secure = target.tls || tls !== undefined;
    return { host: target.host, port: target.port, protocol: secure ? 'https' : 'http', ...(tls ?? {}) };
  }
  // Each connection is a `docker system dial-stdio` over the system's ssh (ssh.ts); the host name
  // only labels the HTTP requests.
  if (target.kind === 'ssh') {
    // docker-modem passes `agent` on to node's http; dockerode's typings do not list it.
    const options: Docker.DockerOptions & { agent: Agent } = { protocol: 'http', host: 'docker', port: 80, agent: sshAgent(target, access.ssh) };
    return options;
  }
  throw new BerthError('invalid_argument', target.message, { field: 'engine' });
}
