import { describe, expect, it } from 'vitest';
import { methods } from './contract.js';
import { pruneFilterProblem, readPruneFilters } from './image-details.js';

describe('prune filters', () => {
  it('reads label, label! and until words as docker image prune --filter does', () => {
    expect(readPruneFilters(['label=a', 'label=b=c', 'label!=d', 'until=24h'])).toEqual({
      ok: true,
      filters: { label: ['a', 'b=c'], 'label!': ['d'], until: '24h' },
    });
  });

  it('names the word and why it is refused', () => {
    expect(pruneFilterProblem('dangling=true')).toMatch(/chosen by "all"/);
    expect(pruneFilterProblem('label=')).toMatch(/label needs a label key/);
    expect(pruneFilterProblem('until=soon')).toMatch(/^until must be/);
    expect(pruneFilterProblem('reference=x')).toMatch(/"reference" is no prune filter/);
    const twice = readPruneFilters(['until=1h', 'until=2h']);
    expect(twice).toMatchObject({ ok: false, index: 1 });
    expect(twice.ok ? '' : twice.message).toMatch(/more than one until/);
  });

  it('the params refuse a bad word at its place in filters', () => {
    const parsed = methods['images.prune'].params.safeParse({ all: true, filters: ['label=x', 'colour=red'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['filters', 1]);
    expect(methods['images.prune'].params.parse({})).toEqual({ all: false, filters: [] });
  });
});
