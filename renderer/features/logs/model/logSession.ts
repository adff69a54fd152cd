import type { BerthClient, Disposable, LogEvent } from '../../../../runtime/api/index.js';
import { itemKey } from '../../../stores/itemKey.js';
import { browserClock, frameScheduler, isFlood, type FrameClock, type FrameScheduler } from './frameScheduler.js';
import { LogBuffer, type BufferChange } from './logBuffer.js';
import { pickSourceColor } from './sourceColors.js';
import { SourceLines } from './sourceLines.js';

/** Lines coming at this many or more per `floodPeriodMs` are a flood (see isFlood): the next frame waits `floodGapMs` (see frameScheduler.ts). */
const floodLines = 2_000;
const floodPeriodMs = 100;
const floodGapMs = 250;

/** A container whose log the view shows. */
export interface LogSource {
  engineId: string;
  containerId: string;
  name: string;
}

/** The `docker logs` options a session reads with; changing them starts a new session. */
export interface LogReadOptions {
  tail: number | 'all';
  /** As the user typed it (already checked with readLogTime); null: no bound. */
  since: string | null;
  until: string | null;
}

export type SourceStatus =
  | { kind: 'opening' }
  | { kind: 'open'; tty: boolean; logDriver: string }
  | { kind: 'unreadable'; message: string }
  | { kind: 'ended' }
  | { kind: 'failed'; message: string };

/** What the view shows about one container: its name, colour and state. */
export interface SourceView {
  key: string;
  index: number;
  name: string;
  color: number;
  status: SourceStatus;
}

interface SourceEntry extends SourceView {
  source: LogSource;
  subscription: Disposable | null;
  lines: SourceLines;
}

/**
 * One view's logs: a subscription to `logs.follow` per container, each on its container's
 * engine, all feeding one buffer ordered by engine time. Lines go into the buffer as they come
 * (cheap); listeners hear about them at most once per animation frame, with one combined change.
 */
export class LogSession implements Disposable {
  readonly buffer: LogBuffer;
  private readonly entries = new Map<string, SourceEntry>();
  private readonly freeIndexes: number[] = [];
  private nextIndex = 0;
  private readonly byIndex = new Map<number, SourceEntry>();
  private readonly listeners = new Set<(change: BufferChange) => void>();
  private readonly statusListeners = new Set<() => void>();
  private pendingChange: BufferChange | null = null;
  /** Lines taken in since listeners last heard. */
  private pendingLines = 0;
  private readonly frame: FrameScheduler;
  private readonly clock: FrameClock | undefined;
  /** When listeners last heard (the clock's time), or null before. */
  private lastFlushAt: number | null = null;
  private views: readonly SourceView[] = [];
  private isDisposed = false;

  constructor(
    private readonly clientSource: () => BerthClient | null,
    readonly options: LogReadOptions,
    capacity?: number,
    clock?: FrameClock,
  ) {
    this.buffer = new LogBuffer(capacity);
    this.clock = clock;
    this.frame = frameScheduler(() => this.flush(), clock);
  }

  /** Follows exactly these containers: new ones are subscribed (their lines merge in by time), gone ones unsubscribed and their lines removed. */
  setSources(sources: readonly LogSource[]): void {
    const wanted = new Map(sources.map((source) => [itemKey(source.engineId, source.containerId), source]));
    for (const [key, entry] of this.entries) {
      if (wanted.has(key)) continue;
      entry.subscription?.dispose();
      this.entries.delete(key);
      this.byIndex.delete(entry.index);
      this.freeIndexes.push(entry.index);
      this.noteChange(this.buffer.removeSource(entry.index));
    }
    for (const [key, source] of wanted) {
      const existing = this.entries.get(key);
      if (existing) {
        existing.name = source.name;
        continue;
      }
      const taken = new Set([...this.entries.values()].map((entry) => entry.color));
      const index = this.freeIndexes.pop() ?? this.nextIndex++;
      const entry: SourceEntry = {
        key,
        index,
        name: source.name,
        color: pickSourceColor(source.name, taken),
        status: { kind: 'opening' },
        source,
        subscription: null,
        lines: new SourceLines(index),
      };
      this.entries.set(key, entry);
      this.byIndex.set(index, entry);
      this.subscribe(entry, false);
    }
    this.statusChanged();
  }

