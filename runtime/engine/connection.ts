import type { RegistryAuthSource } from './client/images.js';
import type { ContainerWritten } from './client/containers.js';
import type { Readable } from 'node:stream';
import {
  BerthError,
  toDisposable,
  type Disposable,
  type EngineEndpoint,
  type EngineStatus,
  type ManagedEngineStatus,
} from '../api/index.js';
import { reconnectDelayMs } from '../api/backoff.js';
import { AttemptPolicy, type AttemptOptions, type FailedProbe } from './attempt.js';
import { EngineClient } from './client/engine-client.js';
import { eventAsDocker } from './dialect.js';
import { EventResume } from './event-resume.js';
import { followEngineEvents, openEngineEvents } from './event-stream.js';
import { engineIdFor, identityOf } from './identity.js';
import type { EngineEvent } from './json/streams.js';
import { managedEnginePaths } from './managed.js';
import { SkippedLines } from './ndjson.js';

/** An ended events stream asked for again must be open within this, or the connection is made again. */
const resumeTimeoutMs = 5_000;

export interface EngineConnectionOptions extends AttemptOptions {
  backoff?: { initialMs: number; maxMs: number };
  /** Told the round-trip time of each request answered (the Engines page's latency). */
  onRoundTrip?: (milliseconds: number) => void;
  /** `X-Registry-Auth` for the pulls and pushes on this engine: the credentials Berth keeps (runtime/registry). */
  registryAuth?: RegistryAuthSource | undefined;
  /**
   * Whether this connection may start and stop Berth's managed engine (default true). Only the
   * default engine's connection does: another would switch itself over to the managed engine.
   */
  ownsManaged?: boolean;
}

/**
 * The connection to one engine, as a state machine: connecting -> connected -> unreachable ->
 * connecting... It asks the attempt policy (attempt.ts) which engine, connects its client,
 * holds the one `/events` stream (event-stream.ts), and reconnects with backoff when that
 * stream ends and cannot be picked up again at once from its last event (event-resume.ts): the
 * stream's end IS the disconnect signal; nothing polls while connected.
 */
export class EngineConnection implements Disposable {
  private current: EngineStatus;
  private engineClient: EngineClient | null = null;
  private eventsAbort: AbortController | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private attempt: Promise<void> | null = null;
  private readonly policy: AttemptPolicy;
  private disposed = false;
  private readonly statusListeners = new Set<(status: EngineStatus) => void>();
  private readonly eventListeners = new Set<(event: EngineEvent) => void>();
  private readonly streamListeners = new Set<(isLive: boolean) => void>();
  private readonly writeListeners = new Set<ContainerWritten>();
  private streamLive = false;
  /** Lines of `/events` that could not be read, over the connection's life (each one logged). */
  private readonly skippedEvents = new SkippedLines('/events');

