import type { LogLines } from '../../api/index.js';
import type { Instant } from '../../api/engine-time.js';

/** A batch is sent once it holds this much text (UTF-16 units), or when its time is up. */
export const batchTextLimit = 64 * 1024;
/** The longest a line waits in a batch while data flows; a line after a quiet spell goes at once. */
export const batchWaitMs = 25;
/** How far a line's time may lie from its batch's `seconds` (LogLines): sums of `nanos` stay exact integers. */
export const batchSpanNanos = 1e15;

/**
 * Collects lines into `lines` events (parallel arrays, see LogLines): never one message per
 * line, never more than about 64 KiB of text in one (a longer line goes alone), never a line held
 * back more than `batchWaitMs` while the engine is sending.
 */
export class LineBatches {
  private texts: string[] = [];
  private nanos: number[] = [];
  private stderr: number[] = [];
  /** The batch's whole seconds, and the previous line's nanoseconds after them. */
  private seconds = 0;
  private lastOffset = 0;
  private textLength = 0;
  private timer: NodeJS.Timeout | null = null;
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly send: (event: LogLines) => void) {}

  /** One line: its engine time (whole Unix seconds and nanoseconds), its stream, its text. */
  add(seconds: number, nanos: number, isStderr: boolean, text: string): void {
    let offset = (seconds - this.seconds) * 1e9 + nanos;
    if (this.texts.length > 0 && Math.abs(offset) > batchSpanNanos) {
      this.flush();
    }
    if (this.texts.length === 0) {
      this.seconds = seconds;
      this.lastOffset = 0;
      offset = nanos;
    }
    if (isStderr) this.stderr.push(this.texts.length);
    this.texts.push(text);
    this.nanos.push(offset - this.lastOffset);
    this.lastOffset = offset;
    this.textLength += text.length;
    if (this.textLength >= batchTextLimit) this.flush();
  }

  /** After a chunk from the engine: send now after a quiet spell, else when the wait is up. */
  settle(): void {
    if (this.texts.length === 0 || this.timer !== null) return;
    const sinceLastSend = performance.now() - this.lastSentAt;
    if (sinceLastSend >= batchWaitMs) this.flush();
    else this.timer = setTimeout(() => this.flush(), batchWaitMs - sinceLastSend);
  }

  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.texts.length === 0) return;
    const event: LogLines = { type: 'lines', text: this.texts, seconds: this.seconds, nanos: this.nanos };
    if (this.stderr.length > 0) event.stderr = this.stderr;
    this.reset();
    this.lastSentAt = performance.now();
    this.send(event);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.reset();
  }

  private reset(): void {
    this.texts = [];
    this.nanos = [];
    this.stderr = [];
    this.textLength = 0;
  }
}

/**
 * What a follow has delivered, so that reading again after a restart or a reconnect (from the
 * latest timestamp delivered: the engine's `since` includes that instant) hands on no line twice:
 * lines before that instant are dropped, and at that instant those already delivered (same
 * stream and text; engines with whole-second timestamps put many lines at one instant).
 */
export class DeliveredLines {
  private hasLast = false;
  private lastSeconds = 0;
  private lastNanos = 0;
  /** The lines delivered at the last instant: their texts, and whether each was stderr. Emptied in place, not replaced: most lines have an instant of their own, and arrays each are garbage. */
  private atLastTexts: string[] = [];
  private atLastStderr: boolean[] = [];
  private isResuming = false;
  /** While resuming: the lines at the last instant not yet seen again. */
  private unmatchedTexts: string[] = [];
  private unmatchedStderr: boolean[] = [];

  /** The last instant delivered, as the engine's `since` takes it; null before the first line. */
  get lastDelivered(): Instant | null {
    return this.hasLast ? { seconds: this.lastSeconds, nanos: this.lastNanos } : null;
  }

  /** The next lines are read again from the last instant delivered. */
  resume(): void {
    this.isResuming = this.hasLast;
    this.unmatchedTexts = [...this.atLastTexts];
    this.unmatchedStderr = [...this.atLastStderr];
  }

  /** Whether the line is new; counts it as delivered if so. */
  admit(seconds: number, nanos: number, isStderr: boolean, text: string): boolean {
    const order = this.hasLast ? (seconds !== this.lastSeconds ? seconds - this.lastSeconds : nanos - this.lastNanos) : 1;
    if (this.isResuming && !this.isNewAfterResume(order, isStderr, text)) return false;
    if (order === 0) {
      this.atLastTexts.push(text);
      this.atLastStderr.push(isStderr);
    } else if (order > 0) {
      this.hasLast = true;
      this.lastSeconds = seconds;
      this.lastNanos = nanos;
      this.atLastTexts.length = 0;
      this.atLastStderr.length = 0;
      this.atLastTexts.push(text);
      this.atLastStderr.push(isStderr);
    }
    // A line a little before the latest (stdout and stderr are stamped apart, then written in
    // turn): delivered, and the latest instant stays where the engine's `since` will start.
    return true;
  }

  private isNewAfterResume(order: number, isStderr: boolean, text: string): boolean {
    if (order < 0) return false;
    if (order > 0) {
      this.isResuming = false;
      return true;
    }
    const { unmatchedTexts, unmatchedStderr } = this;
    let index = -1;
    for (let at = 0; at < unmatchedTexts.length; at++) {
      if (unmatchedStderr[at] === isStderr && unmatchedTexts[at] === text) {
        index = at;
        break;
      }
    }
    if (index < 0) return true;
    // Matched once only: the same line written twice at that instant comes through as often.
    unmatchedTexts.splice(index, 1);
    unmatchedStderr.splice(index, 1);
    return false;
  }
}