  /**
   * The link to Berth came back: every follow that failed picks up after the last line it
   * delivered (engine time, inclusive, skipping the lines already shown at that time).
   */
  resume(): void {
    for (const entry of this.entries.values()) {
      if (entry.status.kind !== 'failed') continue;
      entry.subscription?.dispose();
      this.subscribe(entry, true);
    }
    this.statusChanged();
  }

  /** Unsubscribes everything and forgets every line; `setSources` starts again. */
  stop(): void {
    for (const entry of this.entries.values()) entry.subscription?.dispose();
    this.entries.clear();
    this.byIndex.clear();
    this.freeIndexes.length = 0;
    this.nextIndex = 0;
    this.noteChange(this.buffer.clear());
    this.statusChanged();
  }

  source(index: number): SourceView | undefined {
    return this.byIndex.get(index);
  }

  /** Every container's name, colour and state; a new array when any changes. */
  sources(): readonly SourceView[] {
    return this.views;
  }

  onChange(listener: (change: BufferChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  dispose(): void {
    this.isDisposed = true;
    this.frame.cancel();
    for (const entry of this.entries.values()) entry.subscription?.dispose();
    this.listeners.clear();
    this.statusListeners.clear();
  }

  private subscribe(entry: SourceEntry, isResuming: boolean): void {
    const client = this.clientSource();
    if (client === null) {
      this.setStatus(entry, { kind: 'failed', message: 'Not connected to Berth.' });
      return;
    }
    const { until } = this.options;
    // Resuming after lines came: everything from the last time delivered. Otherwise as the view asked.
    const resumeSince = isResuming ? entry.lines.resume() : null;
    const { tail, since } = resumeSince === null ? this.options : { tail: 'all' as const, since: resumeSince };
    // Lines are put in time order here, so the last lines of a container that exits during a flood can come first.
    const params = { id: entry.source.containerId, follow: true, lastLinesFirst: true, tail, ...(since === null ? {} : { since }), ...(until === null ? {} : { until }) };
    if (!isResuming) this.setStatus(entry, { kind: 'opening' });
    entry.subscription = client.subscribe(
      'logs.follow',
      params,
      {
        onEvent: (event) => this.onEvent(entry, event),
        onEnd: () => this.setStatus(entry, entry.status.kind === 'unreadable' ? entry.status : { kind: 'ended' }),
        onError: (error) => this.setStatus(entry, { kind: 'failed', message: error.message }),
      },
      { engine: entry.source.engineId },
    );
  }

  private onEvent(entry: SourceEntry, event: LogEvent): void {
    if (this.isDisposed || this.entries.get(entry.key) !== entry) return;
    if (event.type === 'opened') {
      if (event.name !== '') entry.name = event.name;
      this.setStatus(entry, { kind: 'open', tty: event.tty, logDriver: event.logDriver });
    } else if (event.type === 'unreadable') {
      this.setStatus(entry, { kind: 'unreadable', message: event.message });
    } else {
      if (event.type === 'lines') this.pendingLines += event.text.length;
      this.noteChange(this.buffer.add(event.type === 'lines' ? entry.lines.lines(event) : entry.lines.mark(event)));
    }
  }

  private noteChange(change: BufferChange): void {
    this.pendingChange = {
      dropped: change.dropped,
      changedFrom: Math.min(this.pendingChange?.changedFrom ?? Infinity, change.changedFrom),
    };
    this.frame.request();
  }

  private flush(): void {
    const change = this.pendingChange;
    this.pendingChange = null;
    const now = (this.clock ?? browserClock).now?.() ?? null;
    const elapsed = now === null || this.lastFlushAt === null ? null : now - this.lastFlushAt;
    this.lastFlushAt = now;
    if (isFlood(this.pendingLines, elapsed, floodLines, floodPeriodMs)) this.frame.holdOff(floodGapMs);
    this.pendingLines = 0;
    if (change === null || this.isDisposed) return;
    const combined = { dropped: change.dropped, changedFrom: Math.max(change.changedFrom, change.dropped) };
    for (const listener of [...this.listeners]) listener(combined);
  }

  private setStatus(entry: SourceEntry, status: SourceStatus): void {
    if (this.isDisposed) return;
    entry.status = status;
    this.statusChanged();
  }

  private statusChanged(): void {
    this.views = [...this.entries.values()].map(({ key, index, name, color, status }) => ({ key, index, name, color, status }));
    for (const listener of [...this.statusListeners]) listener();
  }
}
