import { describe, expect, it } from 'vitest';
import { compareInstants, formatInstant, instantOf, InstantReader, unixSecondsOf } from './engine-time.js';

describe('instants', () => {
  it('reads zones and fractions, orders them and gives the engine\'s since form', () => {
    const a = instantOf('2026-11-30T10:29:50.320733246Z');
    expect(a).toEqual({ seconds: Date.UTC(2026, 10, 30, 10, 29, 50) / 1000, nanos: 320733246 });
    expect(unixSecondsOf(a!)).toBe(`${Date.UTC(2026, 10, 30, 10, 29, 50) / 1000}.320733246`);
    expect(instantOf('2026-11-30T11:29:50.5+01:00')).toEqual({ seconds: a!.seconds, nanos: 500_000_000 });
    expect(compareInstants(a, instantOf('2026-11-30T10:29:50.320733247Z'))).toBeLessThan(0);
    expect(compareInstants(instantOf('2026-11-30T10:29:51Z'), a)).toBeGreaterThan(0);
    expect(compareInstants(a, instantOf('2026-11-30T10:29:50.320733246Z'))).toBe(0);
    expect(instantOf('yesterday')).toBeNull();
  });

  it('reads timestamps one after another into seconds and nanoseconds, Docker\'s form and the others, leaving the last on one it cannot read', () => {
    const reader = new InstantReader();
    const read = (text: string) => [reader.read(text), reader.seconds, reader.nanos];
    const second = Date.UTC(2026, 10, 30, 10, 29, 50) / 1000;
    expect(read('2026-11-30T10:29:50.320733246Z')).toEqual([true, second, 320_733_246]);
    expect(read('2026-11-30T10:29:50.000000007Z')).toEqual([true, second, 7]);
    expect(read('2026-11-30T10:29:51.999999999Z')).toEqual([true, second + 1, 999_999_999]);
    expect(read('2026-11-30T11:29:52.5+01:00')).toEqual([true, second + 2, 500_000_000]);
    expect(read('2026-11-30T10:29:53Z')).toEqual([true, second + 3, 0]);
    expect(read('2026-11-30T10:29:54.32073324xZ')).toEqual([false, second + 3, 0]);
    expect(read('')).toEqual([false, second + 3, 0]);
  });

  it('refuses dates and times that do not exist, which Date.UTC would carry over', () => {
    for (const text of ['2026-13-01T10:00:00Z', '2026-11-32T10:00:00Z', '2026-11-30T24:00:00Z', '2026-11-30T10:60:00Z']) expect(instantOf(text), text).toBeNull();
    expect(instantOf('2026-11-30t10:00:00z')).toBeNull();
    expect(instantOf('2026-11-30T10:00:00.5z')).toEqual({ seconds: Date.UTC(2026, 10, 30, 10) / 1000, nanos: 500_000_000 });
  });

  it('prints an instant back as docker logs -t does', () => {
    expect(formatInstant({ seconds: Date.UTC(2026, 10, 30, 10) / 1000, nanos: 7 })).toBe('2026-11-30T10:00:00.000000007Z');
    expect(formatInstant({ seconds: Number.NaN, nanos: 0 })).toBe('');
  });
});
