import type { ContainerSummary, Disposable } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import type { EngineContainerState } from '../engine/json/container.js';
import type { EngineEvent } from '../engine/json/streams.js';
import { resolveContainerRef } from './container-ref.js';
import { LiveList, type LiveListOptions } from './live-list.js';
import { containerStateOf, statusLine, statusSinceOf } from './container-status.js';

/** A container as the list reads it, with the `State` of its own inspect: the times its status line is written from. */
export interface TimedContainer {
  summary: ContainerSummary;
  state: EngineContainerState;
}

/** What the store asks the engine. */
export interface ContainerStoreSource {
  /** Every container (`GET /containers/json?all=1`), as the contract's summaries. */
  list(signal: AbortSignal): Promise<ContainerSummary[]>;
  /** One container's summary and state from its own inspect (null: gone). */
  lookup(containerId: string, signal: AbortSignal): Promise<TimedContainer | null>;
  /** One container's inspect `State` (null: gone). */
  stateOf(containerId: string, signal: AbortSignal): Promise<EngineContainerState | null>;
  /** The engine's clock minus this machine's, in milliseconds. */
  clockOffsetMs(): number;
}

type Connection = Pick<EngineConnection, 'onEngineEvent' | 'onStatus' | 'status' | 'isEventStreamLive' | 'onEventStreamLive' | 'onContainerWritten'>;

/** Container actions that change nothing a summary shows (the container watcher skips them too). */
const ignoredActions = /^(exec_|attach|detach|resize|top|export|archive-path|extract-to-dir|copy|commit)/;
const removalActions = new Set(['destroy', 'remove']);
/** Image events after which a container's `Image` may read differently (the engine shows the image id once its name points elsewhere). */
const imageActions = new Set(['pull', 'tag', 'untag', 'delete', 'load', 'import']);

/** How long a list waits for the containers it times before it is in. */
const timeBeforeListedMs = 150;

