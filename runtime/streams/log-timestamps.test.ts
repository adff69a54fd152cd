import { describe, expect, it } from 'vitest';
import { compareInstants, instantOf, InstantReader, needMoreBytes, notATimestamp, timestampEnd, unixSecondsOf } from './log-timestamps.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('timestampEnd', () => {
  it('finds the space after the timestamps engines write', () => {
    expect(timestampEnd(bytes('2026-11-30T10:29:50.320733246Z hello'), 0)).toBe(30);
    expect(timestampEnd(bytes('2026-11-30T10:33:24Z hello'), 0)).toBe(20);
    expect(timestampEnd(bytes('2026-11-30T10:33:24.5+01:00 x'), 0)).toBe(27);
    expect(timestampEnd(bytes('..2026-11-30T10:33:24Z x'), 2)).toBe(22);
  });

  it('says when the bytes are no timestamp', () => {
    for (const text of ['hello world', '2026-11-30 10:29:50Z x', '2026-11-30T10:29:50.Z x', '2026-11-30T10:29:50.1234567890Z x', '2026-11-30T10:29:50Zx', '2026-11-30T10:29:50+0100 x']) {
      expect(timestampEnd(bytes(text), 0), text).toBe(notATimestamp);
    }
  });

  it('asks for more bytes for every cut of a timestamp, and never before it is sure', () => {
    const whole = '2026-11-30T10:29:50.320733246Z ';
    for (let cut = 0; cut < whole.length; cut++) expect(timestampEnd(bytes(whole.slice(0, cut)), 0), whole.slice(0, cut)).toBe(needMoreBytes);
    expect(timestampEnd(bytes('2026-1x'), 0)).toBe(notATimestamp);
  });
});

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
});
