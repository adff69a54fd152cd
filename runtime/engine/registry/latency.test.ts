import { describe, expect, it } from 'vitest';
import { LatencyWindow } from './latency.js';

describe('LatencyWindow', () => {
  it('has nothing to say before the first call', () => {
    expect(new LatencyWindow().summary()).toEqual({ medianMs: null, maxMs: null, samples: 0 });
  });

  it('summarises the median and the slowest of the recent calls', () => {
    const window = new LatencyWindow();
    for (const ms of [5, 1, 3]) window.record(ms);
    expect(window.summary()).toEqual({ medianMs: 3, maxMs: 5, samples: 3 });
    window.record(2);
    expect(window.summary()).toEqual({ medianMs: 2.5, maxMs: 5, samples: 4 });
  });

  it('keeps only the last calls, so an old slow one ages out', () => {
    const window = new LatencyWindow(3);
    for (const ms of [900, 2, 2, 2]) window.record(ms);
    expect(window.summary()).toEqual({ medianMs: 2, maxMs: 2, samples: 3 });
  });

  it('ignores readings that cannot be times', () => {
    const window = new LatencyWindow();
    window.record(Number.NaN);
    window.record(-1);
    expect(window.summary().samples).toBe(0);
  });
});
