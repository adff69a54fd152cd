import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { accountOf, Secret, type RegistryAccount, type RegistryCredential } from './secret.js';

const text = 'correct-horse-battery-staple';

describe('Secret', () => {
  it('gives its text only to reveal()', () => {
    const secret = new Secret(text);
    expect(secret.reveal()).toBe(text);
    expect(JSON.stringify({ secret })).toBe('{"secret":"[secret]"}');
    expect(String(secret)).toBe('[secret]');
    // The mistakes this guards against, made on purpose (lint refuses them in ordinary code too):
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions
    expect(`${secret}`).toBe('[secret]');
    // eslint-disable-next-line @typescript-eslint/restrict-plus-operands
    expect('' + secret).toBe('[secret]');
    expect(inspect(secret)).toBe('[secret]');
    expect(inspect({ nested: { deeper: [secret] } }, { depth: 10, showHidden: true })).not.toContain(text);
    expect(Object.keys(secret)).toEqual([]);
    expect(JSON.stringify(structuredClone({ secret }))).not.toContain(text);
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions
    expect(new Error(`failed with ${secret}`).message).not.toContain(text);
  });

  it('a credential printed whole shows no secret, and its account has none', () => {
    const credential: RegistryCredential = { registry: '127.0.0.1:5000', username: 'alice', kind: 'password', secret: new Secret(text), store: 'helper', helper: 'pass' };
    expect(JSON.stringify(credential)).not.toContain(text);
    expect(inspect(credential, { depth: 10, showHidden: true })).not.toContain(text);
    const account = accountOf(credential);
    expect(account).toEqual({ registry: '127.0.0.1:5000', username: 'alice', store: 'helper', helper: 'pass' });
    expect(Object.keys(account)).not.toContain('secret');
    // @ts-expect-error: a credential is not an account; the compiler refuses the secret riding along.
    const leaked: RegistryAccount = credential;
    expect(leaked).toBeDefined();
  });
});
