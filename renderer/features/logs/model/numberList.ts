/**
 * An ascending list of numbers (line positions) in one typed array: appends at the end,
 * drops from either end, finds by binary search. A million entries are 8 MB, not a million
 * boxed numbers.
 */
export class NumberList {
  private data = new Float64Array(256);
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  at(index: number): number {
    return this.data[this.start + index]!;
  }

  last(): number | undefined {
    return this.end > this.start ? this.data[this.end - 1] : undefined;
  }

  push(value: number): void {
    if (this.end === this.data.length) this.makeRoom();
    this.data[this.end++] = value;
  }

  /** The index of the first entry >= value (length when none). */
  lowerBound(value: number): number {
    let low = this.start;
    let high = this.end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.data[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low - this.start;
  }

  /** Drops every entry >= value. */
  truncateFrom(value: number): void {
    this.end = this.start + this.lowerBound(value);
  }

  /** Drops every entry < value. */
  trimBelow(value: number): void {
    this.start += this.lowerBound(value);
  }

  /** Keeps the first `count` entries. */
  truncateLength(count: number): void {
    this.end = this.start + Math.max(0, Math.min(count, this.length));
  }

  /** Drops the first `count` entries. */
  dropFirst(count: number): void {
    this.start += Math.max(0, Math.min(count, this.length));
  }

  clear(): void {
    this.start = 0;
    this.end = 0;
  }

  private makeRoom(): void {
    const size = this.end - this.start;
    // Mostly trimmed from the front: slide down rather than grow.
    const next = size * 2 <= this.data.length ? this.data : new Float64Array(this.data.length * 2);
    next.set(this.data.subarray(this.start, this.end));
    this.data = next;
    this.start = 0;
    this.end = size;
  }
}
