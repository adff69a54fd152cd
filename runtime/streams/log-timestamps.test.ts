import { describe, expect, it } from 'vitest';
import { needMoreBytes, notATimestamp, timestampEnd } from './log-timestamps.js';

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
