import type { EngineLatency } from '../../api/index.js';

/**
 * Round-trip times of the calls Berth makes to one engine anyway (no pings of its own): the
 * last `capacity` of them, summarised as median and max for the Engines page.
 */
export class LatencyWindow {
  private readonly samples: number[] = [];
  private next = 0;

  constructor(private readonly capacity = 50) {}

  record(milliseconds: number): void {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) return;
    if (this.samples.length < this.capacity) this.samples.push(milliseconds);
    else this.samples[this.next] = milliseconds;
    this.next = (this.next + 1) % this.capacity;
  }

  summary(): EngineLatency {
    if (this.samples.length === 0) return { medianMs: null, maxMs: null, samples: 0 };
    const sorted = [...this.samples].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
    return { medianMs: round(median), maxMs: round(sorted[sorted.length - 1] as number), samples: sorted.length };
  }
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 10) / 10;
}
