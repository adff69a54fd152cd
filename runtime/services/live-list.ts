import { DisposableStore, toDisposable, type Disposable, type EngineStatus } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';

/** What a live list asks the engine: every item, and one item afresh (null: it is gone). */
export interface LiveListSource<T> {
  list(signal: AbortSignal): Promise<T[]>;
  lookup(key: string, signal: AbortSignal): Promise<T | null>;
}

/** Told what the list holds: all of it after each list, then each item that changed (null: gone). */
export interface LiveListListener<T> {
  onListed(items: readonly T[]): void;
  onChanged(key: string, action: string, item: T | null): void;
  /** A list failed; the list is asked again at the next reconnect, subscription or read. */
  onFailed(error: unknown): void;
}

export type LiveListConnection = Pick<EngineConnection, 'status' | 'onStatus' | 'isEventStreamLive' | 'onEventStreamLive'>;

export interface LiveListOptions {
  /** More changed items than this at once (a prune, a script making hundreds): one list instead. */
  listInsteadAbove: number;
  /** Items looked up at once. */
  concurrentLookups: number;
  /** How long a read waits for the list to come in step before it asks the engine itself. */
  settleTimeoutMs: number;
}

const defaults: LiveListOptions = { listInsteadAbove: 64, concurrentLookups: 4, settleTimeoutMs: 2_000 };

/**
 * One engine's list of one kind of item, kept live (the informer pattern): listed once, then
 * patched item by item as the engine's events name them, listed again at each reconnect and
 * each time the `/events` stream is opened again. What decides WHICH items an event changes is
 * the owner's (volume-store.ts, network-store.ts); this keeps the items and the engine work:
 *
 * - A burst of changes is coalesced per item (one lookup in flight, one queued), and more than
 *   `listInsteadAbove` at once become one list. Changes during a list are looked up after it,
 *   so an older list never overwrites a newer item; a lookup that finishes during a list is
 *   asked again after it.
 * - Berth's own writes (`put`, `remove`) show at once; one made while a lookup of that item or
 *   a list is in flight is checked by one more lookup after it, so an older answer cannot undo it.
 * - `current` answers from the items only when they are in step with the engine: connected, the
 *   events stream open, listed, and no list, lookup or other pending work (`hold`) in flight.
 *   Otherwise it waits for that, at most `settleTimeoutMs`, and answers null (ask the engine)
 *   when the list is still behind.
 * - The order is the engine's list order; an item made since is appended (a Map keeps insertion
 *   order), and an item changed in place keeps its place.
 * - Nothing runs at idle: no timer, no polling; the only timers are those of reads waiting.
 */
export class LiveList<T> implements Disposable {
  private readonly items = new Map<string, T>();
  private readonly listeners = new Set<LiveListListener<T>>();
  private readonly waiters = new Set<() => void>();
  private readonly subscriptions = new DisposableStore();
  private readonly abort = new AbortController();
  private readonly options: LiveListOptions;
  /** The items are the engine's (as of the last list, patched since). False until the first list, after a failed one, and while disconnected. */
  private isListed = false;
  /**
   * The list in flight. Its request goes out after the events already read (a microtask later):
   * the engine made those changes before it sent their events, so the list has them. Only what is
   * named after the request went out (`isSent`) may be missing from it, and is looked up after.
   */
  private listing: { again: boolean; isSent: boolean; touched: Set<string> } | null = null;
  private readonly queued = new Map<string, string>();
  private readonly inFlight = new Set<string>();
  /** Work the owner does that may name items to look up (a new container's mounts asked). */
  private held = 0;
  private wasConnected: boolean;
  /** Listed at least once (asked for): only then is it kept, and listed again at reconnects. */
  private isStarted = false;

  constructor(
    private readonly engine: LiveListConnection,
    private readonly source: LiveListSource<T>,
    private readonly keyOf: (item: T) => string,
    options: Partial<LiveListOptions> = {},
  ) {
    this.options = { ...defaults, ...options };
    this.wasConnected = engine.status.state === 'connected';
    this.subscriptions.add(engine.onStatus((status) => this.onStatus(status)));
    this.subscriptions.add(engine.onEventStreamLive((isLive) => this.onStreamLive(isLive)));
  }