/** Resolves when `work` does, or after `ms`, whichever is first (the work goes on). */
function atMost(ms: number, work: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** A status line with a duration in it ("Up 3 minutes", "Exited (0) 2 hours ago"): it changes as time passes. */
function isTimeRelative(summary: ContainerSummary): boolean {
  return /^(Up |Exited \(|Restarting \()/.test(summary.status);
}

/**
 * The containers of one engine connection, as `containers.list` gives them (`all`), kept live
 * from the engine's container events (live-list.ts keeps the items and the engine work).
 *
 * The one thing in a summary that changes with no event is its status line: the engine writes
 * "Up 3 minutes" or "Exited (0) 2 hours ago" from the container's start or finish time and its
 * own clock. So the store keeps each container's inspect `State` (its times, exit code, health)
 * and writes the line afresh for every answer, the way the engine does (container-status.ts),
 * at the engine's time (this machine's plus the offset read at connect).
 * - A container's events look it up again, by its inspect (current the moment the event
 *   arrives: Docker's list still says `running` for a moment after `die`), read as the list
 *   reads it (container-status.ts); `destroy` says it is gone. The events' watcher asks the same
 *   inspect in the same turn, and the two share one request.
 * - After each list, the containers whose times are not known yet are inspected, once per
 *   container: up to 64 of them before the list is in, for at most 150 ms (so a desktop's
 *   first answer is timed already), more in the background, two at a time. A later list whose
 *   status line differs from the one the known times write (a restart while the events stream
 *   was down) has that container inspected again.
 * - An answer needs every timed status line to be writable: a container whose times are not
 *   known yet can be answered only with a status line the engine wrote after the read began
 *   (the list the read itself waited for); otherwise the read asks the engine (null).
 * - Berth's own writes (start, stop, remove, create...) look the container up at once, before
 *   their events arrive, so the next list shows them.
 * - An image event can change a container's `Image` (the engine shows the image id once the
 *   name points to another image): the containers are listed afresh.
 * - The order is the engine's: newest first; one made since the last list comes first.
 *
 * What the engine changes without any event: nothing else a ContainerSummary shows.
 */
export class ContainerStore implements Disposable {
  readonly list: LiveList<ContainerSummary>;
  /** Each container's inspect `State` and when that inspect was sent (a newer one wins). */
  private readonly clocks = new Map<string, { state: EngineContainerState; sentAt: number }>();
  /** When the engine wrote each container's status line as held (its list or lookup came in). */
  private readonly writtenAt = new Map<string, number>();
  /** Where each container stands in the engine's order (lower first): the list's place, or before them all when made since. */
  private readonly rank = new Map<string, number>();
  private firstRank = 0;
  /** Containers to inspect for their times, and how many such inspects run in the background. */
  private readonly untimed = new Set<string>();
  private timing = 0;
  /** Containers whose inspect for their times is on its way. */
  private readonly timingIds = new Set<string>();
  private readonly concurrentTimings: number;
  /** At most this many containers not timed yet are timed before a list is in. */
  private readonly timeBeforeListed: number;
  private readonly abort = new AbortController();
  private readonly subscriptions: Disposable[];

  constructor(
    engine: Connection,
    private readonly source: ContainerStoreSource,
    options: Partial<LiveListOptions> & { concurrentTimings?: number; timeBeforeListed?: number } = {},
  ) {
    this.concurrentTimings = options.concurrentTimings ?? 2;
    this.timeBeforeListed = options.timeBeforeListed ?? 64;
    this.list = new LiveList(
      engine,
      {
        list: async (signal) => {
          const items = await source.list(signal);
          const at = Date.now();
          for (const item of items) this.writtenAt.set(item.id, at);
          // A few containers not timed yet (a desktop's usual dozen) are timed before the list is
          // in, so even the first answer says when each line counts from; more are timed after.
          // A slow engine (far away over ssh) holds the list back no longer than a moment.
          const untimed = items.filter((item) => !this.isTimed(item, at + source.clockOffsetMs()));
          if (untimed.length > 0 && untimed.length <= this.timeBeforeListed) await atMost(timeBeforeListedMs, this.timeNow(untimed, signal));
          return items;
        },
        lookup: async (containerId, signal) => {
          const sentAt = Date.now();
          const found = await source.lookup(containerId, signal);
          if (found === null) return null;
          this.writtenAt.set(containerId, Date.now());
          this.setClock(containerId, found.state, sentAt);
          // The image as the list reads it (by id once its name points elsewhere) changes only
          // with an image event, which lists afresh: what the last list said stands.
          const held = this.list.peek(containerId);
          return held === null ? found.summary : { ...found.summary, image: held.image };
        },
      },
      (container) => container.id,
      options,
    );
    this.subscriptions = [
      this.list.subscribe({
        onListed: (items) => this.onListed(items),
        onChanged: (containerId, _action, item) => {
          if (item === null) return this.forget(containerId);
          if (!this.rank.has(containerId)) this.rank.set(containerId, --this.firstRank);
        },
        onFailed: () => undefined,
      }),
      engine.onEngineEvent((event) => this.onEngineEvent(event)),
      engine.onContainerWritten((idOrName, action) => this.onWritten(idOrName, action)),
      // Away, events are missed: the times known may be old; the reconnect's list checks them.
      engine.onStatus((status) => {
        if (status.state !== 'connected') this.untimed.clear();
      }),
    ];
  }

  dispose(): void {
    this.abort.abort();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.list.dispose();
  }

  /**
   * Every container, newest first, with each status line as the engine would write it now, when
   * the store is in step (waiting for it a moment); null when the engine must be asked instead.
   */
  async current(signal?: AbortSignal): Promise<ContainerSummary[] | null> {
    const readAt = Date.now();
    const items = await this.list.current(signal);
    if (items === null) return null;
    const offset = this.source.clockOffsetMs();
    const engineNow = Date.now() + offset;
    const answer: ContainerSummary[] = [];
    for (const item of items) {
      const answered = this.answerOf(item, engineNow, offset, readAt);
      if (answered === null) {
        if (!this.clocks.has(item.id)) this.untimed.add(item.id); // tried again (an inspect may have failed)
        this.timeUntimed();
        return null;
      }
      answer.push(answered);
    }
    return answer.sort((a, b) => (this.rank.get(a.id) ?? 0) - (this.rank.get(b.id) ?? 0));
  }

  /**
   * The container as answered now: its status line written from its known times, with when its
   * duration counts from (by this machine's clock: the UI keeps the line true); null when the
   * line cannot be written now.
   */
  private answerOf(item: ContainerSummary, engineNow: number, offset: number, readAt: number): ContainerSummary | null {
    if (!isTimeRelative(item)) return item;
    const clock = this.clocks.get(item.id);
    if (clock !== undefined && containerStateOf(clock.state) === item.state) {
      const since = statusSinceOf(clock.state);
      return { ...item, status: statusLine(clock.state, engineNow), ...(since === null ? {} : { statusSince: since - offset }) };
    }
    // Not timed (yet): only a line the engine wrote since this read began is as good as asking it.
    if ((this.writtenAt.get(item.id) ?? 0) >= readAt) return item;
    // Its inspect and its list entry disagree (the list lags the inspect a moment): looked up again.
    if (clock !== undefined) this.list.changed(item.id, 'list');
    return null;
  }

  private onListed(items: readonly ContainerSummary[]): void {
    const listed = new Set<string>();
    this.rank.clear();
    this.firstRank = 0;
    const engineNow = Date.now() + this.source.clockOffsetMs();
    items.forEach((item, index) => {
      listed.add(item.id);
      this.rank.set(item.id, index);
      if (!this.isTimed(item, engineNow)) this.untimed.add(item.id);
    });
    for (const containerId of [...this.clocks.keys()]) if (!listed.has(containerId)) this.forget(containerId);
    for (const containerId of [...this.writtenAt.keys()]) if (!listed.has(containerId)) this.writtenAt.delete(containerId);
    this.timeUntimed();
  }

  /**
   * Whether the known times write this listed line (or it has no duration in it). A line they do
   * not write (a restart while events were missed, or a moment's difference at a minute's turn)
   * has its times asked again.
   */
  private isTimed(item: ContainerSummary, engineNow: number): boolean {
    if (!isTimeRelative(item)) return true;
    const clock = this.clocks.get(item.id);
    return clock !== undefined && containerStateOf(clock.state) === item.state && statusLine(clock.state, engineNow) === item.status;
  }

  /** Inspects these containers now, a few at a time (a failure leaves one for the background). */
  private async timeNow(items: readonly ContainerSummary[], signal: AbortSignal): Promise<void> {
    const queue = [...items];
    const worker = async () => {
      for (let item = queue.shift(); item !== undefined && !signal.aborted; item = queue.shift()) await this.timeOne(item.id, signal, true);
    };
    await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
  }

  private forget(containerId: string): void {
    this.clocks.delete(containerId);
    this.writtenAt.delete(containerId);
    this.rank.delete(containerId);
    this.untimed.delete(containerId);
  }

  private setClock(containerId: string, state: EngineContainerState, sentAt: number): void {
    const known = this.clocks.get(containerId);
    if (known !== undefined && known.sentAt > sentAt) return;
    this.clocks.set(containerId, { state, sentAt });
    this.untimed.delete(containerId);
  }

  /** Inspects the containers whose times are not known, a few at a time, in the background. */
  private timeUntimed(): void {
    for (const containerId of this.untimed) {
      if (this.timing >= this.concurrentTimings || this.abort.signal.aborted) return;
      this.untimed.delete(containerId);
      if (this.timingIds.has(containerId)) continue; // its inspect is on its way already
      this.timing += 1;
      void this.timeOne(containerId, this.abort.signal).finally(() => {
        this.timing -= 1;
        this.timeUntimed();
      });
    }
  }

  /**
   * One container's inspect, for its times. A failure leaves it untimed: the next read that needs
   * it tries again. `isListing`: for a list not in yet (else a container no longer held is skipped).
   */
  private async timeOne(containerId: string, signal: AbortSignal, isListing = false): Promise<void> {
    this.timingIds.add(containerId);
    const sentAt = Date.now();
    try {
      const state = await this.source.stateOf(containerId, signal);
      if (state !== null && (isListing || this.list.peek(containerId) !== null)) this.setClock(containerId, state, sentAt);
    } catch {
      // not timed
    } finally {
      this.timingIds.delete(containerId);
    }
  }

  private onEngineEvent(event: EngineEvent): void {
    const action = event.Action.split(':')[0] ?? event.Action;
    if (event.Type === 'image') {
      if (imageActions.has(action)) this.list.relist();
      return;
    }
    if (event.Type !== 'container' || event.Actor.ID === '' || ignoredActions.test(action)) return;
    if (removalActions.has(action)) this.list.gone(event.Actor.ID, action);
    else this.list.changed(event.Actor.ID, action);
  }

  /** Berth changed a container itself: looked up now (the caller may have named it by name or a short id). */
  private onWritten(idOrName: string, action: string): void {
    const containerId = this.idOf(idOrName) ?? (/^[0-9a-f]{64}$/.test(idOrName) ? idOrName : null);
    if (containerId === null) return this.list.relist();
    if (removalActions.has(action)) this.list.remove(containerId, action);
    else this.list.changed(containerId, action);
  }

  /** The full id of a container held, named by id, name or a unique id prefix (as the engine takes them). */
  private idOf(idOrName: string): string | null {
    const held = [...this.rank.keys()].map((containerId) => this.list.peek(containerId)).filter((item): item is ContainerSummary => item !== null);
    return resolveContainerRef(idOrName, held) ?? null;
  }
}
