import { DisposableStore, type Disposable, type EngineStatus, type VolumesWatchEvent, type VolumeSummary } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { EngineEvent } from '../../engine/json/streams.js';
import { liveHelperIds } from './helper-container.js';

/** What the watch needs of the volumes service: the whole list, and one volume afresh. */
export interface VolumeSource {
  list(signal?: AbortSignal): Promise<VolumeSummary[]>;
  summaryOrNull(name: string, signal?: AbortSignal): Promise<VolumeSummary | null>;
}

/** Container actions that change which volumes it mounts or how its row reads (its state, its name). */
const containerActions = new Set(['create', 'destroy', 'start', 'die', 'stop', 'kill', 'pause', 'unpause', 'rename', 'restart']);

/** More changed volumes than this at once (a prune, a script making hundreds): one list instead. */
const listInsteadAbove = 64;
/** Volumes looked up at once. */
const concurrentRefreshes = 4;

type Connection = Pick<EngineConnection, 'onEngineEvent' | 'onStatus' | 'status'>;

/**
 * One `volumes.watch` subscription: the whole list when it starts and after each reconnect, then
 * one fresh summary per changed volume, driven by the engine's events (no timer runs at idle).
 *
 * - A volume's own events name it: `create`, `mount` and `unmount` look it up again (with its
 *   users, the engine's `volume` filter); `destroy` says it is gone without asking.
 * - A container's events change the users of the volumes it mounts: those are known from what
 *   this watch has listed (a new container is asked once which it mounts).
 * - A burst of changes is coalesced per volume (one lookup in flight, one queued), and a burst of
 *   more than 64 volumes becomes one list. Changes during a list are looked up after it, so an
 *   older list never overwrites a newer volume.
 * - Berth's own helper containers (browsing, backups) are not news: their events are skipped.
 */
export class VolumeWatch implements Disposable {
  private readonly store = new DisposableStore();
  /** Which volumes each container mounts, as last seen. */
  private readonly volumesOf = new Map<string, Set<string>>();
  private readonly queued = new Map<string, string>();
  private readonly inFlight = new Set<string>();
  private listing: { again: boolean; touched: Set<string> } | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly engine: Connection,
    private readonly source: VolumeSource,
    private readonly inspectMounts: (containerId: string, signal: AbortSignal) => Promise<string[] | null>,
    private readonly emit: (event: VolumesWatchEvent) => void,
    private readonly fail: (error: unknown) => void,
  ) {
    this.store.add(engine.onEngineEvent((event) => this.onEngineEvent(event)));
    this.store.add(engine.onStatus((status) => this.onStatus(status)));
    if (engine.status.state === 'connected') this.list();
  }

  dispose(): void {
    this.abort.abort();
    this.store.dispose();
    this.queued.clear();
  }

  private get engineId(): string {
    return this.engine.status.engineId;
  }

  private onStatus(status: EngineStatus): void {
    if (status.state === 'connected') this.list();
  }

  private list(): void {
    if (this.listing !== null) {
      this.listing.again = true;
      return;
    }
    this.queued.clear();
    const listing = { again: false, touched: new Set<string>() };
    this.listing = listing;
    this.source.list(this.abort.signal).then(
      (volumes) => {
        if (this.abort.signal.aborted) return;
        this.listing = null;
        this.volumesOf.clear();
        for (const volume of volumes) this.learnUsers(volume);
        this.emit({ type: 'list', engineId: this.engineId, volumes });
        if (listing.again) return this.list();
        for (const name of listing.touched) this.changed(name, 'list');
      },
      (error: unknown) => {
        if (this.abort.signal.aborted) return;
        this.listing = null;
        this.fail(error);
      },
    );
  }

  private learnUsers(volume: VolumeSummary): void {
    for (const user of volume.containers) {
      const names = this.volumesOf.get(user.id);
      if (names === undefined) this.volumesOf.set(user.id, new Set([volume.name]));
      else names.add(volume.name);
    }
  }

  private onEngineEvent(event: EngineEvent): void {
    const action = event.Action.split(':')[0] ?? event.Action;
    if (event.Type === 'volume') {
      if (liveHelperIds.has(event.Actor.Attributes?.container ?? '')) return;
      if (action === 'destroy') return this.gone(event.Actor.ID);
      return this.changed(event.Actor.ID, action);
    }
    if (event.Type !== 'container' || !containerActions.has(action) || liveHelperIds.has(event.Actor.ID)) return;
    const containerId = event.Actor.ID;
    const known = this.volumesOf.get(containerId);
    if (action === 'destroy') this.volumesOf.delete(containerId);
    if (known !== undefined) {
      for (const name of known) this.changed(name, action);
      return;
    }
    if (action !== 'create') return;
    // A new container: which volumes it mounts is asked once; they change users.
    this.inspectMounts(containerId, this.abort.signal).then(
      (names) => {
        for (const name of names ?? []) this.changed(name, action);
      },
      () => undefined, // gone already, or the engine went away: the reconnect lists everything
    );
  }

  private gone(name: string): void {
    this.queued.delete(name);
    for (const names of this.volumesOf.values()) names.delete(name);
    // During a list, the list comes first: the name is looked up after it (and found gone then).
    if (this.listing !== null) {
      this.listing.touched.add(name);
      return;
    }
    this.emit({ type: 'volume', engineId: this.engineId, name, action: 'destroy', volume: null });
  }

  private changed(name: string, action: string): void {
    if (this.listing !== null) {
      this.listing.touched.add(name);
      return;
    }
    this.queued.set(name, action);
    if (this.queued.size + this.inFlight.size > listInsteadAbove) return this.list();
    this.pump();
  }

  private pump(): void {
    for (const [name, action] of this.queued) {
      if (this.inFlight.size >= concurrentRefreshes) return;
      if (this.inFlight.has(name)) continue;
      this.queued.delete(name);
      this.inFlight.add(name);
      void this.refresh(name, action);
    }
  }

  private async refresh(name: string, action: string): Promise<void> {
    try {
      const volume = await this.source.summaryOrNull(name, this.abort.signal);
      if (this.abort.signal.aborted) return;
      if (this.listing !== null) {
        this.listing.touched.add(name); // looked up again once the list is in
        return;
      }
      if (volume !== null) this.learnUsers(volume);
      this.emit({ type: 'volume', engineId: this.engineId, name, action, volume });
    } catch {
      // The engine went away: the reconnect lists everything.
    } finally {
      this.inFlight.delete(name);
      if (!this.abort.signal.aborted) this.pump();
    }
  }
}