  dispose(): void {
    this.abort.abort();
    this.subscriptions.dispose();
    this.listeners.clear();
    this.queued.clear();
    this.wake();
  }

  /** Listens to the list; lists (once) when it has not been, or is not in step after a failure. */
  subscribe(listener: LiveListListener<T>): Disposable {
    this.listeners.add(listener);
    if (this.isListed && this.listing === null) listener.onListed([...this.items.values()]);
    else this.start();
    return toDisposable(() => this.listeners.delete(listener));
  }

  /** Connected, the events stream open, listed, nothing pending: what the items say is what the engine says. */
  get isInStep(): boolean {
    return (
      !this.abort.signal.aborted &&
      this.engine.status.state === 'connected' &&
      this.engine.isEventStreamLive &&
      this.isListed &&
      this.listing === null &&
      this.queued.size === 0 &&
      this.inFlight.size === 0 &&
      this.held === 0
    );
  }

  /** A list is in flight (its answer will replace every item). */
  get isListing(): boolean {
    return this.listing !== null;
  }

  /** The item with this key as last seen (null when unknown); for the owner's bookkeeping, not an answer to a read. */
  peek(key: string): T | null {
    return this.items.get(key) ?? null;
  }

  /**
   * Every item, when in step (after waiting for it, at most `settleTimeoutMs`); null when the
   * engine must be asked instead: not connected, or still behind, or the list failed.
   */
  async current(signal?: AbortSignal): Promise<T[] | null> {
    if (this.engine.status.state !== 'connected' || this.abort.signal.aborted) return null;
    if (!this.isInStep) {
      this.start();
      if (!(await this.settle(signal))) return null;
    }
    return [...this.items.values()];
  }

  /** The engine named this item as changed: it is looked up again. */
  changed(key: string, action: string): void {
    if (!this.isListed && this.listing === null) return; // nothing kept yet: the first list will have it
    if (this.listing !== null) {
      if (this.listing.isSent) this.listing.touched.add(key);
      return;
    }
    this.queued.set(key, action);
    if (this.queued.size + this.inFlight.size > this.options.listInsteadAbove) return this.list();
    this.pump();
  }

  /** The engine said this item is gone (no lookup needed, unless one is in flight that may bring it back). */
  gone(key: string, action: string): void {
    if (this.listing !== null || this.inFlight.has(key)) return this.changed(key, action);
    if (!this.isListed) return;
    this.queued.delete(key);
    this.apply(key, action, null);
    this.wake();
  }

  /** Berth made or changed this item itself: it shows at once (read your writes). */
  put(item: T, action: string): void {
    this.write(this.keyOf(item), action, item);
  }

  /** Berth removed this item itself: it is gone at once. */
  remove(key: string, action: string): void {
    this.write(key, action, null);
  }

