import { type Disposable, type VolumeSummary } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { EngineEvent } from '../../engine/json/streams.js';
import { LiveList, type LiveListListener, type LiveListOptions } from '../live-list.js';
import { liveHelperIds } from './helper-container.js';

/** What the store asks the engine: the whole list, one volume afresh, and which volumes a container mounts (null: it is gone). */
export interface VolumeStoreSource {
  list(signal: AbortSignal): Promise<VolumeSummary[]>;
  summaryOrNull(name: string, signal: AbortSignal): Promise<VolumeSummary | null>;
  mountsOf(containerId: string, signal: AbortSignal): Promise<string[] | null>;
}

/**
 * Container actions that change which volumes it mounts or how it reads as a user (its name, its
 * state). Podman says `remove` where Docker says `destroy`, and `init` and `cleanup` move its
 * containers between created, running and exited as well.
 */
const containerActions = new Set(['create', 'destroy', 'remove', 'start', 'die', 'stop', 'kill', 'pause', 'unpause', 'rename', 'restart', 'init', 'cleanup']);
const containerRemovals = new Set(['destroy', 'remove']);

type Connection = Pick<EngineConnection, 'onEngineEvent' | 'onStatus' | 'status' | 'isEventStreamLive' | 'onEventStreamLive'>;

/**
 * The volumes of one engine connection, with the containers using each, kept live from the
 * engine's events (live-list.ts keeps the items and the engine work; this says which volumes an
 * event changes). `volumes.list` answers from it when it is in step, and every `volumes.watch`
 * is a view of it: many watchers cost one set of engine lookups.
 *
 * - A volume's own events name it: `create`, `mount`, `unmount` (and any other action) look it
 *   up again, with its users (the engine's `volume` filter); `destroy` says it is gone.
 * - A container's events change the users of the volumes it mounts: those are known from what
 *   the store holds (each volume's users); a new container is asked once which volumes it
 *   mounts, and the store is not in step until it has answered.
 * - Berth's own helper containers (browsing, backups) are not news: their events are skipped
 *   (and they are never listed as users).
 *
 * What the engine changes without an event, and how it is handled:
 * - Nothing a VolumeSummary shows, as far as Docker and Podman 4 go: a volume's driver,
 *   mountpoint, labels, options and scope never change after it is made; a user's name changes
 *   only by `rename` and its state only with an event (`start`, `die`, `pause`...). A container
 *   that is being removed reads `removing` until its `destroy`, which is looked up again.
 * - Events made while the `/events` stream is down (a resume) or the engine is away: the store is
 *   not in step then, and lists afresh when the stream is open again or the engine reconnects.
 * - An event sent but not yet read (a change a moment ago on the engine): a list asked in that
 *   moment answers without it, as a list of any event-driven view would; it is in within
 *   milliseconds, with its event.
 */
export class VolumeStore implements Disposable {
  readonly list: LiveList<VolumeSummary>;
  /**
   * Which volumes each container mounts. A container's mounts are fixed when it is made, so this
   * only grows (from each list, each volume looked up, each new container asked) until the
   * container's removal: an answer that was asked before a container existed cannot make its
   * later events look like no news.
   */
  private readonly volumesOf = new Map<string, Set<string>>();
  /** Containers asked for their mounts during the list in flight: kept when its answer replaces the rest. */
  private readonly askedDuringList = new Map<string, readonly string[]>();
  /** New containers whose mounts are being asked; true once one is removed meanwhile (not to be learned). */
  private readonly asking = new Map<string, boolean>();
  private readonly abort = new AbortController();
  private readonly subscription: Disposable;
  private readonly index: Disposable;

  constructor(
    engine: Connection,
    private readonly source: VolumeStoreSource,
    options: Partial<LiveListOptions> = {},
  ) {
    this.list = new LiveList(engine, { list: (signal) => source.list(signal), lookup: (name, signal) => source.summaryOrNull(name, signal) }, (volume) => volume.name, options);
    this.index = this.list.subscribe({
      onListed: (volumes) => {
        this.volumesOf.clear();
        for (const volume of volumes) this.learnUsers(volume);
        for (const [containerId, names] of this.askedDuringList) this.learn(containerId, names);
        this.askedDuringList.clear();
      },
      onChanged: (_name, _action, volume) => {
        if (volume !== null) this.learnUsers(volume);
      },
      onFailed: () => undefined,
    });
    this.subscription = engine.onEngineEvent((event) => this.onEngineEvent(event));
  }

  dispose(): void {
    this.abort.abort();
    this.subscription.dispose();
    this.index.dispose();
    this.list.dispose();
  }

  /** Every volume when the store is in step (waiting for it a moment), else null: ask the engine. */
  current(signal?: AbortSignal): Promise<VolumeSummary[] | null> {
    return this.list.current(signal);
  }

  subscribe(listener: LiveListListener<VolumeSummary>): Disposable {
    return this.list.subscribe(listener);
  }

  private learnUsers(volume: VolumeSummary): void {
    for (const user of volume.containers) this.learn(user.id, [volume.name]);
  }

  private learn(containerId: string, names: readonly string[]): void {
    if (names.length === 0) return;
    const known = this.volumesOf.get(containerId);
    if (known === undefined) this.volumesOf.set(containerId, new Set(names));
    else for (const name of names) known.add(name);
  }

  private onEngineEvent(event: EngineEvent): void {
    const action = event.Action.split(':')[0] ?? event.Action;
    if (event.Type === 'volume') {
      const name = event.Actor.ID;
      // Docker's `prune` event names no volume (each removed one has its own `destroy`).
      if (name === '' || liveHelperIds.has(event.Actor.Attributes?.container ?? '')) return;
      if (action === 'destroy') return this.list.gone(name, action);
      return this.list.changed(name, action);
    }
    if (event.Type !== 'container' || !containerActions.has(action) || liveHelperIds.has(event.Actor.ID)) return;
    const containerId = event.Actor.ID;
    const known = this.volumesOf.get(containerId);
    if (containerRemovals.has(action)) {
      this.volumesOf.delete(containerId);
      this.askedDuringList.delete(containerId);
      if (this.asking.has(containerId)) this.asking.set(containerId, true);
    }
    if (known !== undefined) {
      for (const name of known) this.list.changed(name, action);
      return;
    }
    if (action !== 'create') return;
    // A new container: which volumes it mounts is asked once; they change users. Its events
    // meanwhile are covered: the lookups go out after the answer.
    const hold = this.list.hold();
    this.asking.set(containerId, false);
    const release = () => {
      this.asking.delete(containerId);
      hold();
    };
    this.source.mountsOf(containerId, this.abort.signal).then(
      (names) => {
        if (names !== null && names.length > 0 && this.asking.get(containerId) === false) {
          this.learn(containerId, names);
          if (this.list.isListing) this.askedDuringList.set(containerId, names);
        }
        for (const name of names ?? []) this.list.changed(name, action);
        release();
      },
      () => {
        // The engine failed to say: which volumes changed users is not known, so all are listed
        // afresh (a disconnect lists at the reconnect anyway).
        this.list.relist();
        release();
      },
    );
  }
}
