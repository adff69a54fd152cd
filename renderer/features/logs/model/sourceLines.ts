import type { LogLine, LogMark } from '../../../../runtime/api/index.js';
import { EngineTimeReader, unixSecondsText } from './engineTime.js';
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
 * One container's lines on their way into the buffer: engine times read into numbers, and the
 * newest time delivered remembered (with how many lines had exactly it), so a follow started
 * again after a lost link asks from that time on and skips the lines it already delivered.
 */
export class SourceLines {
  private readonly reader = new EngineTimeReader();
  private lastSeconds = -Infinity;
  private lastNanos = 0;
  private seenAtLast = 0;
  /** While resuming: lines at the last time still to skip. */
  private skipAtLast = 0;

  constructor(private readonly source: number) {}

  /** For a follow started again: the engine `since` to ask with (null when nothing came yet); lines already delivered at that time will be skipped. */
  resume(): string | null {
    if (this.lastSeconds === -Infinity) return null;
    this.skipAtLast = this.seenAtLast;
    return unixSecondsText(this.lastSeconds, this.lastNanos);
  }

  lines(lines: readonly LogLine[]): LineBatch {
    const batch = emptyBatch();
    const { reader } = this;
    for (const line of lines) {
      // An unreadable time (never from a sane engine) keeps the line, at the last time seen.
      if (!reader.read(line.time)) [reader.seconds, reader.nanos] = [Math.max(this.lastSeconds, 0), this.lastNanos];
      const { seconds, nanos } = reader;
      const isAtLast = seconds === this.lastSeconds && nanos === this.lastNanos;
      if (isAtLast && this.skipAtLast > 0) {
        this.skipAtLast--;
        continue;
      }
      if (isAtLast) this.seenAtLast++;
      else if (seconds > this.lastSeconds || (seconds === this.lastSeconds && nanos > this.lastNanos)) {
        [this.lastSeconds, this.lastNanos, this.seenAtLast, this.skipAtLast] = [seconds, nanos, 1, 0];
      }
      batch.texts.push(line.text);
      batch.seconds.push(seconds);
      batch.nanos.push(nanos);
      batch.flags.push(line.stream === 'stderr' ? lineFlag.stderr : 0);
      batch.sources.push(this.source);
    }
    return batch;
  }

  /** A mark as a row of its own, at its time (or the last line's, when it has none readable). */
  mark(mark: LogMark): LineBatch {
    const batch = emptyBatch();
    const reader = new EngineTimeReader();
    const isRead = reader.read(mark.time);
    batch.texts.push(markText(mark));
    batch.seconds.push(isRead ? reader.seconds : Math.max(this.lastSeconds, 0));
    batch.nanos.push(isRead ? reader.nanos : this.lastNanos);
    batch.flags.push(lineFlag.mark);
    batch.sources.push(this.source);
    return batch;
  }
}
