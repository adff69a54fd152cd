import { describe, expect, it } from 'vitest';
import { SeriesRing } from './series-ring.js';

describe('SeriesRing', () => {
  it('keeps points oldest first, growing from small up to its capacity', () => {
    const ring = new SeriesRing(10, 2, 2);
    for (let time = 1; time <= 5; time += 1) ring.push(time, [time * 10, time * 100]);
    expect(ring.toColumns()).toEqual({ times: [1, 2, 3, 4, 5], columns: [[10, 20, 30, 40, 50], [100, 200, 300, 400, 500]] });
    expect(ring.bytes).toBe(8 * 8 + 2 * 8 * 4);
  });

  it('drops the oldest point for each new one once full, and never holds more than its capacity', () => {
    const ring = new SeriesRing(3, 1, 1);
    for (let time = 1; time <= 7; time += 1) ring.push(time, [time]);
    expect(ring.length).toBe(3);
    expect(ring.toColumns()).toEqual({ times: [5, 6, 7], columns: [[5, 6, 7]] });
    expect(ring.bytes).toBe(3 * 8 + 3 * 4);
  });

  it('drops the points older than a time, across the wrap', () => {
    const ring = new SeriesRing(4, 1, 4);
    for (let time = 1; time <= 6; time += 1) ring.push(time, [time]);
    ring.dropBefore(5);
    expect(ring.toColumns().times).toEqual([5, 6]);
    expect(ring.lastTime).toBe(6);
    ring.dropBefore(100);
    expect(ring.length).toBe(0);
    expect(ring.lastTime).toBeUndefined();
  });
});
