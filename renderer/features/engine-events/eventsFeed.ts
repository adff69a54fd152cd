import { keptEngineEvents, type EngineEventRecord, type EngineEventsBatch } from '../../../runtime/api/index.js';

/**
 * The Events page's rows: each engine's events as its `eventlog.watch` sends them (the kept
 * ones, then each burst), at most 1,000 per engine as the backend keeps, shown newest first
 * across engines. Pure, so the merge and the bounds are tested without a backend.
 */
export class EventsFeed {
  private readonly byEngine = new Map<string, EngineEventRecord[]>();
  private cached: EngineEventRecord[] | null = [];

  constructor(readonly perEngine = keptEngineEvents) {}

  /** A replay replaces the engine's events (a new watch: a new filter, or a reconnect); a live batch adds to them. */
  apply(engineId: string, batch: EngineEventsBatch): void {
    const held = batch.replay ? [] : (this.byEngine.get(engineId) ?? []);
    const next = held.concat(batch.events);
    this.byEngine.set(engineId, next.length > this.perEngine ? next.slice(next.length - this.perEngine) : next);
    this.cached = null;
  }

  dropEngine(engineId: string): void {
    if (this.byEngine.delete(engineId)) this.cached = null;
  }

  clear(): void {
    this.byEngine.clear();
    this.cached = [];
  }

  /** Newest first: by the engine's time, then by arrival within an engine. The same array until something changes. */
  rows(): readonly EngineEventRecord[] {
    if (this.cached !== null) return this.cached;
    const all = [...this.byEngine.values()].flat();
    all.sort((a, b) => b.timeMs - a.timeMs || (a.engineId === b.engineId ? b.seq - a.seq : a.engineId.localeCompare(b.engineId)));
    this.cached = all;
    return all;
  }
}
