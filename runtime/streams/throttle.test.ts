import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from './throttle.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Throttle', () => {
  it('sends the first change at once and at most one per interval however many come', () => {
    const sent: number[] = [];
    const throttle = new Throttle(50, () => sent.push(Date.now()), () => Date.now());
    const start = Date.now();
    // 10,000 changes spread over 2 s, as a pull of many layers gives.
    for (let step = 0; step < 10_000; step++) {
      throttle.poke();
      vi.advanceTimersByTime(0.2);
    }
    vi.advanceTimersByTime(100);
    expect(sent[0]).toBe(start);
    expect(sent.length).toBeLessThanOrEqual(2000 / 50 + 1);
    expect(sent.length).toBeGreaterThanOrEqual(2000 / 50 - 1);
    for (let index = 1; index < sent.length; index++) expect(sent[index]! - sent[index - 1]!).toBeGreaterThanOrEqual(50);
  });

  it('sends what waits at the end of the interval, and nothing when nothing changed', () => {
    const send = vi.fn();
    const throttle = new Throttle(50, send, () => Date.now());
    throttle.poke();
    throttle.poke();
    throttle.poke();
    expect(send).toHaveBeenCalledTimes(1);
    expect(throttle.hasPending).toBe(true);
    vi.advanceTimersByTime(50);
    expect(send).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(500);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('finish sends now and then nothing more; dispose drops what waits', () => {
    const send = vi.fn();
    const throttle = new Throttle(50, send, () => Date.now());
    throttle.poke();
    throttle.poke();
    throttle.finish();
    expect(send).toHaveBeenCalledTimes(2);
    throttle.poke();
    vi.advanceTimersByTime(100);
    expect(send).toHaveBeenCalledTimes(2);

    const dropped = vi.fn();
    const other = new Throttle(50, dropped, () => Date.now());
    other.poke();
    other.poke();
    other.dispose();
    vi.advanceTimersByTime(100);
    expect(dropped).toHaveBeenCalledTimes(1);
  });

  it('a timer that fires before the interval is over by its clock waits out the rest, never sends early', () => {
    // The throttle's clock and the timers' disagree (Node's timers count whole milliseconds of
    // a cached loop time): the timer set for the 40 ms left fires when the clock reads 47.
    let clock = 0;
    const sent: number[] = [];
    const throttle = new Throttle(50, () => sent.push(clock), () => clock);
    throttle.poke();
    clock = 10;
    throttle.poke();
    clock = 47;
    vi.advanceTimersByTime(40);
    expect(sent).toEqual([0]);
    clock = 50;
    vi.advanceTimersByTime(3);
    expect(sent).toEqual([0, 50]);
  });
});
