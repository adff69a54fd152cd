import type { LogLine, LogLines } from '../../api/index.js';
import { compareInstants, instantOf, type Instant } from '../../streams/log-timestamps.js';

/** A batch is sent once it holds this much text (UTF-16 units), or when its time is up. */
export const batchTextLimit = 64 * 1024;
/** The longest a line waits in a batch while data flows; a line after a quiet spell goes at once. */
export const batchWaitMs = 25;

/**
 * Collects lines into `lines` events: never one message per line, never more than about
 * 64 KiB of text in one (a longer line goes alone), never a line held back more than
 * `batchWaitMs` while the engine is sending.
 */
export class LineBatches {
  private lines: LogLine[] = [];
  private text = 0;
  private timer: NodeJS.Timeout | null = null;
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly send: (event: LogLines) => void) {}

  add(line: LogLine): void {
    this.lines.push(line);
    this.text += line.text.length;
    if (this.text >= batchTextLimit) this.flush();
  }

  /** After a chunk from the engine: send now after a quiet spell, else when the wait is up. */
  settle(): void {
    if (this.lines.length === 0 || this.timer !== null) return;
    const sinceLastSend = performance.now() - this.lastSentAt;
    if (sinceLastSend >= batchWaitMs) this.flush();
    else this.timer = setTimeout(() => this.flush(), batchWaitMs - sinceLastSend);
  }

  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.lines.length === 0) return;
    const lines = this.lines;
    this.lines = [];
    this.text = 0;
    this.lastSentAt = performance.now();
    this.send({ type: 'lines', lines });
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.lines = [];
  }
}

/**
 * What a follow has delivered, so that reading again after a restart or a reconnect (from the
 * latest timestamp delivered: the engine's `since` includes that instant) hands on no line twice:
 * lines before that instant are dropped, and at that instant those already delivered (same
 * stream and text; engines with whole-second timestamps put many lines at one instant).
 */
export class DeliveredLines {
  private lastTime: string | null = null;
  private lastInstant: Instant | null = null;
  /** The lines delivered at the last instant. */
  private atLast: LogLine[] = [];
  private isResuming = false;
  /** While resuming: the lines at the last instant not yet seen again. */
  private unmatched: LogLine[] = [];

  /** The last instant delivered, as the engine's `since` takes it; null before the first line. */
  get lastDelivered(): Instant | null {
    if (this.lastTime === null) return null;
    this.lastInstant ??= instantOf(this.lastTime);
    return this.lastInstant;
  }

  /** The next lines are read again from the last instant delivered. */
  resume(): void {
    this.isResuming = this.lastTime !== null;
    this.unmatched = [...this.atLast];
  }

  /** Whether `line` is new; counts it as delivered if so. */
  admit(line: LogLine): boolean {
    if (this.isResuming && !this.isNewAfterResume(line)) return false;
    if (line.time === this.lastTime) {
      this.atLast.push(line);
    } else if (this.lastTime === null || isLater(line.time, this.lastTime)) {
      this.lastTime = line.time;
      this.lastInstant = null;
      // Emptied in place, not replaced: most lines have an instant of their own, and an array each is garbage.
      this.atLast.length = 0;
      this.atLast.push(line);
    }
    // A line a little before the latest (stdout and stderr are stamped apart, then written in
    // turn): delivered, and the latest instant stays where the engine's `since` will start.
    return true;
  }

  private isNewAfterResume(line: LogLine): boolean {
    const order = line.time === this.lastTime ? 0 : compareInstants(instantOf(line.time), this.lastDelivered);
    if (order < 0) return false;
    if (order > 0) {
      this.isResuming = false;
      return true;
    }
    const index = this.unmatched.findIndex((seen) => seen.stream === line.stream && seen.text === line.text);
    if (index < 0) return true;
    // Matched once only: the same line written twice at that instant comes through as often.
    this.unmatched.splice(index, 1);
    return false;
  }
}

/** Whether timestamp `a` names a later instant than `b`; the engine's usual form compares as text. */
function isLater(a: string, b: string): boolean {
  if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) return a > b;
  return compareInstants(instantOf(a), instantOf(b)) > 0;
}
