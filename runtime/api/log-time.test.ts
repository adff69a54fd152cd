import { describe, expect, it } from 'vitest';
import { durationSeconds, readLogTime } from './log-time.js';

const now = Date.parse('2026-11-30T10:00:00Z');

describe('readLogTime', () => {
  it('reads durations back from now as Go writes them', () => {
    expect(readLogTime('10m', now)).toEqual({ ok: true, kind: 'relative', unixSeconds: String(now / 1000 - 600) });
    expect(readLogTime('1h30m', now)).toMatchObject({ unixSeconds: String(now / 1000 - 5400) });
    expect(readLogTime('1.5h', now)).toMatchObject({ unixSeconds: String(now / 1000 - 5400) });
    expect(readLogTime('250ms', now)).toMatchObject({ unixSeconds: `${now / 1000 - 1}.750` });
    expect(durationSeconds('2h3m4s')).toBe(7384);
    expect(durationSeconds('10')).toBeNull();
    expect(durationSeconds('m')).toBeNull();
  });

  it('reads Unix seconds as they are, fractions included', () => {
    expect(readLogTime('1764496800', now)).toEqual({ ok: true, kind: 'absolute', unixSeconds: '1764496800' });
    expect(readLogTime('1764496800.123456789', now)).toMatchObject({ unixSeconds: '1764496800.123456789' });
  });

  it('reads RFC 3339 with zones and fractions, and dates alone', () => {
    expect(readLogTime('2026-11-30T10:00:00Z', now)).toMatchObject({ unixSeconds: String(now / 1000) });
    expect(readLogTime('2026-11-30T12:00:00+02:00', now)).toMatchObject({ unixSeconds: String(now / 1000) });
    expect(readLogTime('2026-11-30T12:00:00+0200', now)).toMatchObject({ unixSeconds: String(now / 1000) });
    expect(readLogTime('2026-11-30T10:00:00.5Z', now)).toMatchObject({ unixSeconds: `${now / 1000}.5` });
    const local = readLogTime('2026-11-30', now);
    expect(local).toMatchObject({ ok: true, unixSeconds: String(new Date(2026, 10, 30).getTime() / 1000) });
  });

  it('names what is wrong with anything else', () => {
    for (const text of ['', 'yesterday', '10 m', '-5m', '2026-13-01', '2026-11-30T25:00:00Z', '1e9', '10d']) {
      const read = readLogTime(text, now);
      expect(read.ok, text).toBe(false);
    }
    expect(readLogTime('soon', now)).toMatchObject({ message: expect.stringContaining('duration back from now (10m') as unknown });
  });
});
