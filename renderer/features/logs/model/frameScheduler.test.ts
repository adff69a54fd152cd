import { describe, expect, it } from 'vitest';
import { frameScheduler, isFlood, type FrameClock } from './frameScheduler.js';

class ManualClock implements FrameClock {
  time = 0;
  frames: (() => void)[] = [];
  timers: { at: number; callback: () => void }[] = [];
  requestFrame(callback: () => void) {
    this.frames.push(callback);
    return () => (this.frames = this.frames.filter((frame) => frame !== callback));
  }
  setTimer(callback: () => void, ms: number) {
    const timer = { at: this.time + ms, callback };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }
  now() {
    return this.time;
  }
  advance(ms: number) {
    this.time += ms;
    const due = this.timers.filter((timer) => timer.at <= this.time);
    this.timers = this.timers.filter((timer) => timer.at > this.time);
    for (const timer of due) timer.callback();
  }
  runFrame() {
    for (const frame of this.frames.splice(0)) frame();
  }
}

describe('frameScheduler', () => {
  it('runs once per frame however often asked', () => {
    const clock = new ManualClock();
    let runs = 0;
    const frame = frameScheduler(() => runs++, clock);
    frame.request();
    frame.request();
    clock.runFrame();
    expect(runs).toBe(1);
    frame.request();
    clock.runFrame();
    expect(runs).toBe(2);
  });

  it('after a hold-off asks for a frame only once the time is up', () => {
    const clock = new ManualClock();
    let runs = 0;
    const frame = frameScheduler(() => runs++, clock);
    frame.holdOff(100);
    frame.request();
    expect(clock.frames).toHaveLength(0);
    clock.advance(60);
    frame.request();
    expect(clock.frames).toHaveLength(0);
    clock.advance(40);
    clock.runFrame();
    expect(runs).toBe(1);
    frame.request();
    clock.runFrame();
    expect(runs).toBe(2);
  });

  it('still runs without frames (a hidden page), by its fallback timer', () => {
    const clock = new ManualClock();
    let runs = 0;
    const frame = frameScheduler(() => runs++, clock, 250);
    frame.request();
    clock.advance(250);
    expect(runs).toBe(1);
  });
});

describe('isFlood', () => {
  it('counts a pace of lines, not the lines of one frame', () => {
    // 2,000 lines per 100 ms is a flood: 700 lines 16 ms after the last frame are one (43,750 a second).
    expect(isFlood(700, 16, 2000, 100)).toBe(true);
    expect(isFlood(2000, 100, 2000, 100)).toBe(true);
    expect(isFlood(1999, 100, 2000, 100)).toBe(false);
    // A counter printing every 16 ms, or a burst after a quiet minute: no flood.
    expect(isFlood(1, 16, 2000, 100)).toBe(false);
    expect(isFlood(1500, 60_000, 2000, 100)).toBe(false);
  });

  it('takes many lines at once as a flood whatever the time, and only those when the time is not known', () => {
    expect(isFlood(2000, 60_000, 2000, 100)).toBe(true);
    expect(isFlood(2000, null, 2000, 100)).toBe(true);
    expect(isFlood(700, null, 2000, 100)).toBe(false);
  });
});
