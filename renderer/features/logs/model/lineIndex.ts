import type { BufferChange, LogBuffer } from './logBuffer.js';
import { NumberList } from './numberList.js';

/**
 * The positions of the buffer's lines that pass a test (shown streams, a search), kept up to
 * date as lines arrive: a change drops what it rewrote and only the new or rewritten lines are
 * tested again. Scanning can stop at a deadline and go on later, so a search over a million
 * lines never holds the page for long.
 */
export class LineIndex {
  readonly positions = new NumberList();
  /** Lines before this position have been tested. */
  private scannedTo: number;

  constructor(
    private readonly buffer: LogBuffer,
    /** Tests the line at `index` (0..length-1). */
    private readonly accepts: (index: number) => boolean,
  ) {
    this.scannedTo = buffer.dropped;
  }

  get isComplete(): boolean {
    return this.scannedTo >= this.buffer.dropped + this.buffer.length;
  }

  /** How much of the buffer has been tested, 0..1. */
  get progress(): number {
    const { dropped, length } = this.buffer;
    return length === 0 ? 1 : Math.min(1, Math.max(0, (this.scannedTo - dropped) / length));
  }

  update(change: BufferChange): void {
    this.positions.trimBelow(change.dropped);
    this.positions.truncateFrom(change.changedFrom);
    this.scannedTo = Math.max(change.dropped, Math.min(this.scannedTo, change.changedFrom));
  }

  /** Tests lines until all are tested or `deadline` (performance.now()) passes; true when complete. */
  scan(deadline = Infinity): boolean {
    const { buffer } = this;
    const end = buffer.dropped + buffer.length;
    let position = Math.max(this.scannedTo, buffer.dropped);
    while (position < end) {
      const stop = Math.min(end, position + 2048);
      for (; position < stop; position++) {
        if (this.accepts(position - buffer.dropped)) this.positions.push(position);
      }
      this.scannedTo = position;
      if (position < end && performance.now() >= deadline) return false;
    }
    this.scannedTo = position;
    return true;
  }
}
