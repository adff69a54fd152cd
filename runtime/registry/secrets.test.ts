import { describe, expect, it } from 'vitest';
import { BerthError } from '../api/index.js';
import { registryRefusal } from './errors.js';
import { basicAuthorization, SecretSet } from './secrets.js';

const password = 'correct horse battery staple';
const identityToken = 'refresh-4f9c2b7e1d';
const bearer = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJiZXJ0aCJ9.c2lnbmF0dXJl';

function secrets(): SecretSet {
  const set = new SecretSet();
  set.addCredentials({ username: 'berth', password });
  set.addCredentials({ identityToken });
  set.add(bearer);
  return set;
}

describe('SecretSet', () => {
  it('takes every password, identity token, Basic value and bearer token out of a text', () => {
    const basic = basicAuthorization('berth', password);
    const text = `password ${password}, url-encoded ${encodeURIComponent(password)}, ${basic}, value ${basic.slice(6)}, token ${identityToken}, Authorization: Bearer ${bearer}, bare ${bearer}`;
    const scrubbed = secrets().scrub(text);
    for (const secret of [password, encodeURIComponent(password), basic.slice(6), identityToken, bearer]) expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain('[redacted]');
    expect(scrubbed.startsWith('password [redacted]')).toBe(true);
  });

  it('drops any Authorization value, even one it was never told', () => {
    expect(new SecretSet().scrub('sent Authorization: Basic dXNlcjpvdGhlcnNlY3JldA== and Bearer abc.def.ghi-jkl')).toBe('sent Authorization: Basic [redacted] and Bearer [redacted]');
  });

  it('leaves ordinary text alone, and does not blank out very short passwords', () => {
    const set = new SecretSet();
    set.addCredentials({ username: 'berth', password: 'a' });
    expect(set.scrub('a registry at 127.0.0.1')).toBe('a registry at 127.0.0.1');
  });

  it('scrubs an error built from a registry answer that repeats the secrets, message and details', () => {
    const refusal = registryRefusal('127.0.0.1:5000', 'The catalog', {
      status: 401,
      headers: {},
      body: Buffer.from(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: `bad password ${password} or token ${bearer}` }] })),
      url: new URL('http://127.0.0.1:5000/v2/_catalog'),
    });
    const error = secrets().scrubError(new BerthError(refusal.code, refusal.message, { ...refusal.details, echoed: `identity ${identityToken}` }));
    const wire = JSON.stringify(error.toWire());
    for (const secret of [password, bearer, identityToken]) expect(wire).not.toContain(secret);
    expect(error.code).toBe('unauthorized');
    expect(error.message).toBe('The catalog at 127.0.0.1:5000: UNAUTHORIZED: bad password [redacted] or token [redacted]');
  });

  it('makes anything thrown that is not a BerthError an internal one, scrubbed', () => {
    const error = secrets().scrubError(new Error(`socket said ${password}`));
    expect(error).toMatchObject({ code: 'internal', message: 'socket said [redacted]' });
  });
});
