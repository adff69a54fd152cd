import { toDisposable, type Disposable, type ImagesChangedEvent } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import type { EngineEvent } from '../engine/json/streams.js';

/** Image actions that change what `docker images` shows; push and save only read an image. */
const listChangingImageActions = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'prune']);

export interface ImageWatcherTiming {
  /** A burst ends after this long without a new event. */
  quietMs: number;
  /** A burst that never goes quiet (pulling many images) is still reported this often. */
  maxDelayMs: number;
}

/** Short enough that an external `docker tag` shows within the 150 ms the design asks for. */
const defaultTiming: ImageWatcherTiming = { quietMs: 40, maxDelayMs: 120 };

/**
 * Turns the engine's image events into one `images` change per burst. Why a "changed, list
 * again" signal and not a patch per image: a pull or load names the image by reference, not id,
 * an untag of one tag changes a row that a per-id inspect cannot tell apart from a delete, and
 * an unnamed `docker commit` adds an image the engine announces only as a container event.
 * Images are few, so one `images.list` per burst is cheap and always right. Nothing runs at
 * idle: no timer without an event, no engine call here at all.
 *
 * Not seen: an untagged `docker build` with the classic builder emits no image event at all
 * (a tagged one emits `tag`); such an image shows at the next change or reconnect.
 */
export class ImageWatcher implements Disposable {
  private readonly listeners = new Set<(event: ImagesChangedEvent) => void>();
  private readonly subscription: Disposable;
  private burst: { actions: string[]; startedAt: number; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(
    private readonly engine: Pick<EngineConnection, 'onEngineEvent' | 'status'>,
    private readonly timing: ImageWatcherTiming = defaultTiming,
  ) {
    this.subscription = engine.onEngineEvent((event) => this.onEngineEvent(event));
  }

  onChange(listener: (event: ImagesChangedEvent) => void): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  }

  dispose(): void {
    this.subscription.dispose();
    this.listeners.clear();
    if (this.burst) clearTimeout(this.burst.timer);
    this.burst = null;
  }

  private onEngineEvent(event: EngineEvent): void {
    if (this.listeners.size === 0 || !changesImageList(event)) return;
    const action = event.Action.split(':')[0] ?? event.Action;
    const now = Date.now();
    const burst = this.burst;
    if (burst === null) {
      this.burst = { actions: [action], startedAt: now, timer: setTimeout(() => this.flush(), this.timing.quietMs) };
      return;
    }
    if (!burst.actions.includes(action)) burst.actions.push(action);
    clearTimeout(burst.timer);
    const untilDeadline = burst.startedAt + this.timing.maxDelayMs - now;
    burst.timer = setTimeout(() => this.flush(), Math.max(0, Math.min(this.timing.quietMs, untilDeadline)));
  }

  private flush(): void {
    const burst = this.burst;
    this.burst = null;
    if (burst === null) return;
    const change: ImagesChangedEvent = { type: 'images', engineId: this.engine.status.engineId, actions: burst.actions };
    for (const listener of this.listeners) listener(change);
  }
}

/** `docker commit` makes an image the engine reports as a container `commit` (plus `tag` when named). */
function changesImageList(event: EngineEvent): boolean {
  if (event.Type === 'image') return listChangingImageActions.has(event.Action);
  return event.Type === 'container' && event.Action === 'commit';
}
