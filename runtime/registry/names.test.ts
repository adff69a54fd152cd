import { describe, expect, it } from 'vitest';
import { checkReference, checkRepository, checkTag, repositoryScope } from './names.js';

describe('names', () => {
  it('takes repository names as the distribution spec writes them', () => {
    for (const name of ['a', 'seed/bb', 'library/busybox', 'a.b_c__d---e/f0', 'x/y/z']) expect(checkRepository(name)).toBe(name);
  });

  it('refuses repository names that could reach another endpoint or are not names, in field repository', () => {
    for (const name of ['', '../x', 'a/../b', 'a//b', '/a', 'a/', '_a', 'a?b', 'a b', 'a%2Fb', 'x'.repeat(256)]) {
      expect(() => checkRepository(name)).toThrow(expect.objectContaining({ code: 'invalid_argument', details: { field: 'repository' } }) as Error);
    }
    expect(() => checkRepository('Seed/BB')).toThrow('repository: "Seed/BB" must be lowercase');
  });

  it('takes tags and digests as references, and refuses the rest', () => {
    expect(checkTag('v1.2-rc_3')).toBe('v1.2-rc_3');
    expect(() => checkTag('.hidden')).toThrow(/^tag: /);
    expect(() => checkTag('x'.repeat(129))).toThrow(/^tag: /);
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(checkReference(digest)).toBe(digest);
    expect(checkReference('latest')).toBe('latest');
    for (const bad of ['', 'sha256:abc', `sha256:${'A'.repeat(64)}`, 'a/b', '-x', 'x:y:z']) expect(() => checkReference(bad)).toThrow(/^reference: /);
  });

  it('builds token scopes', () => {
    expect(repositoryScope('seed/bb', ['pull', 'delete'])).toBe('repository:seed/bb:pull,delete');
  });
});
