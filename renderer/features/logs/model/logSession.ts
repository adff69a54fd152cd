import type { BerthClient, Disposable, LogEvent, LogMark } from '../../../../runtime/api/index.js';
import { itemKey } from '../../../stores/itemKey.js';
import { EngineTimeReader, unixSecondsText } from './engineTime.js';
import { frameScheduler, type FrameClock, type FrameScheduler } from './frameScheduler.js';
import { emptyBatch, LogBuffer, lineFlag, type BufferChange } from './logBuffer.js';
import { pickSourceColor } from './sourceColors.js';

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
  reader: EngineTimeReader;
  /** The newest time delivered, and how many lines had exactly it: a resumed follow skips those. */
  lastSeconds: number;
  lastNanos: number;
  seenAtLast: number;
  /** While resuming: lines at the last time still to skip. */
  skipAtLast: number;
}

export function markText(mark: LogMark): string {
  switch (mark.kind) {
    case 'exited':
      return mark.exitCode === undefined ? 'Container exited' : `Container exited with code ${mark.exitCode}`;
    case 'started':
      return 'Container started';
    case 'reconnected':
      return 'Engine reconnected: lines go on after the last one shown';
    case 'removed':
      return 'Container removed';
  }
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
  private readonly frame: FrameScheduler;
  private views: readonly SourceView[] = [];
  private isDisposed = false;

  constructor(
    private readonly clientSource: () => BerthClient | null,
    readonly options: LogReadOptions,
    capacity?: number,
    clock?: FrameClock,
  ) {
    this.buffer = new LogBuffer(capacity);
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
        reader: new EngineTimeReader(),
        lastSeconds: -Infinity,
        lastNanos: 0,
        seenAtLast: 0,
        skipAtLast: 0,
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
      this.subscribe(entry, entry.lastSeconds !== -Infinity);
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
    const { tail, since, until } = this.options;
    entry.skipAtLast = isResuming ? entry.seenAtLast : 0;
    const params = {
      id: entry.source.containerId,
      follow: true,
      tail: isResuming ? ('all' as const) : tail,
      ...(isResuming ? { since: unixSecondsText(entry.lastSeconds, entry.lastNanos) } : since === null ? {} : { since }),
      ...(until === null ? {} : { until }),
    };
    if (!isResuming) this.setStatus(entry, { kind: 'opening' });
    entry.subscription = client.subscribe(
      'logs.follow',
      params,
      {
        onEvent: (event) => this.onEvent(entry, event, isResuming),
        onEnd: () => this.setStatus(entry, entry.status.kind === 'unreadable' ? entry.status : { kind: 'ended' }),
        onError: (error) => this.setStatus(entry, { kind: 'failed', message: error.message }),
      },
      { engine: entry.source.engineId },
    );
  }

  private onEvent(entry: SourceEntry, event: LogEvent, isResuming: boolean): void {
    if (this.isDisposed || this.entries.get(entry.key) !== entry) return;
    if (event.type === 'opened') {
      if (event.name !== '') entry.name = event.name;
      this.setStatus(entry, { kind: 'open', tty: event.tty, logDriver: event.logDriver });
    } else if (event.type === 'unreadable') {
      this.setStatus(entry, { kind: 'unreadable', message: event.message });
    } else if (event.type === 'lines') {
      this.takeLines(entry, event.lines, isResuming);
    } else {
      // A resumed follow does not repeat the engine's news: the `reconnected` mark says it once.
      this.takeMark(entry, event);
    }
  }

  private takeLines(entry: SourceEntry, lines: readonly { time: string; stream: 'stdout' | 'stderr'; text: string }[], isResuming: boolean): void {
    const batch = emptyBatch();
    const { reader } = entry;
    for (const line of lines) {
      // An unreadable time (never from a sane engine) keeps the line, at the last time seen.
      if (!reader.read(line.time)) [reader.seconds, reader.nanos] = [Math.max(entry.lastSeconds, 0), entry.lastNanos];
      const { seconds, nanos } = reader;
      if (isResuming && entry.skipAtLast > 0 && seconds === entry.lastSeconds && nanos === entry.lastNanos) {
        entry.skipAtLast--;
        continue;
      }
      if (seconds === entry.lastSeconds && nanos === entry.lastNanos) entry.seenAtLast++;
      else if (seconds > entry.lastSeconds || (seconds === entry.lastSeconds && nanos > entry.lastNanos)) {
        [entry.lastSeconds, entry.lastNanos, entry.seenAtLast] = [seconds, nanos, 1];
      }
      batch.texts.push(line.text);
      batch.seconds.push(seconds);
      batch.nanos.push(nanos);
      batch.flags.push(line.stream === 'stderr' ? lineFlag.stderr : 0);
      batch.sources.push(entry.index);
    }
    this.noteChange(this.buffer.add(batch));
  }

  private takeMark(entry: SourceEntry, mark: LogMark): void {
    const batch = emptyBatch();
    const reader = new EngineTimeReader();
    const isRead = reader.read(mark.time);
    batch.texts.push(markText(mark));
    batch.seconds.push(isRead ? reader.seconds : Math.max(entry.lastSeconds, 0));
    batch.nanos.push(isRead ? reader.nanos : entry.lastNanos);
    batch.flags.push(lineFlag.mark);
    batch.sources.push(entry.index);
    this.noteChange(this.buffer.add(batch));
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
