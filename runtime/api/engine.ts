import { defineDomain, method, noParams } from './define.js';

/** How Berth sees its engine connection. Shown in the status bar and by `berth engine status`. */

/** Where an endpoint came from, in the order the docker CLI looks (see `runtime/engine/discovery`). */
export type EngineSource =
  | 'flag'
  | 'DOCKER_HOST'
  | 'context'
  | 'default_socket'
  | 'rootless_socket'
  | 'podman_rootless'
  | 'podman_rootful'
  | 'managed';

export interface EngineEndpoint {
  /** `unix:///path`, `tcp://host:port` or `npipe://...`, as DOCKER_HOST would spell it. */
  url: string;
  source: EngineSource;
  /** One sentence saying why this endpoint was chosen, e.g. "DOCKER_HOST is set". */
  why: string;
}

export type EngineConnectionState = 'connecting' | 'connected' | 'unreachable';

/** Why an engine cannot be reached; each maps to one precise sentence in `message`. */
export type UnreachableReason =
  | 'socket_missing'
  | 'permission_denied'
  | 'refused'
  | 'tls'
  | 'timeout'
  | 'not_an_engine'
  /** ssh itself failed: unknown or changed host key, login refused, no route (ssh's own words). */
  | 'ssh'
  /** The engine speaks an API older than Berth supports. */
  | 'unsupported_version'
  | 'no_engine'
  | 'unknown';

/** What the engine says about itself once connected (from `/version`). */
export interface EngineIdentity {
  /** "Docker Engine", "Podman Engine", ... */
  name: string;
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
  /** CPUs and memory of the engine's host, for validating limits. */
  cpus: number;
  memoryBytes: number;
}

export interface ManagedEngineStatus {
  /** True when `dockerd` is installed and Berth may run it. */
  available: boolean;
  /** Why the managed engine is not available, when it is not. */
  unavailableReason?: string;
  running: boolean;
  /** The managed engine's own socket, e.g. `unix:///home/me/.local/share/berth/engine/docker.sock`. */
  url: string;
  pid?: number;
}

export interface EngineStatus {
  /** Stable id of the engine; every item from it carries the same `engineId`. */
  engineId: string;
  state: EngineConnectionState;
  endpoint: EngineEndpoint | null;
  /** Set when `state` is `connected`. */
  identity?: EngineIdentity;
  /** Set when `state` is `unreachable`. */
  reason?: { code: UnreachableReason; message: string };
  /** When unreachable: milliseconds until the next attempt. */
  retryInMs?: number;
  managed: ManagedEngineStatus;
}

export const engineContract = defineDomain({
  methods: {
    'engine.info': method<EngineStatus>()(
      noParams,
      'The engine Berth is connected to (or trying to reach), why it was chosen, and the managed engine.',
    ),
    'engine.startManaged': method<EngineStatus>()(
      noParams,
      "Start Berth's own engine (dockerd with its own socket and data root) and connect to it.",
    ),
    'engine.stopManaged': method<EngineStatus>()(
      noParams,
      "Stop Berth's own engine. Its containers stop with it; they start again with the engine per their restart policy.",
    ),
  },
});
