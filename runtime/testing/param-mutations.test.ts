import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methods } from '../api/index.js';
import { applyMutations, placedMutationsArbitrary } from './param-mutations.js';
import { schemaArbitrary } from './schema-arbitrary.js';

const update = methods['containers.update'].params;
const valid = { id: 'web', resources: { memoryBytes: 64 * 1024 * 1024 }, restart: { name: 'always' } };

function depthOf(value: unknown): number {
  let depth = 0;
  for (let current = value; typeof current === 'object' && current !== null; depth++) current = Object.values(current)[0];
  return depth;
}

describe('applyMutations', () => {
  it('leaves the value it was given as it was, and makes values every transport can carry', () => {
    fc.assert(
      fc.property(schemaArbitrary(update), placedMutationsArbitrary, (value, mutations) => {
        const before = JSON.stringify(value);
        const mutated = applyMutations(value, mutations);
        expect(JSON.stringify(value)).toBe(before);
        expect(() => structuredClone(mutated)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('makes every kind of bad input the issue lists', () => {
    const mutated = fc.sample(fc.tuple(fc.constant(valid), placedMutationsArbitrary).map(([value, mutations]) => applyMutations(value, mutations)), 3000);
    const strings = mutated.flatMap((value) => (typeof value === 'object' && value !== null ? Object.values(value).filter((item): item is string => typeof item === 'string') : []));
    expect(strings).toContain('');
    expect(strings.some((text) => text.length === 100_000)).toBe(true);
    expect(strings.some((text) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(text))).toBe(true);
    expect(strings.some((text) => [...text].some((char) => char.charCodeAt(0) < 0x20))).toBe(true);
    const memory = mutated.map((value) => (value as { resources?: { memoryBytes?: unknown } } | null)?.resources?.memoryBytes);
    expect(memory.some((item) => Number.isNaN(item))).toBe(true);
    expect(memory.some((item) => item === null)).toBe(true);
    expect(memory.some((item) => typeof item === 'number' && item < 0)).toBe(true);
    expect(mutated.some((value) => depthOf(value) >= 100)).toBe(true);
    expect(mutated.some((value) => value === null || typeof value !== 'object')).toBe(true);
  });

  it('adds unknown keys at every depth, which the strict contract refuses by their full path', () => {
    const refusedPaths = new Set<string>();
    for (const mutations of fc.sample(placedMutationsArbitrary, 3000)) {
      if (mutations.length !== 1 || mutations[0]?.mutation.kind !== 'unknown_key') continue;
      const parsed = update.safeParse(applyMutations(valid, mutations));
      const unknown = parsed.success ? undefined : parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys');
      if (unknown) refusedPaths.add(unknown.path.join('.'));
    }
    expect([...refusedPaths].sort()).toEqual(['', 'resources', 'restart']);
  });
});