  constructor(private readonly options: EngineConnectionOptions) {
    this.policy = new AttemptPolicy(options);
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

  /**
   * Whether the `/events` stream is open now. It is closed while the connection is not
   * `connected`, and also, with the status still `connected`, while an ended stream is asked for
   * again (event-resume.ts): events made meanwhile arrive only once it is open again, so whatever
   * is kept from the events is behind until then.
   */
  get isEventStreamLive(): boolean {
    return this.streamLive;
  }

  /** Told each time the `/events` stream closes (false) or opens (true): after a connect, and after a resume. */
  onEventStreamLive(listener: (isLive: boolean) => void): Disposable {
    this.streamListeners.add(listener);
    return toDisposable(() => this.streamListeners.delete(listener));
  }

  /**
   * Told of each change Berth itself made to a container through this connection, as soon as the
   * engine answered it (before its event arrives): the id or name the caller used, and the action.
   */
  onContainerWritten(listener: ContainerWritten): Disposable {
    this.writeListeners.add(listener);
    return toDisposable(() => this.writeListeners.delete(listener));
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

  /** Drops the connection and connects again now (the engine it should reach may have changed). */
  reconnect(): Promise<void> {
    this.disconnect();
    return this.connectNow();
  }

  async startManaged(): Promise<EngineStatus> {
    this.refuseUnlessOwnsManaged();
    await this.policy.startManagedByUser();
    this.disconnect();
    await this.connectNow();
    return this.current;
  }

  async stopManaged(): Promise<EngineStatus> {
    this.refuseUnlessOwnsManaged();
    const onManaged = this.current.endpoint?.source === 'managed';
    await this.policy.stopManagedByUser();
    if (onManaged) {
      this.disconnect();
      await this.connectNow();
    } else {
      this.update({ managed: await this.policy.managedStatus() });
    }
    return this.current;
  }

  private refuseUnlessOwnsManaged(): void {
    if (this.options.ownsManaged === false) {
      throw new BerthError('conflict', "Berth's managed engine is started and stopped from the default engine; send this request without naming an engine.");
    }
  }

  dispose(): void {
    this.disposed = true;
    this.disconnect();
    this.statusListeners.clear();
    this.eventListeners.clear();
    this.streamListeners.clear();
    this.writeListeners.clear();
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
    const attempt = await this.policy.choose();
    if (attempt.ok) return this.connectTo(attempt.endpoint, attempt.managed);
    return this.fail(attempt.endpoint, attempt.failure, attempt.managed);
  }

  private async connectTo(endpoint: EngineEndpoint, managed: ManagedEngineStatus): Promise<void> {
    try {
      const { client, version, info, api } = await EngineClient.open(endpoint.url, this.options.accessFor?.(endpoint), undefined, {
        onRoundTrip: this.options.onRoundTrip,
        registryAuth: this.options.registryAuth,
        containerWritten: (idOrName, action) => {
          for (const listener of this.writeListeners) listener(idOrName, action);
        },
      });
      const identity = identityOf(version, info);
      if (!api.ok) return this.fail(endpoint, { ok: false, reason: 'unsupported_version', message: api.message }, managed);
      const abort = new AbortController();
      const stream = await openEngineEvents(client, abort.signal);
      if (this.disposed) {
        abort.abort();
        return;
      }
      this.engineClient = client;
      this.eventsAbort = abort;
      this.failures = 0;
      this.watchEvents(client, stream, abort, new EventResume());
      this.setStreamLive(true);
      this.update({ engineId: engineIdFor(endpoint.url), state: 'connected', endpoint, identity, reason: undefined, retryInMs: undefined, managed });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.fail(endpoint, { ok: false, reason: 'unknown', message: `Connected to ${endpoint.url}, but the engine failed: ${message}` }, managed);
    }
  }

  private watchEvents(client: EngineClient, stream: Readable, abort: AbortController, resume: EventResume): void {
    followEngineEvents(stream, this.skippedEvents, {
      onEvent: (read) => {
        if (!resume.isNew(read)) return;
        const event = eventAsDocker(read, client.dialect);
        for (const listener of this.eventListeners) listener(event);
      },
      onEnd: (why) => {
        if (abort.signal.aborted || this.eventsAbort !== abort) return;
        this.setStreamLive(false);
        void this.resumeEvents(client, abort, resume, why);
      },
    });
  }

  /**
   * The events stream ended: ask for it again from the last event seen (event-resume.ts), and
   * stay connected if the engine answers at once; else the connection is lost, and made again.
   */
  private async resumeEvents(client: EngineClient, abort: AbortController, resume: EventResume, why: string): Promise<void> {
    const since = resume.resumeSince();
    if (since !== null) {
      // Cancelled by a disconnect, and by a timer until the stream is open (not after: it lives on).
      const opening = new AbortController();
      const cancel = () => opening.abort();
      abort.signal.addEventListener('abort', cancel, { once: true });
      const timer = setTimeout(cancel, resumeTimeoutMs);
      try {
        const stream = await openEngineEvents(client, opening.signal, since);
        if (!abort.signal.aborted && this.eventsAbort === abort) {
          this.watchEvents(client, stream, abort, resume);
          this.setStreamLive(true);
          return;
        }
        stream.destroy();
        return;
      } catch {
        // Not answered: the engine is gone after all.
      } finally {
        clearTimeout(timer);
      }
    }
    if (abort.signal.aborted || this.eventsAbort !== abort) return;
    this.engineClient = null;
    this.eventsAbort = null;
    this.fail(this.current.endpoint, { ok: false, reason: 'refused', message: why }, this.current.managed, true);
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
    const delay = reconnectDelayMs(this.failures, this.options.backoff);
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
    this.setStreamLive(false);
  }

  private setStreamLive(isLive: boolean): void {
    if (this.streamLive === isLive) return;
    this.streamLive = isLive;
    for (const listener of this.streamListeners) listener(isLive);
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
