import { describe, expect, it } from 'vitest';
import { resolveContainerRef } from './container-ref.js';

const containers = [
  { id: 'abc123' + '0'.repeat(58), name: 'web' },
  { id: 'abd456' + '0'.repeat(58), name: 'db' },
];

describe('resolveContainerRef', () => {
  it('finds a container by full id, by name with or without its slash, and by an id prefix only one has', () => {
    expect(resolveContainerRef(containers[0]!.id, containers)).toBe(containers[0]!.id);
    expect(resolveContainerRef('db', containers)).toBe(containers[1]!.id);
    expect(resolveContainerRef('/web', containers)).toBe(containers[0]!.id);
    expect(resolveContainerRef('abc', containers)).toBe(containers[0]!.id);
  });

  it("prefers a full id to a name, and a name to an id prefix, as the engine does", () => {
    const tricky = [{ id: 'f'.repeat(64), name: 'web' }, { id: 'abc' + '1'.repeat(61), name: 'f'.repeat(64) }, { id: 'beef' + '2'.repeat(60), name: 'abc' }];
    expect(resolveContainerRef('f'.repeat(64), tricky)).toBe('f'.repeat(64));
    expect(resolveContainerRef('abc', tricky)).toBe(tricky[2]!.id);
  });

  it('finds nothing for an unknown reference, an empty one, or a prefix two ids share', () => {
    expect(resolveContainerRef('ab', containers)).toBeUndefined();
    expect(resolveContainerRef('nope', containers)).toBeUndefined();
    expect(resolveContainerRef('', containers)).toBeUndefined();
  });
});
