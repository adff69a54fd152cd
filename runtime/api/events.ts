import { defineDomain, noParams, stream } from './define.js';
import type { ContainerSummary } from './containers.js';
import type { EngineStatus } from './engine.js';
import type { NetworksChangedEvent } from './networks.js';

/**
 * What the `events` stream delivers. Lists are kept live by these: a full `containers.list`
 * only after an `engine` event that says `connected`, then one patch per changed item.
 */
export type BerthEvent = EngineStatusEvent | ContainerChangedEvent | ImagesChangedEvent | NetworksChangedEvent;

/** The connection changed: connecting, connected (refetch lists now) or unreachable. */
export interface EngineStatusEvent {
  type: 'engine';
  status: EngineStatus;
}

/**
 * A container changed. `container` is its fresh summary, or null when it no longer exists.
 * Bursts of engine events for one container are coalesced into one of these.
 */
export interface ContainerChangedEvent {
  type: 'container';
  engineId: string;
  containerId: string;
  /** The last engine action seen for it, e.g. `start`, `die`, `destroy`. */
  action: string;
  container: ContainerSummary | null;
}

/**
 * The engine's images changed (pulled, tagged, untagged, deleted, imported, loaded, committed,
 * or built with a tag). Says that they changed, not how: list them again with `images.list`. One event
 * per burst (a pull or `docker rmi` emits several engine events within milliseconds).
 */
export interface ImagesChangedEvent {
  type: 'images';
  engineId: string;
  /** The engine actions of the burst, first seen first, each once, e.g. `['untag', 'delete']`. */
  actions: string[];
}

export const eventsContract = defineDomain({
  methods: {},
  streams: {
    events: stream<BerthEvent>()(
      noParams,
      'Engine status changes, container, image and network changes, as they happen. Starts with the current engine status.',
    ),
  },
});
