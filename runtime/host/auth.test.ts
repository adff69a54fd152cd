import { describe, expect, it } from 'vitest';
import { checkRequest, hostIdentity, sessionCookie } from './auth.js';

const identity = hostIdentity('127.0.0.1', 8123, 's3cret-token');
const good = { host: '127.0.0.1:8123', origin: undefined, cookie: undefined, queryToken: null };

describe('checkRequest', () => {
  it('accepts the token in the URL, then in the cookie it sets', () => {
    expect(checkRequest(identity, { ...good, queryToken: 's3cret-token' })).toEqual({ ok: true, via: 'query' });
    const cookie = sessionCookie(identity).split(';')[0];
    expect(checkRequest(identity, { ...good, cookie: `other=1; ${cookie}` })).toEqual({ ok: true, via: 'cookie' });
    expect(sessionCookie(identity)).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('answers 401 without the right token', () => {
    expect(checkRequest(identity, good)).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest(identity, { ...good, queryToken: 's3cret-tokeX' })).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest(identity, { ...good, cookie: 'berth_token_8124=s3cret-token' })).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses another Host (DNS rebinding) even with the token', () => {
    expect(checkRequest(identity, { ...good, host: 'evil.example:8123', queryToken: 's3cret-token' })).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(identity, { ...good, host: undefined, queryToken: 's3cret-token' })).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(identity, { ...good, host: '127.0.0.1:9999', queryToken: 's3cret-token' })).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a foreign Origin even with the cookie', () => {
    const cookie = 'berth_token_8123=s3cret-token';
    expect(checkRequest(identity, { ...good, cookie, origin: 'http://evil.example' })).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(identity, { ...good, cookie, origin: 'http://localhost:8123' })).toEqual({ ok: true, via: 'cookie' });
  });
});
