import type { EngineEvent } from './json/streams.js';

/**
 * Where an `/events` stream that ended can be picked up again without a reconnect. An engine
 * may end the stream while it is fine (Podman ends it when it rotates its events log): asking
 * again with `since` = the second of the last event seen gets what happened in between, and
 * the events of that second already seen are told apart (by time, type, action and object) and
 * dropped, so nothing is lost and nothing comes twice. Before any event there is no engine time
 * to resume from: the connection is made again instead (with every list fetched afresh).
 *
 * A stream that keeps ending is no engine that is fine: at most `maxResumes` within a minute.
 */
export class EventResume {
  private lastSecond: number | null = null;
  /** The events seen in `lastSecond`. */
  private readonly seenInLastSecond = new Set<string>();
  private readonly resumedAt: number[] = [];
  /** Asked again, and the engine may still be sending what was seen before. */
  private isReplaying = false;

  constructor(
    private readonly maxResumes = 3,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Whether the event is news; false for one seen before the stream was asked again (while its replay lasts). */
  isNew(event: EngineEvent): boolean {
    const second = secondOf(event);
    if (second === null) return true;
    const key = `${event.timeNano ?? ''}|${event.Type}|${event.Action}|${event.Actor.ID}`;
    if (this.isReplaying && this.lastSecond !== null) {
      if (second < this.lastSecond) return false;
      if (second === this.lastSecond && this.seenInLastSecond.has(key)) return false;
      if (second > this.lastSecond) this.isReplaying = false;
    }
    if (second !== this.lastSecond) {
      this.lastSecond = second;
      this.seenInLastSecond.clear();
    }
    this.seenInLastSecond.add(key);
    return true;
  }

  /** The `since` to ask again with (engine seconds), or null when the stream should not be resumed. */
  resumeSince(): string | null {
    if (this.lastSecond === null) return null;
    const now = this.now();
    while (this.resumedAt.length > 0 && now - (this.resumedAt[0] ?? now) > 60_000) this.resumedAt.shift();
    if (this.resumedAt.length >= this.maxResumes) return null;
    this.resumedAt.push(now);
    this.isReplaying = true;
    return String(this.lastSecond);
  }
}

/** The event's second in the engine's clock (Docker and Podman send both `time` and `timeNano`). */
function secondOf(event: EngineEvent): number | null {
  if (typeof event.time === 'number') return event.time;
  if (typeof event.timeNano === 'number') return Math.floor(event.timeNano / 1e9);
  return null;
}
