import { describe, expect, it } from 'vitest';
import { TokenCache, tokenExpiry } from './tokens.js';

const now = Date.parse('2025-01-01T00:00:00Z');

describe('tokenExpiry', () => {
  it('counts expires_in from issued_at, less a tenth of the lifetime (at most 5 s)', () => {
    expect(tokenExpiry(300, '2024-12-31T23:59:50Z', now)).toBe(now - 10_000 + 300_000 - 5000);
    expect(tokenExpiry(2, '2025-01-01T00:00:00Z', now)).toBe(now + 2000 - 200);
  });

  it('takes 60 s when expires_in is missing or not a positive number', () => {
    for (const bad of [undefined, 0, -5, '300', Number.NaN]) expect(tokenExpiry(bad, undefined, now)).toBe(now + 60_000 - 5000);
  });

  it('counts from now when issued_at is missing, unreadable, in the future or older than the lifetime (another clock)', () => {
    for (const issued of [undefined, 'yesterday', '2025-01-01T01:00:00Z', '2024-12-31T00:00:00Z']) expect(tokenExpiry(60, issued, now)).toBe(now + 55_000);
  });
});

describe('TokenCache', () => {
  it('gives a token until it expires, then forgets it', () => {
    const cache = new TokenCache();
    cache.set('repository:a:pull', { value: 't', expiresAt: now + 1000 });
    expect(cache.get('repository:a:pull', now)?.value).toBe('t');
    expect(cache.get('repository:b:pull', now)).toBeUndefined();
    expect(cache.get('repository:a:pull', now + 1000)).toBeUndefined();
    cache.set('x', { value: 'u', expiresAt: now + 1000 });
    cache.clear();
    expect(cache.get('x', now)).toBeUndefined();
  });
});
