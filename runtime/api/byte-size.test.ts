import { describe, expect, it } from 'vitest';
import { displayByteSize, formatByteSize, parseByteSize } from './byte-size.js';

const KiB = 1024;
const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

describe('parseByteSize: sizes as the docker CLI reads them', () => {
  it.each([
    ['1073741824', GiB],
    ['1048576', MiB],
    ['1000', 1000],
    ['64m', 64 * MiB],
    ['256M', 256 * MiB],
    ['256mb', 256 * MiB],
    ['64MiB', 64 * MiB],
    ['256 MiB', 256 * MiB],
    ['1g', GiB],
    ['1GB', GiB],
    ['2GiB', 2 * GiB],
    ['1.5g', 1.5 * GiB],
    ['.5g', 512 * MiB],
    ['512k', 512 * KiB],
    ['100b', 100],
    ['1 g', GiB],
    [' 2G ', 2 * GiB],
    [' 64 m ', 64 * MiB],
    ['1p', 1024 ** 5],
  ])('reads %j as %d bytes', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it('cuts a fraction of a byte, as the CLI does', () => {
    expect(parseByteSize('1.01k')).toBe(1034);
  });

  it.each(['', 'abc', 'm', '-1', '-5m', '1x', '5x', '1.2.3g', '1.2.3m', '1e3', '1e9', '1 g b', '1 gigabyte', '9999p'])('refuses %j', (text) => {
    expect(parseByteSize(text)).toBeNull();
  });
});

describe('formatByteSize: the shortest exact form', () => {
  it.each([
    [64 * MiB, '64m'],
    [256 * MiB, '256m'],
    [GiB, '1g'],
    [1.5 * GiB, '1.5g'],
    [1.25 * GiB, '1.25g'],
    [1536 * KiB, '1.5m'],
    [1024 ** 4, '1t'],
    [1024 ** 5, '1p'],
    [1000, '1000'],
    [1280, '1280'],
    [1034, '1034'],
    [1, '1'],
    [0, '0'],
    [-1, '-1'],
  ])('writes %d bytes as %j', (bytes, text) => {
    expect(formatByteSize(bytes)).toBe(text);
  });

  it('reads back as the same bytes, for many sizes', () => {
    const sizes = [1, 1000, 1023, 1024, 1025, 1_234_567, 6 * MiB, 6 * MiB + 1, 123456789, 1.5 * GiB, 2 ** 53 - 1];
    for (let power = 0; power <= 5; power++) {
      for (let n = 1; n <= 2000; n += 7) sizes.push(n * 1024 ** power, Math.round((n * 1024 ** power) / 100), Math.round((n * 1024 ** power) / 8) + 1);
    }
    for (const bytes of sizes.filter(Number.isSafeInteger)) expect([bytes, parseByteSize(formatByteSize(bytes))]).toEqual([bytes, bytes]);
  });

  it('is never longer than any exact way to write the size', () => {
    // Every exact decimal in every unit, as long as it needs to be: the brute-force answer.
    const shortestLength = (bytes: number): number => {
      let best = String(bytes).length;
      for (const [unit, size] of [['k', 1024n], ['m', 1024n ** 2n], ['g', 1024n ** 3n], ['t', 1024n ** 4n]] as const) {
        if (BigInt(bytes) < size) continue;
        let decimals = 0;
        while ((BigInt(bytes) * 10n ** BigInt(decimals)) % size !== 0n) decimals++;
        const whole = String(Math.floor(Number(BigInt(bytes) / size)));
        best = Math.min(best, whole.length + (decimals > 0 ? decimals + 1 : 0) + unit.length);
      }
      return best;
    };
    for (let n = 1; n <= 5_000; n++) {
      for (const bytes of [n * 64, n * 1000, n * 1024 * 125]) expect([bytes, formatByteSize(bytes).length]).toEqual([bytes, shortestLength(bytes)]);
    }
  });
});

describe('displayByteSize: rounded, for people', () => {
  it.each([
    [512, '512 B'],
    [6 * MiB, '6 MiB'],
    [256 * MiB, '256 MiB'],
    [1.5 * GiB, '1.5 GiB'],
    [8 * GiB, '8 GiB'],
    [12_345_678, '11.77 MiB'],
    [-2048, '-2 KiB'],
    [3 * 1024 ** 5, '3 PiB'],
  ])('shows %d bytes as %j', (bytes, text) => {
    expect(displayByteSize(bytes)).toBe(text);
  });
});