  /**
   * Work of the owner's that may name items to look up (e.g. a new container's mounts being
   * asked): the list is not in step until `release` runs.
   */
  hold(): () => void {
    this.held += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held -= 1;
      this.wake();
    };
  }

  /** The owner lost track of what changed (a lookup of its own failed): everything is listed afresh. */
  relist(): void {
    if (this.engine.status.state === 'connected' && (this.isListed || this.listing !== null)) this.list();
  }

  private write(key: string, action: string, item: T | null): void {
    if (!this.isListed && this.listing === null) return;
    if (this.listing !== null || this.inFlight.has(key)) {
      // An answer in flight may be older than this write: look again after it.
      if (this.listing === null) this.apply(key, action, item);
      this.changed(key, action);
      return;
    }
    this.queued.delete(key);
    this.apply(key, action, item);
  }

  private apply(key: string, action: string, item: T | null): void {
    if (item === null) this.items.delete(key);
    else this.items.set(key, item);
    for (const listener of this.listeners) listener.onChanged(key, action, item);
  }

  private onStatus(status: EngineStatus): void {
    const isConnected = status.state === 'connected';
    const came = isConnected && !this.wasConnected;
    this.wasConnected = isConnected;
    if (!isConnected) {
      this.isListed = false;
      this.queued.clear();
      this.wake();
      return;
    }
    if (came && this.isStarted && this.engine.isEventStreamLive) this.list();
  }

  private onStreamLive(isLive: boolean): void {
    if (!isLive) {
      // Events made meanwhile come only once the stream is open again: behind until then.
      this.wake();
      return;
    }
    // Open again (a resume; a connect is seen by its status): what came meanwhile is listed afresh.
    if (this.isStarted && this.engine.status.state === 'connected' && this.wasConnected) this.list();
  }

  /**
   * Asked for (a read, a subscriber): lists now unless listed or a list is in flight; while the
   * engine is away or the events stream is down, the connect or the stream's return lists.
   */
  private start(): void {
    if (this.abort.signal.aborted) return;
    this.isStarted = true;
    if (this.engine.status.state !== 'connected' || !this.engine.isEventStreamLive || this.listing !== null) return;
    if (!this.isListed) this.list();
  }

  private list(): void {
    if (this.abort.signal.aborted) return;
    if (this.listing !== null) {
      this.listing.again = true;
      return;
    }
    this.isStarted = true;
    this.queued.clear();
    const listing = { again: false, isSent: false, touched: new Set<string>() };
    this.listing = listing;
    queueMicrotask(() => this.send(listing));
  }

  private send(listing: NonNullable<LiveList<T>['listing']>): void {
    if (this.abort.signal.aborted || this.listing !== listing) return;
    listing.isSent = true;
    this.source.list(this.abort.signal).then(
      (items) => {
        if (this.abort.signal.aborted) return;
        this.listing = null;
        this.items.clear();
        for (const item of items) this.items.set(this.keyOf(item), item);
        this.isListed = true;
        for (const listener of this.listeners) listener.onListed(items);
        if (listing.again) return this.list();
        for (const key of listing.touched) this.changed(key, 'list');
        this.wake();
      },
      (error: unknown) => {
        if (this.abort.signal.aborted) return;
        this.listing = null;
        this.isListed = false;
        for (const listener of this.listeners) listener.onFailed(error);
        this.wake();
      },
    );
  }

  private pump(): void {
    for (const [key, action] of this.queued) {
      if (this.inFlight.size >= this.options.concurrentLookups) return;
      if (this.inFlight.has(key)) continue;
      this.queued.delete(key);
      this.inFlight.add(key);
      void this.lookup(key, action);
    }
  }

  private async lookup(key: string, action: string): Promise<void> {
    let failed = false;
    try {
      const item = await this.source.lookup(key, this.abort.signal);
      if (this.abort.signal.aborted) return;
      // During a list, an answer the list's request went out after is older than the list; one
      // that came after it may be newer or older: looked up again once the list is in.
      if (this.listing !== null) {
        if (this.listing.isSent) this.listing.touched.add(key);
      } else if (this.isListed) this.apply(key, action, item);
    } catch {
      failed = true;
    } finally {
      this.inFlight.delete(key);
      if (!this.abort.signal.aborted) {
        // A lookup that failed while still connected leaves that item unknown: list again (once;
        // a failing list is not retried until a reconnect, subscription or read asks).
        if (failed && this.engine.status.state === 'connected' && this.isListed) this.list();
        else this.pump();
        this.wake();
      }
    }
  }

  /** Resolves true once in step; false after `settleTimeoutMs`, when a list fails, the connection drops or `signal` aborts. */
  private settle(signal?: AbortSignal): Promise<boolean> {
    if (this.isInStep) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (inStep: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        signal?.removeEventListener('abort', onAbort);
        resolve(inStep);
      };
      const check = () => {
        if (this.isInStep) return done(true);
        const hopeless = this.abort.signal.aborted || this.engine.status.state !== 'connected' || (!this.isListed && this.listing === null);
        if (hopeless) done(false);
      };
      const onAbort = () => done(false);
      const timer = setTimeout(() => done(false), this.options.settleTimeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(check);
    });
  }

  private wake(): void {
    for (const check of [...this.waiters]) check();
  }
}
