import { describe, expect, it } from 'vitest';
import { formatGoDuration, parseGoDuration } from './go-duration.js';
import { readCsvRecord, writeCsvRecord } from './csv-fields.js';

describe('parseGoDuration', () => {
  it('reads what Go reads, exactly to the nanosecond', () => {
    const nanos = (text: string) => {
      const read = parseGoDuration(text);
      return read.ok ? read.nanos : read.reason;
    };
    expect(nanos('30s')).toBe(30e9);
    expect(nanos('1m30s')).toBe(90e9);
    expect(nanos('1.5h')).toBe(5400e9);
    expect(nanos('500ms')).toBe(5e8);
    expect(nanos('2us')).toBe(2000);
    expect(nanos('2µs')).toBe(2000);
    expect(nanos('0')).toBe(0);
    expect(nanos('.5s')).toBe(5e8);
    expect(nanos('1.000000001s')).toBe(1_000_000_001);
    expect(nanos('-5s')).toBe(-5e9);
  });

  it("refuses with Go's own reasons", () => {
    expect(parseGoDuration('5')).toEqual({ ok: false, reason: 'time: missing unit in duration "5"' });
    expect(parseGoDuration('5d')).toEqual({ ok: false, reason: 'time: unknown unit "d" in duration "5d"' });
    expect(parseGoDuration('')).toEqual({ ok: false, reason: 'time: invalid duration ""' });
    expect(parseGoDuration('s')).toEqual({ ok: false, reason: 'time: invalid duration "s"' });
    expect(parseGoDuration('99999999999h').ok).toBe(false);
  });
});

describe('formatGoDuration', () => {
  it('writes the shortest text that reads back the same', () => {
    expect([30e9, 90e9, 3600e9, 5400e9, 1.5e9, 5e8, 1_500_000, 2000, 7, 0, 3_661_000_000_001].map(formatGoDuration)).toEqual([
      '30s', '1m30s', '1h', '1h30m', '1.5s', '500ms', '1.5ms', '2us', '7ns', '0s', '1h1m1.000000001s',
    ]);
    for (const nanos of [1, 999, 1_000_001, 61e9 + 5, 86_400e9]) {
      const read = parseGoDuration(formatGoDuration(nanos));
      expect(read.ok && read.nanos).toBe(nanos);
    }
  });
});

describe('CSV records (--mount, --gpus)', () => {
  it('reads quoted fields holding commas and quotes, and writes them back', () => {
    expect(readCsvRecord('a,"b,c","d""e",')).toEqual({ ok: true, fields: ['a', 'b,c', 'd"e', ''] });
    expect(readCsvRecord('a"b')).toEqual({ ok: false, reason: 'bare " in non-quoted-field' });
    expect(readCsvRecord('"a')).toEqual({ ok: false, reason: 'extraneous or missing " in quoted-field' });
    expect(writeCsvRecord(['a', 'b,c', 'd"e'])).toBe('a,"b,c","d""e"');
  });
});
