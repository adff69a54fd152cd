import { describe, expect, it } from 'vitest';
import { checkResources, cpusBeyond } from './resource-rules.js';

const host = { cpus: 2, memoryBytes: 8 * 1024 ** 3 };

describe('checkResources', () => {
  it('accepts sensible limits', () => {
    expect(checkResources({ memoryBytes: 256 * 1024 ** 2, cpus: 1.5, cpusetCpus: '0-1', pidsLimit: 100 }, host)).toEqual([]);
  });

  it('names the field and the reason for each limit the engine or host would refuse', () => {
    const issues = checkResources(
      { memoryBytes: 1024 * 1024, memoryReservationBytes: 10, cpus: 3, cpusetCpus: '0,2-3' },
      host,
    );
    expect(issues.map((issue) => issue.field)).toEqual(['resources.memoryBytes', 'resources.memoryReservationBytes', 'resources.cpus', 'resources.cpusetCpus']);
    expect(issues[0]?.message).toMatch(/6 MiB/);
    expect(issues[3]?.message).toMatch(/CPU 2, 3/);
  });

  it('refuses more memory than the host has, and swap below memory', () => {
    expect(checkResources({ memoryBytes: 16 * 1024 ** 3 }, host, '')).toEqual([{ field: 'memoryBytes', message: expect.stringMatching(/host's memory/) as unknown }]);
    expect(checkResources({ memoryBytes: 64 * 1024 ** 2, memorySwapBytes: 32 * 1024 ** 2 }, host)[0]?.field).toBe('resources.memorySwapBytes');
    expect(checkResources({ memoryBytes: 64 * 1024 ** 2, memorySwapBytes: -1 }, host)).toEqual([]);
  });
});

describe('CPU shares', () => {
  it('are refused outside 2-262144, where the engine would quietly change them; 0 is "not set"', () => {
    for (const cpuShares of [0, 2, 1024, 262_144]) expect(checkResources({ cpuShares }, host)).toEqual([]);
    for (const cpuShares of [1, 262_145, -5]) {
      expect(checkResources({ cpuShares }, host)).toEqual([{ field: 'resources.cpuShares', message: 'must be a whole number from 2 to 262144' }]);
    }
  });
});

describe('cpusBeyond', () => {
  it('lists the CPUs past the host one by one when few', () => {
    expect(cpusBeyond('0-2,4', 2)).toBe('2, 4');
    expect(cpusBeyond('0-1', 2)).toBeNull();
  });

  it('names a huge range by its ends at once, without expanding it (the backend stalled for minutes on 4-94056812)', () => {
    const startedAt = Date.now();
    expect(cpusBeyond('0,4-94056812', 2)).toBe('4-94056812');
    expect(cpusBeyond('99999999999999999999', 2)).toBe('100000000000000000000');
    expect(checkResources({ cpusetCpus: '4434-94056812' }, host)).toEqual([
      { field: 'resources.cpusetCpus', message: 'names CPU 4434-94056812, but the host has CPUs 0-1' },
    ]);
    expect(Date.now() - startedAt).toBeLessThan(50);
  });
});
