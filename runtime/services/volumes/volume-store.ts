import { type ContainerState, type Disposable, type VolumeSummary, type VolumeUser } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { EngineEvent } from '../../engine/json/streams.js';
import { LiveList, type LiveListListener, type LiveListOptions } from '../live-list.js';
import { liveHelperIds } from './helper-container.js';

/** A container as its own inspect says: the volumes it mounts, its name and state (null: it is gone). */
export interface InspectedUser {
  mounts: string[];
  name: string;
  state: ContainerState;
}

/** What the store asks the engine: the whole list, one volume afresh, and one container (its own inspect). */
export interface VolumeStoreSource {
  list(signal: AbortSignal): Promise<VolumeSummary[]>;
  summaryOrNull(name: string, signal: AbortSignal): Promise<VolumeSummary | null>;
  inspectUser(containerId: string, signal: AbortSignal): Promise<InspectedUser | null>;
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
 * - A container's events change its entry in the users of the volumes it mounts: the container
 *   itself is asked (its inspect: mounts, name, state) and patched into them; a removed one is
 *   dropped from them without asking. Only a new container, or one known to use a volume (from
 *   the volumes' users, or its own answer), is asked; one asked again while an answer is in
 *   flight is asked once more after it. The store is not in step while any is asked.
 * - Berth's own helper containers (browsing, backups) are not news: their events are skipped
 *   (and they are never listed as users).
 *
 * What the engine changes without an event, and how it is handled:
 * - Nothing a VolumeSummary shows, as far as Docker and Podman 4 go: a volume's driver,
 *   mountpoint, labels, options and scope never change after it is made; a user's name changes
 *   only by `rename` and its state only with an event (`start`, `die`, `pause`...).
 * - Docker's containers list (a volume's users are read from it) lags a container's events:
 *   right after `die` it still says `running` (seen on the test engine). So a user's name and
 *   state come from the container's own inspect, and override what a later list or lookup reads.
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
   * only grows (from each list, each volume looked up, each container asked) until the
   * container's removal: an answer that was asked before a container existed cannot make its
   * later events look like no news.
   */
  private readonly volumesOf = new Map<string, Set<string>>();
  /**
   * Each container's name and state as its own inspect last said, after one of its events.
   * Docker's containers list (what a volume's users are read from) still says `running` for a
   * moment after a container's `die` event; its inspect does not. What the list says of a
   * container is corrected by this, so a lookup or list never undoes a newer inspect.
   */
  private readonly inspected = new Map<string, { name: string; state: ContainerState }>();
  /** Containers asked for during the list in flight: kept when its answer replaces the rest. */
  private readonly askedDuringList = new Map<string, readonly string[]>();
  /** Containers being asked: `again` when an event came meanwhile (asked once more after), `removed` when it is gone. */
  private readonly asking = new Map<string, 'asking' | 'again' | 'removed'>();
  private readonly abort = new AbortController();
  private readonly subscriptions: Disposable[];
  private readonly index: Disposable;

  constructor(
    engine: Connection,
    private readonly source: VolumeStoreSource,
    options: Partial<LiveListOptions> = {},
  ) {
    this.list = new LiveList(
      engine,
      {
        list: async (signal) => (await source.list(signal)).map((volume) => this.corrected(volume)),
        lookup: async (name, signal) => {
          const volume = await source.summaryOrNull(name, signal);
          return volume === null ? null : this.corrected(volume);
        },
      },
      (volume) => volume.name,
      options,
    );
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
    this.subscriptions = [
      engine.onEngineEvent((event) => this.onEngineEvent(event)),
      // Away, events are missed: what inspects said is no longer known to be the newest.
      engine.onStatus((status) => {
        if (status.state !== 'connected') this.inspected.clear();
      }),
    ];
  }

  dispose(): void {
    this.abort.abort();
    for (const subscription of this.subscriptions) subscription.dispose();
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

  /** The volume with each user's name and state as its newest inspect said. */
  private corrected(volume: VolumeSummary): VolumeSummary {
    if (!volume.containers.some((user) => this.inspected.has(user.id))) return volume;
    return { ...volume, containers: volume.containers.map((user) => ({ ...user, ...this.inspected.get(user.id) })) };
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
      this.inspected.delete(containerId);
      this.askedDuringList.delete(containerId);
      if (this.asking.has(containerId)) this.asking.set(containerId, 'removed');
      // Gone: it leaves the users of the volumes it mounted, without asking.
      for (const name of known ?? []) this.patchUser(name, containerId, null, action);
      return;
    }
    // Being asked already: asked once more after that answer (which may be older than this event).
    if (this.asking.has(containerId)) {
      this.asking.set(containerId, 'again');
      return;
    }
    // Only a new container, or one known to use a volume, is any volume's news.
    if (known === undefined && action !== 'create') return;
    this.ask(containerId, action);
  }

  /** Asks the container itself (its inspect): learns its mounts, and patches it into its volumes' users. */
  private ask(containerId: string, action: string): void {
    const hold = this.list.hold();
    this.asking.set(containerId, 'asking');
    this.source.inspectUser(containerId, this.abort.signal).then(
      (container) => {
        const next = this.asking.get(containerId);
        this.asking.delete(containerId);
        if (next === 'again' && !this.abort.signal.aborted) this.ask(containerId, action); // held until that answer too
        hold();
        if (container === null || next === 'removed') return; // its removal event says (or said) so
        const user: VolumeUser = { engineId: '', id: containerId, name: container.name, state: container.state };
        this.inspected.set(containerId, { name: container.name, state: container.state });
        this.learn(containerId, container.mounts);
        if (this.list.isListing) this.askedDuringList.set(containerId, container.mounts);
        for (const name of container.mounts) this.patchUser(name, containerId, user, action);
      },
      () => {
        // The engine failed to say: which volumes changed users is not known, so all are listed
        // afresh (a disconnect lists at the reconnect anyway).
        this.asking.delete(containerId);
        this.list.relist();
        hold();
      },
    );
  }

  /** One user of one volume changed (null: it is gone); a volume not held is looked up. */
  private patchUser(name: string, containerId: string, user: VolumeUser | null, action: string): void {
    const volume = this.list.peek(name);
    if (volume === null || this.list.isListing) return this.list.changed(name, action);
    const at = volume.containers.findIndex((entry) => entry.id === containerId);
    let containers: VolumeUser[];
    if (user === null) containers = volume.containers.filter((entry) => entry.id !== containerId);
    else {
      const entry = { ...user, engineId: volume.engineId };
      // A new user first: the engine lists containers newest first.
      containers = at === -1 ? [entry, ...volume.containers] : volume.containers.map((existing, index) => (index === at ? entry : existing));
    }
    this.list.put({ ...volume, containers }, action);
  }
}
