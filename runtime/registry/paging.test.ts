import { describe, expect, it } from 'vitest';
import { continuation, nextLink, pageFrom } from './paging.js';

describe('nextLink', () => {
  it('finds rel="next" as distribution writes it, and among several links', () => {
    expect(nextLink(['</v2/_catalog?last=a%2Fb&n=100>; rel="next"'])).toBe('/v2/_catalog?last=a%2Fb&n=100');
    expect(nextLink(['<https://r.example/v2/_catalog?n=2&last=x>; rel="prev", <https://r.example/v2/_catalog?n=2&last=y>; rel=next'])).toBe('https://r.example/v2/_catalog?n=2&last=y');
    expect(nextLink(['</a>; title="x, y"; rel="first next"'])).toBe('/a');
  });

  it('is null without a next link', () => {
    expect(nextLink([])).toBeNull();
    expect(nextLink(['</v2/_catalog?n=1>; rel="prev"'])).toBeNull();
    expect(nextLink(['garbage'])).toBeNull();
  });
});

describe('continuation', () => {
  const origin = 'http://127.0.0.1:5000';
  it('keeps a link that continues the same list, relative or absolute', () => {
    expect(continuation('/v2/_catalog?last=x&n=5', origin, '/v2/_catalog')).toBe('/v2/_catalog?last=x&n=5');
    expect(continuation('http://127.0.0.1:5000/v2/a/tags/list?n=5&last=t', origin, '/v2/a/tags/list')).toBe('/v2/a/tags/list?n=5&last=t');
  });

  it('refuses a link elsewhere: another origin or another path', () => {
    expect(continuation('http://evil.example/v2/_catalog?n=1', origin, '/v2/_catalog')).toBeNull();
    expect(continuation('/v2/a/manifests/x', origin, '/v2/_catalog')).toBeNull();
    expect(continuation('/v2/_catalog/../a', origin, '/v2/_catalog')).toBeNull();
  });
});

describe('pageFrom', () => {
  it('takes a linked page as it is', () => {
    expect(pageFrom(['b', 'a'], '/v2/_catalog?n=2&last=b', '/v2/_catalog?n=2', '/v2/_catalog')).toEqual({ items: ['b', 'a'], next: '/v2/_catalog?n=2&last=b' });
  });

  it('takes a short unlinked answer as the last page', () => {
    expect(pageFrom(['a'], null, '/v2/x/tags/list?n=2', '/v2/x/tags/list')).toEqual({ items: ['a'], next: null });
  });

  it('cuts an answer that ignored n into sorted pages, resuming after last', () => {
    const all = ['c', 'a', 'e', 'b', 'd'];
    const first = pageFrom(all, null, '/v2/x/tags/list?n=2', '/v2/x/tags/list');
    expect(first).toEqual({ items: ['a', 'b'], next: '/v2/x/tags/list?n=2&last=b' });
    const second = pageFrom(all, null, first.next ?? '', '/v2/x/tags/list');
    expect(second).toEqual({ items: ['c', 'd'], next: '/v2/x/tags/list?n=2&last=d' });
    expect(pageFrom(all, null, second.next ?? '', '/v2/x/tags/list')).toEqual({ items: ['e'], next: null });
  });
});
