import { lineFlag, shownLengthAtMost, type BufferChange, type LogBuffer } from './logBuffer.js';
import { NumberList } from './numberList.js';
import type { ViewLines } from './viewLines.js';

/**
 * With wrap on, a line longer than the row is cut into rows of `columns` characters, each a
 * row of the virtual list, so a line of a million characters is a few thousand cheap rows of
 * which only those on screen exist. Only lines longer than a row are recorded (position and the
 * running total of their extra rows), found by testing new lines as they arrive; mapping a row
 * to its line is a binary search over those.
 */
export class WrapIndex {
  private readonly longPositions = new NumberList();
  /** Extra rows of every long line up to and including this one, counted from the start of the buffer's life. */
  private readonly cumulative = new NumberList();
  /** The running total before the first recorded line (its predecessors have left the buffer). */
  private base = 0;
  private scannedTo: number;

  constructor(
    private readonly buffer: LogBuffer,
    private readonly lines: ViewLines,
    readonly columns: number,
  ) {
    this.scannedTo = buffer.dropped;
  }

  get rowCount(): number {
    return this.lines.count + this.extraBefore(this.longPositions.length);
  }

  /** How many rows the line at `viewIndex` takes. */
  rowsOf(viewIndex: number): number {
    const length = this.displayLength(this.lines.positionAt(viewIndex) - this.buffer.dropped);
    return Math.max(1, Math.ceil(length / this.columns));
  }

  update(change: BufferChange): void {
    const gone = this.longPositions.lowerBound(change.dropped);
    if (gone > 0) this.base = this.cumulative.at(gone - 1);
    this.longPositions.dropFirst(gone);
    this.cumulative.dropFirst(gone);
    const kept = this.longPositions.lowerBound(change.changedFrom);
    this.longPositions.truncateLength(kept);
    this.cumulative.truncateLength(kept);
    this.scannedTo = Math.max(change.dropped, Math.min(this.scannedTo, change.changedFrom));
  }

  /** Measures the view's lines not measured yet, until done or `deadline`; true when complete. */
  scan(deadline = Infinity): boolean {
    const { lines, buffer, columns } = this;
    let viewIndex = lines.viewIndexOf(this.scannedTo);
    for (let steps = 1; viewIndex < lines.count; viewIndex++, steps++) {
      const position = lines.positionAt(viewIndex);
      const length = this.displayLength(position - buffer.dropped);
      if (length > columns) {
        this.longPositions.push(position);
        this.cumulative.push((this.cumulative.last() ?? this.base) + Math.ceil(length / columns) - 1);
      }
      this.scannedTo = position + 1;
      if ((steps & 2047) === 0 && performance.now() >= deadline) return viewIndex + 1 >= lines.count;
    }
    return true;
  }

  /** The line (view index) and which of its rows is at `row`. */
  lineAt(row: number): { viewIndex: number; chunk: number } {
    let low = 0;
    let high = this.longPositions.length;
    // The last long line whose first row is at or before `row`.
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.firstRowOf(middle) <= row) low = middle + 1;
      else high = middle;
    }
    const entry = low - 1;
    if (entry < 0) return { viewIndex: row, chunk: 0 };
    const firstRow = this.firstRowOf(entry);
    const extra = this.extraBefore(entry + 1) - this.extraBefore(entry);
    if (row <= firstRow + extra) return { viewIndex: this.lines.viewIndexOf(this.longPositions.at(entry)), chunk: row - firstRow };
    return { viewIndex: row - this.extraBefore(entry + 1), chunk: 0 };
  }

  /** The row where the line at `viewIndex` shows its `chunk`-th piece. */
  rowOf(viewIndex: number, chunk = 0): number {
    const before = this.longPositions.lowerBound(this.lines.positionAt(viewIndex));
    return viewIndex + this.extraBefore(before) + chunk;
  }

  private firstRowOf(entry: number): number {
    return this.lines.viewIndexOf(this.longPositions.at(entry)) + this.extraBefore(entry);
  }

  /** Extra rows of the first `entries` long lines. */
  private extraBefore(entries: number): number {
    return entries === 0 ? 0 : this.cumulative.at(entries - 1) - this.base;
  }

  private displayLength(index: number): number {
    // Only a line with controls (tabs, escapes) differs from its text as shown, and is stripped only when it may not fit.
    const flags = this.buffer.flags(index);
    const atMost = shownLengthAtMost(this.buffer.text(index), flags);
    return (flags & lineFlag.controls) === 0 || atMost <= this.columns ? atMost : this.buffer.plain(index).length;
  }
}
