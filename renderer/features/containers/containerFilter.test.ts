import { describe, expect, it } from 'vitest';
import { container } from '../../testing/fakeHost.js';
import { matchesFilter, visibleContainers } from './containerFilter.js';

const web = container({ id: 'abc123' + '0'.repeat(58), name: 'Web-Frontend', image: 'nginx:1.27', state: 'running', status: 'Up 2 hours' });

describe('container filter', () => {
  it('matches everything when empty or blank', () => {
    expect(matchesFilter(web, '')).toBe(true);
    expect(matchesFilter(web, '   ')).toBe(true);
  });

  it.each([
    ['name, any case', 'web-front'],
    ['image', 'NGINX'],
    ['state', 'Running'],
    ['status text', 'up 2 hours'],
    ['id prefix', 'ABC12'],
  ])('matches by %s', (_what, text) => {
    expect(matchesFilter(web, text)).toBe(true);
  });

  it('matches the id only as a prefix', () => {
    expect(matchesFilter(web, 'c123')).toBe(false);
  });

  it('does not match unrelated text', () => {
    expect(matchesFilter(web, 'postgres')).toBe(false);
  });

  it('lists newest first, names breaking ties', () => {
    const old = container({ id: '1'.repeat(64), name: 'old', created: 100 });
    const b = container({ id: '2'.repeat(64), name: 'b', created: 200 });
    const a = container({ id: '3'.repeat(64), name: 'a', created: 200 });
    const rows = visibleContainers({ [old.id]: old, [b.id]: b, [a.id]: a }, '');
    expect(rows.map((c) => c.name)).toEqual(['a', 'b', 'old']);
  });
});
