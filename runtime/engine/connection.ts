import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import Docker from 'dockerode';
import {
  BerthError,
  toDisposable,
  type Disposable,
  type EngineEndpoint,
  type EngineIdentity,
  type EngineStatus,
  type ManagedEngineStatus,
} from '../api/index.js';
import { NdjsonParser } from '../streams/lines.js';
import { EngineClient } from './client/engine-client.js';
import { dialectOf } from './dialect.js';
import type { DiscoveryPlan } from './discovery.js';
import { parseEngineUrl, type TlsMaterial } from './endpoint.js';
import {
  managedEnginePaths,
  managedEngineStatus,
  startManagedEngine,
  stopManagedEngine,
  type ManagedEngineOptions,
} from './managed.js';
import { check } from './json/read.js';
import type { EngineInfo, EngineVersion } from './json/system.js';
import { engineEventSchema, type EngineEvent } from './json/streams.js';
import { probeEngine, type ProbeResult } from './probe.js';

export interface EngineConnectionOptions {
  /** Where to look, in order (see discovery.ts). Called on every attempt: sockets come and go. */
  plan(): Promise<DiscoveryPlan>;
  managed: ManagedEngineOptions;
  /** Start the managed engine when nothing else answers (the desktop default). */
  autoStartManaged: boolean;
  /** Client certificates for a TLS endpoint, if the user configured them. */
  tlsFor?(endpoint: EngineEndpoint): TlsMaterial | undefined;
  backoff?: { initialMs: number; maxMs: number };
}

type FailedProbe = ProbeResult & { ok: false };

/**
 * The connection to one engine: finds it, connects, holds the one `/events` stream, and
 * reconnects with backoff when that stream ends (the stream's end IS the disconnect signal;
 * nothing polls while connected).
 */
export class EngineConnection implements Disposable {
  private current: EngineStatus;
  private engineClient: EngineClient | null = null;
  private eventsAbort: AbortController | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private attempt: Promise<void> | null = null;
  private managedAutoStartTried = false;
  private preferManaged = false;
  private disposed = false;
  private readonly statusListeners = new Set<(status: EngineStatus) => void>();
  private readonly eventListeners = new Set<(event: EngineEvent) => void>();

  constructor(private readonly options: EngineConnectionOptions) {
    this.current = {
      engineId: 'none',
      state: 'connecting',
      endpoint: null,
      managed: { available: false, running: false, url: managedEnginePaths(options.managed.dataDir).url },
    };
  }

  get status(): EngineStatus {
    return this.current;
  }

  /** The engine client; throws `engine_unreachable` with the precise reason when not connected. */
  get client(): EngineClient {
    if (this.engineClient) return this.engineClient;
    const reason = this.current.reason?.message ?? 'Berth is still connecting to the engine.';
    throw new BerthError('engine_unreachable', reason);
  }

  onStatus(listener: (status: EngineStatus) => void): Disposable {
    this.statusListeners.add(listener);
    return toDisposable(() => this.statusListeners.delete(listener));
  }

  onEngineEvent(listener: (event: EngineEvent) => void): Disposable {
    this.eventListeners.add(listener);
    return toDisposable(() => this.eventListeners.delete(listener));
  }

  /** Begins connecting; resolves after the first attempt (connected or not). */
  start(): Promise<void> {
    return this.connectNow();
  }

