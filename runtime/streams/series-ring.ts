/**
 * A bounded time series kept as columns in typed arrays: a time column (Float64Array) and one
 * Float32Array per value field, used as a ring. It starts small and doubles up to `capacity`, so
 * a short-lived series costs little; once full the oldest point goes for each new one. No
 * object per point is ever kept.
 */
export class SeriesRing {
  private times: Float64Array;
  private columns: Float32Array[];
  /** Index of the oldest point. */
  private start = 0;
  private size = 0;

  constructor(
    /** The most points it holds. */
    readonly capacity: number,
    /** How many value columns each point has. */
    readonly fieldCount: number,
    initialCapacity = 64,
  ) {
    const first = Math.max(1, Math.min(capacity, initialCapacity));
    this.times = new Float64Array(first);
    this.columns = Array.from({ length: fieldCount }, () => new Float32Array(first));
  }

  get length(): number {
    return this.size;
  }

  /** The time of the newest point, or undefined when empty. */
  get lastTime(): number | undefined {
    return this.size === 0 ? undefined : this.times[(this.start + this.size - 1) % this.times.length];
  }

  /** Appends a point (`values` in field order); drops the oldest when full. */
  push(time: number, values: ArrayLike<number>): void {
    if (this.size === this.times.length && this.size < this.capacity) this.grow();
    const slots = this.times.length;
    let slot: number;
    if (this.size < slots) {
      slot = (this.start + this.size) % slots;
      this.size += 1;
    } else {
      slot = this.start;
      this.start = (this.start + 1) % slots;
    }
    this.times[slot] = time;
    for (let field = 0; field < this.fieldCount; field += 1) {
      const column = this.columns[field];
      if (column) column[slot] = values[field] ?? 0;
    }
  }

  /** Drops the points older than `time`. */
  dropBefore(time: number): void {
    while (this.size > 0 && (this.times[this.start] ?? 0) < time) {
      this.start = (this.start + 1) % this.times.length;
      this.size -= 1;
    }
  }

  /** The points, oldest first: the times and one array per field (copies). */
  toColumns(): { times: number[]; columns: number[][] } {
    const times = new Array<number>(this.size);
    const columns = this.columns.map(() => new Array<number>(this.size));
    const slots = this.times.length;
    for (let index = 0; index < this.size; index += 1) {
      const slot = (this.start + index) % slots;
      times[index] = this.times[slot] ?? 0;
      for (let field = 0; field < this.fieldCount; field += 1) {
        const target = columns[field];
        if (target) target[index] = this.columns[field]?.[slot] ?? 0;
      }
    }
    return { times, columns };
  }

  /** Bytes held by the typed arrays now (for the bound's documentation and tests). */
  get bytes(): number {
    return this.times.byteLength + this.columns.reduce((sum, column) => sum + column.byteLength, 0);
  }

  private grow(): void {
    const next = Math.min(this.capacity, this.times.length * 2);
    const { times, columns } = this.toColumns();
    this.times = new Float64Array(next);
    this.times.set(times);
    this.columns = columns.map((values) => {
      const column = new Float32Array(next);
      column.set(values);
      return column;
    });
    this.start = 0;
  }
}
