import { describe, expect, it } from 'vitest';
import { compareInstants, EngineTimeReader, formatEngineTime, unixSecondsText } from './engineTime.js';

describe('engine timestamps', () => {
  it('reads seconds and nanoseconds, and prints them back as docker logs -t does', () => {
    const reader = new EngineTimeReader();
    expect(reader.read('2026-11-30T10:00:00.123456789Z')).toBe(true);
    expect([reader.seconds, reader.nanos]).toEqual([Date.UTC(2026, 10, 30, 10) / 1000, 123_456_789]);
    expect(formatEngineTime(reader.seconds, reader.nanos)).toBe('2026-11-30T10:00:00.123456789Z');
    expect(unixSecondsText(reader.seconds, reader.nanos)).toBe(`${Date.UTC(2026, 10, 30, 10) / 1000}.123456789`);
  });

  it('reads short fractions, none, and offsets', () => {
    const reader = new EngineTimeReader();
    reader.read('2026-11-30T10:00:00.5Z');
    expect(reader.nanos).toBe(500_000_000);
    reader.read('2026-11-30T10:00:01Z');
    expect([reader.seconds % 60, reader.nanos]).toEqual([1, 0]);
    reader.read('2026-11-30T12:00:00.000000001+02:00');
    expect([reader.seconds, reader.nanos]).toEqual([Date.UTC(2026, 10, 30, 10) / 1000, 1]);
  });

  it('refuses what is not a timestamp and keeps the last one', () => {
    const reader = new EngineTimeReader();
    reader.read('2026-11-30T10:00:00.1Z');
    expect(reader.read('yesterday')).toBe(false);
    expect(reader.read('2026-13-45T10:00:00Z')).toBe(false);
    expect(reader.nanos).toBe(100_000_000);
  });

  it('orders to the nanosecond', () => {
    expect(compareInstants(10, 1, 10, 2)).toBeLessThan(0);
    expect(compareInstants(11, 0, 10, 999_999_999)).toBeGreaterThan(0);
    expect(compareInstants(10, 5, 10, 5)).toBe(0);
  });
});
