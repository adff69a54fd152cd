import { setTimeout as delay } from 'node:timers/promises';
import { BerthError, DisposableStore, type Disposable, type EngineStatus } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { EngineEvent } from '../../engine/json/streams.js';
import type { Instant } from '../../api/engine-time.js';

/** A change of one container's run, from the engine's events. */
export interface RunChange {
  action: 'start' | 'die' | 'destroy';
  at: Instant;
  /** RFC 3339, for the mark. */
  time: string;
  exitCode?: number;
}

/**
 * What a follow needs to hear from the engine about its container, from the connection's one
 * `/events` stream (nothing is polled): starts, exits and removal, queued in order until the
 * follow takes them, and when the connection goes away and comes back.
 */
export class ContainerChanges implements Disposable {
  private readonly store = new DisposableStore();
  private readonly queue: RunChange[] = [];
  private containerId: string | null = null;
  /** Events that came before the id was known (the first inspect), matched once it is. */
  private early: EngineEvent[] = [];
  private wake: (() => void) | null = null;
  /** Told each change as it is heard, before anyone takes it. */
  private heard: ((change: RunChange) => void) | null = null;

  constructor(
    private readonly engine: Pick<EngineConnection, 'status' | 'onStatus' | 'onEngineEvent'>,
    private readonly signal: AbortSignal,
  ) {
    this.store.add(engine.onEngineEvent((event) => this.onEvent(event)));
    this.store.add(engine.onStatus(() => this.wake?.()));
  }

  /** From now on, the changes of this container (its full id). */
  watch(containerId: string): void {
    this.containerId = containerId;
    for (const event of this.early.splice(0)) this.onEvent(event);
  }

  /** Calls `listener` with each change as it is heard (it stays queued for `take`). One listener. */
  onHeard(listener: (change: RunChange) => void): void {
    this.heard = listener;
  }

  /** The changes heard since the last call, oldest first. */
  take(): RunChange[] {
    return this.queue.splice(0);
  }

  /** The oldest change heard and not taken yet. */
  takeOne(): RunChange | undefined {
    return this.queue.shift();
  }

  /** Waits for a change of the container, or for the connection to the engine to drop. */
  async next(): Promise<'change' | 'engine lost'> {
    for (;;) {
      this.check();
      if (this.queue.length > 0) return 'change';
      if (this.engine.status.state !== 'connected') return 'engine lost';
      await this.until();
    }
  }

  /**
   * Waits until the engine is connected again after it was lost. A failed request may come
   * before the connection itself has noticed (its events stream ends a moment later): then it
   * first waits for it to notice, a few seconds at most, after which the request is tried again.
   */
  async engineBack(): Promise<void> {
    if (this.engine.status.state === 'connected') {
      await Promise.race([this.statusWhere((status) => status.state !== 'connected'), delay(3_000, undefined, { signal: this.signal })]);
      if (this.engine.status.state === 'connected') return;
    }
    await this.statusWhere((status) => status.state === 'connected');
  }

  dispose(): void {
    this.store.dispose();
    this.heard = null;
    this.wake?.();
  }

  private async statusWhere(wanted: (status: EngineStatus) => boolean): Promise<void> {
    while (!wanted(this.engine.status)) {
      this.check();
      await this.until();
    }
  }

  private until(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        this.wake = null;
        this.signal.removeEventListener('abort', done);
        resolve();
      };
      this.wake = done;
      this.signal.addEventListener('abort', done, { once: true });
    });
  }

  private check(): void {
    if (this.signal.aborted) throw new BerthError('cancelled', 'The log stream was closed.');
  }

  private onEvent(event: EngineEvent): void {
    if (event.Type !== 'container') return;
    const action = event.Action;
    if (action !== 'start' && action !== 'die' && action !== 'destroy') return;
    if (this.containerId === null) {
      if (this.early.length < 100) this.early.push(event);
      return;
    }
    if (event.Actor.ID !== this.containerId) return;
    const nanos = event.timeNano ?? (event.time ?? Date.now() / 1000) * 1e9;
    const seconds = Math.floor(nanos / 1e9);
    const change: RunChange = { action, at: { seconds, nanos: Math.max(0, Math.round(nanos - seconds * 1e9)) }, time: new Date(nanos / 1e6).toISOString() };
    const exitCode = Number(event.Actor.Attributes?.exitCode);
    if (action === 'die' && event.Actor.Attributes?.exitCode !== undefined && Number.isInteger(exitCode)) change.exitCode = exitCode;
    this.queue.push(change);
    this.heard?.(change);
    this.wake?.();
  }
}
