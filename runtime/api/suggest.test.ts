import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './suggest.js';

describe('closestName', () => {
  const limits = ['memoryBytes', 'memoryReservationBytes', 'memorySwapBytes', 'cpus', 'cpuShares', 'cpusetCpus', 'pidsLimit'];

  it('completes a name typed as the start of one, preferring the shortest', () => {
    expect(closestName('memory', limits)).toBe('memoryBytes');
    expect(closestName('cpu', limits)).toBe('cpus');
    expect(closestName('pids', limits)).toBe('pidsLimit');
  });

  it('finds a name a few edits away, ignoring case', () => {
    expect(closestName('timout', ['id', 'timeoutSeconds'])).toBe('timeoutSeconds');
    expect(closestName('Force', ['force', 'volumes'])).toBe('force');
    expect(closestName('volumse', ['force', 'volumes'])).toBe('volumes');
    expect(closestName('strat', ['spec', 'start', 'pull'])).toBe('start');
  });

  it('says nothing when no name is close', () => {
    expect(closestName('ro', ['type', 'source', 'target', 'readOnly'])).toBeNull();
    expect(closestName('banana', ['id', 'timeoutSeconds'])).toBeNull();
    expect(closestName('', ['id'])).toBeNull();
    expect(closestName('x', [])).toBeNull();
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('tiemout', 'timeout')).toBe(1);
  });
});
