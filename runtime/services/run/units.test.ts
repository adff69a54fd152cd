import { describe, expect, it } from 'vitest';
import { formatByteSize, formatCpus, parseByteSize, parseCpus } from './units.js';

describe('byte sizes as the docker CLI reads them', () => {
  it.each([
    ['64m', 64 * 1024 ** 2],
    ['64M', 64 * 1024 ** 2],
    ['64mb', 64 * 1024 ** 2],
    ['64MiB', 64 * 1024 ** 2],
    ['1.5g', 1.5 * 1024 ** 3],
    ['512k', 512 * 1024],
    ['100b', 100],
    ['1000', 1000],
    ['1 g', 1024 ** 3],
  ])('%s -> %d bytes', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it('refuses what the CLI refuses', () => {
    for (const text of ['', 'm', '-1', '1x', '1.2.3m', '1e3']) expect(parseByteSize(text)).toBeNull();
  });

  it('prints the shortest exact unit and reads it back', () => {
    expect(formatByteSize(64 * 1024 ** 2)).toBe('64m');
    expect(formatByteSize(1024 ** 3)).toBe('1g');
    expect(formatByteSize(1536 * 1024)).toBe('1536k');
    expect(formatByteSize(1000)).toBe('1000');
    expect(formatByteSize(-1)).toBe('-1');
    for (const bytes of [1, 1000, 6291456, 1.5 * 1024 ** 3, 123456789]) expect(parseByteSize(formatByteSize(bytes))).toBe(bytes);
  });
});

describe('--cpus', () => {
  it('is exact to the nano-CPU', () => {
    expect(parseCpus('1.5')).toEqual({ nanoCpus: 1_500_000_000 });
    expect(parseCpus('.25')).toEqual({ nanoCpus: 250_000_000 });
    expect(parseCpus('2')).toEqual({ nanoCpus: 2_000_000_000 });
    expect(parseCpus('0.000000001')).toEqual({ nanoCpus: 1 });
  });

  it('refuses non-numbers and more than nine decimals', () => {
    expect(parseCpus('abc')).toHaveProperty('error');
    expect(parseCpus('-1')).toHaveProperty('error');
    expect(parseCpus('0.0000000001')).toEqual({ error: expect.stringMatching(/too precise/) as unknown });
  });

  it('prints without float noise', () => {
    expect(formatCpus(0.1)).toBe('0.1');
    expect(formatCpus(1.5)).toBe('1.5');
    expect(formatCpus(2)).toBe('2');
    expect(formatCpus(0.3)).toBe('0.3');
  });
});
