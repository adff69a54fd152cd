import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './backoff.js';

describe('reconnect delay', () => {
  it('starts at 250 ms, doubles, and stops at 5 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((attempt) => reconnectDelayMs(attempt))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('follows the backoff it is given, and never grows past its cap however many failures', () => {
    expect([0, 1, 2, 3].map((attempt) => reconnectDelayMs(attempt, { initialMs: 10, maxMs: 35 }))).toEqual([10, 20, 35, 35]);
    expect(reconnectDelayMs(5_000)).toBe(5000);
  });
});
