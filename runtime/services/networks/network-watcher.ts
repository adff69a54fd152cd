import { toDisposable, type Disposable, type NetworksChangedEvent } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { EngineEvent } from '../../engine/json/streams.js';

/** Network actions that change a network itself (Podman says `remove` where Docker says `destroy`). */
const networkActions = new Set(['create', 'destroy', 'remove', 'update']);
/** Network actions that change which containers are on it: the event names the container. */
const attachmentActions = new Set(['connect', 'disconnect']);
/**
 * Container actions that change its attachments without a network event: a container created
 * on a network, removed, renamed; and start and die, which Docker follows with connect and
 * disconnect (so they coalesce), in case an engine does not.
 */
const containerActions = new Set(['create', 'destroy', 'rename', 'start', 'die']);

export interface NetworkWatcherTiming {
  /** A burst ends after this long without a new event. */
  quietMs: number;
  /** A burst that never goes quiet is still reported this often. */
  maxDelayMs: number;
}

/** Short enough that an external `docker network connect` shows within the 150 ms the design asks for. */
const defaultTiming: NetworkWatcherTiming = { quietMs: 30, maxDelayMs: 100 };

/** Reads what a burst changed: the networks named (null when gone) and every network of each container named. */
export type ReadChanges = (networkIds: readonly string[], containerIds: readonly string[]) => Promise<Pick<NetworksChangedEvent, 'networks' | 'containers'>>;

interface Burst {
  networkIds: Set<string>;
  containerIds: Set<string>;
  actions: string[];
  startedAt: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Turns the engine's network and container events into one `networks` change per burst, with
 * what changed already read (two engine calls at most: the containers named, and the networks).
 * Reads run one at a time, so an older answer never lands after a newer one; what arrives
 * meanwhile waits for the next read. Nothing runs at idle or while nobody listens.
 *
 * Not seen: connecting or disconnecting a stopped container from a shell, which the engine
 * announces with no event at all. Berth's own connects and disconnects say so (`touch`).
 */
export class NetworkWatcher implements Disposable {
  private readonly listeners = new Set<(event: NetworksChangedEvent) => void>();
  private readonly subscription: Disposable;
  private burst: Burst | null = null;
  private isReading = false;

  constructor(
    private readonly engine: Pick<EngineConnection, 'onEngineEvent' | 'status'>,
    private readonly read: ReadChanges,
    private readonly timing: NetworkWatcherTiming = defaultTiming,
  ) {
    this.subscription = engine.onEngineEvent((event) => this.onEngineEvent(event));
  }

  onChange(listener: (event: NetworksChangedEvent) => void): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  }

  /** A container whose attachments Berth just changed (the engine may not say so). */
  touch(containerId: string): void {
    if (this.listeners.size > 0) this.add({ containerId }, 'connect');
  }

  dispose(): void {
    this.subscription.dispose();
    this.listeners.clear();
    if (this.burst?.timer) clearTimeout(this.burst.timer);
    this.burst = null;
  }

  private onEngineEvent(event: EngineEvent): void {
    if (this.listeners.size === 0) return;
    const action = event.Action.split(':')[0] ?? event.Action;
    if (event.Type === 'network' && networkActions.has(action)) this.add({ networkId: event.Actor.ID }, action);
    else if (event.Type === 'network' && attachmentActions.has(action)) {
      const containerId = event.Actor.Attributes?.container;
      if (containerId) this.add({ containerId }, action);
    } else if (event.Type === 'container' && containerActions.has(action)) this.add({ containerId: event.Actor.ID }, action);
  }

  private add(item: { networkId?: string; containerId?: string }, action: string): void {
    const now = Date.now();
    const burst = (this.burst ??= { networkIds: new Set(), containerIds: new Set(), actions: [], startedAt: now, timer: null });
    if (item.networkId) burst.networkIds.add(item.networkId);
    if (item.containerId) burst.containerIds.add(item.containerId);
    if (!burst.actions.includes(action)) burst.actions.push(action);
    if (this.isReading) return; // read when the running one is done
    if (burst.timer) clearTimeout(burst.timer);
    const untilDeadline = burst.startedAt + this.timing.maxDelayMs - now;
    burst.timer = setTimeout(() => void this.flush(), Math.max(0, Math.min(this.timing.quietMs, untilDeadline)));
  }

  private async flush(): Promise<void> {
    const burst = this.burst;
    this.burst = null;
    if (burst === null) return;
    this.isReading = true;
    try {
      const changes = await this.read([...burst.networkIds], [...burst.containerIds]);
      const change: NetworksChangedEvent = { type: 'networks', engineId: this.engine.status.engineId, ...changes, actions: burst.actions };
      for (const listener of this.listeners) listener(change);
    } catch {
      // The engine went away mid-burst; the reconnect lists everything again anyway.
    } finally {
      this.isReading = false;
      const next = this.burst as Burst | null;
      if (next !== null && this.listeners.size > 0) {
        if (next.timer) clearTimeout(next.timer);
        next.timer = setTimeout(() => void this.flush(), 0);
      }
    }
  }
}
