import { describe, expect, it } from 'vitest';
import { formatCpus, parseCpus, parseMemorySwap, parseWholeNumber, resourceTextReaders } from './resource-text.js';

const MiB = 1024 ** 2;

describe('--cpus', () => {
  it('is exact to the nano-CPU', () => {
    expect(parseCpus('1.5')).toEqual({ nanoCpus: 1_500_000_000 });
    expect(parseCpus('.25')).toEqual({ nanoCpus: 250_000_000 });
    expect(parseCpus('.5')).toEqual({ nanoCpus: 500_000_000 });
    expect(parseCpus('2')).toEqual({ nanoCpus: 2_000_000_000 });
    expect(parseCpus(' 2 ')).toEqual({ nanoCpus: 2_000_000_000 });
    expect(parseCpus('0.000000001')).toEqual({ nanoCpus: 1 });
  });

  it('refuses non-numbers and more than nine decimals', () => {
    expect(parseCpus('abc')).toHaveProperty('error');
    expect(parseCpus('-1')).toHaveProperty('error');
    expect(parseCpus('1,5')).toHaveProperty('error');
    expect(parseCpus('')).toHaveProperty('error');
    expect(parseCpus('0.0000000001')).toEqual({ error: expect.stringMatching(/too precise/) as unknown });
  });

  it('prints without float noise, and reads back what it prints', () => {
    expect(formatCpus(0.1)).toBe('0.1');
    expect(formatCpus(1.5)).toBe('1.5');
    expect(formatCpus(2)).toBe('2');
    expect(formatCpus(0.3)).toBe('0.3');
    for (const cpus of [0.001, 0.1, 0.25, 0.3, 1, 1.5, 2.123456789, 64]) expect(resourceTextReaders.cpus(formatCpus(cpus))).toBe(cpus);
  });
});

describe('whole numbers and swap', () => {
  it('reads whole numbers, nothing else', () => {
    expect(parseWholeNumber('512')).toBe(512);
    expect(parseWholeNumber('-1')).toBe(-1);
    expect(parseWholeNumber(' 7 ')).toBe(7);
    expect(parseWholeNumber('1.5')).toBeNull();
    expect(parseWholeNumber('12abc')).toBeNull();
    expect(parseWholeNumber('99999999999999999999')).toBeNull();
  });

  it('reads swap as a size or -1 for unlimited', () => {
    expect(parseMemorySwap('-1')).toBe(-1);
    expect(parseMemorySwap('1g')).toBe(1024 * MiB);
    expect(parseMemorySwap('-2')).toBeNull();
  });
});

describe('resourceTextReaders: one reading for every surface', () => {
  it('reads each limit', () => {
    expect(resourceTextReaders.memoryBytes('256m')).toBe(256 * MiB);
    expect(resourceTextReaders.memoryReservationBytes('32MiB')).toBe(32 * MiB);
    expect(resourceTextReaders.memorySwapBytes('-1')).toBe(-1);
    expect(resourceTextReaders.cpus('1.5')).toBe(1.5);
    expect(resourceTextReaders.cpuShares('512')).toBe(512);
    expect(resourceTextReaders.cpusetCpus(' 0-2,4 ')).toBe('0-2,4');
    expect(resourceTextReaders.pidsLimit('-1')).toBe(-1);
  });

  it('says null for text that is not a value', () => {
    expect(resourceTextReaders.memoryBytes('256x')).toBeNull();
    expect(resourceTextReaders.cpus('-1.5')).toBeNull();
    expect(resourceTextReaders.cpuShares('1.5')).toBeNull();
    expect(resourceTextReaders.cpusetCpus('all')).toBeNull();
    expect(resourceTextReaders.cpusetCpus('')).toBeNull();
    expect(resourceTextReaders.pidsLimit('lots')).toBeNull();
  });
});
