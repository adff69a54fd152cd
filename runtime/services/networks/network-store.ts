import type { Disposable, NetworkSummary } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { EngineEvent } from '../../engine/json/streams.js';
import { LiveList, type LiveListOptions, type LiveListSource } from '../live-list.js';

/** Network actions that change a network's summary: made, changed (a swarm network's `update`), removed (Podman says `remove`). */
const changeActions = new Set(['create', 'update']);
const removalActions = new Set(['destroy', 'remove']);

type Connection = Pick<EngineConnection, 'onEngineEvent' | 'onStatus' | 'status' | 'isEventStreamLive' | 'onEventStreamLive'>;

/**
 * The networks of one engine connection, as `networks.list` gives them, kept live from the
 * engine's network events (live-list.ts keeps them and the engine work): `create` and `update`
 * look the network up again (the engine's list filtered by its id, so it reads as the whole list
 * would), `destroy` says it is gone. `networks.list` answers from it when it is in step.
 *
 * What the engine changes without an event, and how it is handled:
 * - Docker: nothing a NetworkSummary shows. A network's name, driver, subnets, flags, options and
 *   labels are fixed once it is made; which containers are on it (connect, disconnect, even the
 *   connect of a stopped container, which Docker announces with no event) is no part of the
 *   summary (`networks.attachments` reads that from the engine each time).
 * - Podman 4 sends no event when a network is made or removed (dialect.ts,
 *   `announcesNetworkLifecycle`): on Podman no list is kept, and every `networks.list` asks the
 *   engine.
 * - Events made while the `/events` stream is down or the engine is away: not in step then, and
 *   listed afresh when the stream is open again or the engine reconnects.
 */
export class NetworkStore implements Disposable {
  readonly list: LiveList<NetworkSummary>;
  private readonly subscription: Disposable;

  constructor(
    engine: Connection,
    source: LiveListSource<NetworkSummary>,
    /** Whether the engine connected now announces networks made and removed. */
    private readonly isAnnounced: () => boolean,
    options: Partial<LiveListOptions> = {},
  ) {
    this.list = new LiveList(engine, source, (network) => network.id, options);
    this.subscription = engine.onEngineEvent((event) => this.onEngineEvent(event));
  }

  dispose(): void {
    this.subscription.dispose();
    this.list.dispose();
  }

  /** Every network when the store is in step (waiting for it a moment), else null: ask the engine. */
  current(signal?: AbortSignal): Promise<NetworkSummary[] | null> {
    if (!this.isAnnounced()) return Promise.resolve(null);
    return this.list.current(signal);
  }

  private onEngineEvent(event: EngineEvent): void {
    if (event.Type !== 'network' || event.Actor.ID === '') return;
    const action = event.Action.split(':')[0] ?? event.Action;
    if (removalActions.has(action)) this.list.gone(event.Actor.ID, action);
    else if (changeActions.has(action)) this.list.changed(event.Actor.ID, action);
  }
}
