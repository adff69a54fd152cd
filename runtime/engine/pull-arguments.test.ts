import { describe, expect, it } from 'vitest';
import { pullArguments } from './pull-arguments.js';

const digest = `sha256:${'a'.repeat(64)}`;

describe('pullArguments', () => {
  it('pulls one tag, latest when none is named, never every tag', () => {
    expect(pullArguments({ path: 'busybox' })).toEqual({ fromImage: 'busybox', tag: 'latest' });
    expect(pullArguments({ domain: 'r:5000', path: 'a/b', tag: '2' })).toEqual({ fromImage: 'r:5000/a/b', tag: '2' });
    expect(pullArguments({ path: 'a', tag: '1', digest })).toEqual({ fromImage: 'a', tag: digest });
  });
});