  /** Resolves once connected, or rejects with the reason after `timeoutMs`. */
  async whenConnected(timeoutMs: number): Promise<void> {
    if (this.current.state === 'connected') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new BerthError('engine_unreachable', this.current.reason?.message ?? `No engine connected within ${timeoutMs} ms.`));
      }, timeoutMs);
      const subscription = this.onStatus((status) => {
        if (status.state !== 'connected') return;
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
    });
  }

  async startManaged(): Promise<EngineStatus> {
    await startManagedEngine(this.options.managed);
    this.preferManaged = true;
    this.disconnect();
    await this.connectNow();
    return this.current;
  }

  async stopManaged(): Promise<EngineStatus> {
    // The user chose to stop it: do not start it again by ourselves.
    this.managedAutoStartTried = true;
    this.preferManaged = false;
    const onManaged = this.current.endpoint?.source === 'managed';
    await stopManagedEngine(this.options.managed);
    if (onManaged) {
      this.disconnect();
      await this.connectNow();
    } else {
      this.update({ managed: await this.managedStatus() });
    }
    return this.current;
  }

  dispose(): void {
    this.disposed = true;
    this.disconnect();
    this.statusListeners.clear();
    this.eventListeners.clear();
  }

  private connectNow(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt ??= this.connectOnce().finally(() => {
      this.attempt = null;
    });
    return this.attempt;
  }

  private async connectOnce(): Promise<void> {
    if (this.disposed) return;
    this.update({ state: 'connecting', reason: undefined, retryInMs: undefined });
    const managed = await this.managedStatus();
    const plan = await this.options.plan();
    const managedEndpoint: EngineEndpoint = { url: managed.url, source: 'managed', why: "Berth's managed engine" };
    // Starting the managed engine by hand is a choice that outranks even an explicit endpoint.
    const candidates = this.preferManaged ? [managedEndpoint, ...plan.candidates] : plan.candidates;

    let firstFailure: { endpoint: EngineEndpoint; result: FailedProbe } | null = null;
    for (const endpoint of candidates) {
      const result = await probeEngine(endpoint.url, { tls: this.options.tlsFor?.(endpoint) });
      if (result.ok) return this.connectTo(endpoint, managed);
      // The most telling failure wins: a socket that exists but refuses says more than a missing one.
      if (!firstFailure || (firstFailure.result.reason === 'socket_missing' && result.reason !== 'socket_missing')) {
        firstFailure = { endpoint, result };
      }
    }

    if (!plan.explicit) {
      if (managed.running) return this.connectTo(managedEndpoint, managed);
      if (this.options.autoStartManaged && managed.available && !this.managedAutoStartTried) {
        this.managedAutoStartTried = true;
        try {
          const started = await startManagedEngine(this.options.managed);
          return this.connectTo({ ...managedEndpoint, why: "no other engine answered, so Berth started its managed engine" }, started);
        } catch (error) {
          return this.fail(managedEndpoint, { ok: false, reason: 'unknown', message: `Berth could not start its managed engine: ${(error as Error).message}` }, managed);
        }
      }
    }

    if (plan.problem) return this.fail(null, { ok: false, reason: 'no_engine', message: plan.problem }, managed);
    if (!firstFailure) return this.fail(null, { ok: false, reason: 'no_engine', message: 'No engine to connect to.' }, managed);
    const { endpoint, result } = firstFailure;
    if (!plan.explicit && result.reason === 'socket_missing') {
      const checked = candidates.map((c) => c.url.replace(/^unix:\/\//, '')).join(', ');
      const hint = managed.available ? '' : ` Managed engine: ${managed.unavailableReason ?? 'unavailable'}`;
      return this.fail(endpoint, { ok: false, reason: 'no_engine', message: `No engine found (checked ${checked}).${hint}` }, managed);
    }
    return this.fail(endpoint, result, managed);
  }

  private async connectTo(endpoint: EngineEndpoint, managed: ManagedEngineStatus): Promise<void> {
    const docker = new Docker(dockerOptions(endpoint.url, this.options.tlsFor?.(endpoint)));
    try {
      const { client, version, info } = await EngineClient.open(docker, endpoint.url);
      const identity = toIdentity(version, info);
      const abort = new AbortController();
      const stream = await client.system.events(['container', 'image', 'volume', 'network'], abort.signal);
      if (this.disposed) {
        abort.abort();
        return;
      }
      this.engineClient = client;
      this.eventsAbort = abort;
      this.failures = 0;
      this.watchEvents(stream, abort);
      this.update({ engineId: engineIdFor(endpoint.url), state: 'connected', endpoint, identity, reason: undefined, retryInMs: undefined, managed });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.fail(endpoint, { ok: false, reason: 'unknown', message: `Connected to ${endpoint.url}, but the engine failed: ${message}` }, managed);
    }
  }

  private watchEvents(stream: Readable, abort: AbortController): void {
    const parser = new NdjsonParser();
    const deliver = (chunk: Buffer) => {
      for (const item of parser.push(chunk)) {
        const event = item.ok ? check(engineEventSchema, item.value) : null;
        if (!event?.ok) continue; // A garbled line costs one event, never the connection.
        for (const listener of this.eventListeners) listener(event.value);
      }
    };
    const lost = (why: string) => {
      if (abort.signal.aborted || this.eventsAbort !== abort) return;
      this.engineClient = null;
      this.eventsAbort = null;
      this.fail(this.current.endpoint, { ok: false, reason: 'refused', message: why }, this.current.managed, true);
    };
    stream.on('data', deliver);
    stream.on('end', () => lost('The engine closed its event stream (it stopped or restarted).'));
    stream.on('error', (error) => lost(`The engine connection broke: ${error.message}`));
  }

  private fail(endpoint: EngineEndpoint | null, result: FailedProbe, managed: ManagedEngineStatus, quickRetry = false): void {
    if (this.disposed) return;
    const delay = quickRetry ? 100 : this.nextDelay();
    this.update({
      engineId: endpoint ? engineIdFor(endpoint.url) : 'none',
      state: 'unreachable',
      endpoint,
      identity: undefined,
      reason: { code: result.reason, message: result.message },
      retryInMs: delay,
      managed,
    });
    this.retryTimer = setTimeout(() => void this.connectNow(), delay);
    this.retryTimer.unref();
  }

  private nextDelay(): number {
    const { initialMs, maxMs } = this.options.backoff ?? { initialMs: 250, maxMs: 5000 };
    const delay = Math.min(maxMs, initialMs * 2 ** this.failures);
    this.failures += 1;
    return delay;
  }

  private disconnect(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const abort = this.eventsAbort;
    this.eventsAbort = null;
    this.engineClient = null;
    abort?.abort();
  }

  private async managedStatus(): Promise<ManagedEngineStatus> {
    return managedEngineStatus(this.options.managed);
  }

  private update(patch: Partial<EngineStatus>): void {
    const next = { ...this.current, ...patch };
    for (const key of Object.keys(next) as (keyof EngineStatus)[]) {
      if (next[key] === undefined) delete next[key];
    }
    this.current = next;
    for (const listener of this.statusListeners) listener(next);
  }
}

export function engineIdFor(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 12);
}

export function dockerOptions(url: string, tls?: TlsMaterial): Docker.DockerOptions {
  const target = parseEngineUrl(url);
  if (target.kind === 'unix') return { socketPath: target.socketPath };
  if (target.kind === 'tcp') {
    const secure = target.tls || tls !== undefined;
    return { host: target.host, port: target.port, protocol: secure ? 'https' : 'http', ...(tls ?? {}) };
  }
  throw new BerthError('invalid_argument', target.message, { field: 'engine' });
}

function toIdentity(version: EngineVersion, info: EngineInfo): EngineIdentity {
  const podman = dialectOf(version) === 'podman';
  const platform = version.Platform?.Name?.trim();
  return {
    name: podman ? 'Podman Engine' : platform || 'Docker Engine',
    version: version.Version ?? 'unknown',
    apiVersion: version.ApiVersion ?? 'unknown',
    os: version.Os ?? 'unknown',
    arch: version.Arch ?? 'unknown',
    cpus: info.NCPU ?? 0,
    memoryBytes: info.MemTotal ?? 0,
  };
}
