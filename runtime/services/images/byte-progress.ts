import { Transform } from 'node:stream';

/** How often progress is reported at most: often enough to look live, few enough to be cheap. */
export const progressIntervalMs = 100;

/**
 * Counts the bytes that pass and reports the running total at most every `intervalMs` (the
 * first chunk at once), so a fast copy of gigabytes sends ten events a second, not one per chunk.
 * `now` is injectable for the unit test.
 */
export class ByteProgress {
  private total = 0;
  private lastReportMs = -Infinity;

  constructor(
    private readonly report: (bytes: number) => void,
    private readonly intervalMs = progressIntervalMs,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get bytes(): number {
    return this.total;
  }

  add(count: number): void {
    this.total += count;
    const now = this.now();
    if (now - this.lastReportMs < this.intervalMs) return;
    this.lastReportMs = now;
    this.report(this.total);
  }

  /** A pass-through stream that counts what goes through it. */
  counter(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.add(chunk.length);
        done(null, chunk);
      },
    });
  }
}
