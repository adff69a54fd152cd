import { describe, expect, it } from 'vitest';
import { formatCpus, parseCpus } from './units.js';

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
