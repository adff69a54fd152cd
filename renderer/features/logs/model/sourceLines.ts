import type { LogLines, LogMark } from '../../../../runtime/api/index.js';
import { instantOf, unixSecondsOf } from '../../../../runtime/api/index.js';
import { emptyBatch, lineFlag, type LineBatch } from './logBuffer.js';

export function markText(mark: LogMark): string {
  switch (mark.kind) {
    case 'exited':
      return mark.exitCode === undefined ? 'Container exited' : `Container exited with code ${mark.exitCode}`;
    case 'started':
      return 'Container started';
    case 'reconnected':
      return 'Engine reconnected: lines go on after the last one shown';
    case 'removed':
      return 'Container removed';
  }
}

/**
 * One container's lines on their way into the buffer: engine times summed into numbers, and the
 * newest time delivered remembered (with how many lines had exactly it), so a follow started
 * again after a lost link asks from that time on and skips the lines it already delivered.
 * Lines sent ahead (a container that exited during a flood: see LogLines.ahead) leave a gap the
 * follow fills in; until it has, a follow started again asks from before the gap and skips the
 * lines sent ahead.
 */
export class SourceLines {
  private lastSeconds = -Infinity;
  private lastNanos = 0;
  private seenAtLast = 0;
  /** While resuming: lines at the last time still to skip. */
  private skipAtLast = 0;
  /** The times of the lines sent ahead, while the lines before them are still coming. */
  private gap: { firstSeconds: number; firstNanos: number; lastSeconds: number; lastNanos: number } | null = null;

  constructor(private readonly source: number) {}

  /** For a follow started again: the engine `since` to ask with (null when nothing came yet); lines already delivered at that time will be skipped. */
  resume(): string | null {
    if (this.lastSeconds === -Infinity) return null;
    this.skipAtLast = this.seenAtLast;
    return unixSecondsOf({ seconds: this.lastSeconds, nanos: this.lastNanos });
  }

  /** A `lines` event's lines: times summed up from the batch's seconds (see LogLines), stderr indexes as flags. */
  lines(event: LogLines): LineBatch {
    const { text, nanos: steps } = event;
    const count = text.length;
    const seconds: number[] = [];
    const nanos: number[] = [];
    const flags = new Array<number>(count).fill(0);
    for (const index of event.stderr ?? []) flags[index] = lineFlag.stderr;
    // Whole seconds and nanoseconds carried along, so no sum grows past the batch's span.
    let second = event.seconds;
    let nano = 0;
    let kept = 0;
    const isAhead = event.ahead === true;
    for (let index = 0; index < count; index++) {
      nano += steps[index] ?? 0;
      if (nano >= 1e9 || nano < 0) {
        const carry = Math.floor(nano / 1e9);
        second += carry;
        nano -= carry * 1e9;
      }
      if (isAhead) this.widenGap(second, nano);
      else if (this.gap !== null && this.isInGap(second, nano)) continue;
      const isAtLast = second === this.lastSeconds && nano === this.lastNanos;
      if (isAtLast && this.skipAtLast > 0 && !isAhead) {
        this.skipAtLast--;
        continue;
      }
      if (isAhead) {
        // Not delivered in turn: the follow goes on from before them.
      } else if (isAtLast) this.seenAtLast++;
      else if (second > this.lastSeconds || (second === this.lastSeconds && nano > this.lastNanos)) {
        [this.lastSeconds, this.lastNanos, this.seenAtLast, this.skipAtLast] = [second, nano, 1, 0];
      }
      // Kept lines move down over skipped ones (only while resuming do any go).
      if (kept !== index) {
        text[kept] = text[index]!;
        flags[kept] = flags[index]!;
      }
      seconds.push(second);
      nanos.push(nano);
      kept++;
    }
    // The event's own text array becomes the batch's: it is the renderer's, fresh from JSON.parse.
    text.length = kept;
    flags.length = kept;
    return { texts: text, seconds, nanos, flags, sources: new Array<number>(kept).fill(this.source) };
  }

  private widenGap(seconds: number, nanos: number): void {
    const gap = (this.gap ??= { firstSeconds: seconds, firstNanos: nanos, lastSeconds: seconds, lastNanos: nanos });
    if (seconds < gap.firstSeconds || (seconds === gap.firstSeconds && nanos < gap.firstNanos)) [gap.firstSeconds, gap.firstNanos] = [seconds, nanos];
    if (seconds > gap.lastSeconds || (seconds === gap.lastSeconds && nanos > gap.lastNanos)) [gap.lastSeconds, gap.lastNanos] = [seconds, nanos];
  }

  /** Whether a line in turn is one sent ahead (to skip); one past them closes the gap. */
  private isInGap(seconds: number, nanos: number): boolean {
    const gap = this.gap!;
    if (seconds > gap.lastSeconds || (seconds === gap.lastSeconds && nanos > gap.lastNanos)) {
      this.gap = null;
      return false;
    }
    return seconds > gap.firstSeconds || (seconds === gap.firstSeconds && nanos >= gap.firstNanos);
  }

  /** A mark as a row of its own, at its time (or the last line's, when it has none readable). */
  mark(mark: LogMark): LineBatch {
    const batch = emptyBatch();
    const instant = instantOf(mark.time);
    batch.texts.push(markText(mark));
    batch.seconds.push(instant ? instant.seconds : Math.max(this.lastSeconds, 0));
    batch.nanos.push(instant ? instant.nanos : this.lastNanos);
    batch.flags.push(lineFlag.mark);
    batch.sources.push(this.source);
    return batch;
  }
}
