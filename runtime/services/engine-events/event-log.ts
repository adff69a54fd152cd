import { keptEngineEvents, matchesEngineEventFilter, toDisposable, type Disposable, type EngineEventFilter, type EngineEventRecord } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import { engineEventRecord } from './event-record.js';

/**
 * The last engine events of one connection (1,000 by default), fed by the connection's one
 * `/events` stream: a ring of records, so a long session holds the same memory as a short one.
 * Listeners hear each new record; `engineEvents.*` and the notification rules read it.
 */
export class EngineEventLog implements Disposable {
  private readonly ring: (EngineEventRecord | undefined)[];
  /** Where the next record goes in `ring`. */
  private next = 0;
  private count = 0;
  private seq = 0;
  private readonly listeners = new Set<(record: EngineEventRecord) => void>();
  private readonly subscription: Disposable;

  constructor(
    private readonly engine: Pick<EngineConnection, 'onEngineEvent' | 'status'>,
    readonly capacity = keptEngineEvents,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
    this.ring = new Array<EngineEventRecord | undefined>(capacity);
    this.subscription = engine.onEngineEvent((event) => this.add(engineEventRecord(event, this.engine.status.engineId, ++this.seq)));
  }

  /** How many records are kept now (at most `capacity`). */
  get size(): number {
    return this.count;
  }

  /** The kept records that match `filter`, oldest first. */
  recent(filter: EngineEventFilter = {}): EngineEventRecord[] {
    const out: EngineEventRecord[] = [];
    const start = (this.next - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i++) {
      const record = this.ring[(start + i) % this.capacity];
      if (record !== undefined && matchesEngineEventFilter(record, filter)) out.push(record);
    }
    return out;
  }

  /** Hears every record added from now on. */
  onRecord(listener: (record: EngineEventRecord) => void): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  }

  dispose(): void {
    this.subscription.dispose();
    this.listeners.clear();
  }

  private add(record: EngineEventRecord): void {
    this.ring[this.next] = record;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
    for (const listener of this.listeners) listener(record);
  }
}
