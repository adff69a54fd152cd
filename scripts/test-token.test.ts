import { generateKeyPairSync, verify, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { authenticate, grantAccess, loadSigningKey, parseScopes, registryLeewaySeconds, signToken, type Grant } from './test-token.js';

describe('parseScopes', () => {
  it('reads type, name and actions, with colons in the name and several scopes in one string', () => {
    expect(parseScopes(['repository:seed/bb:pull,push', 'registry:catalog:* repository:127.0.0.1:5000/x:pull'])).toEqual([
      { type: 'repository', name: 'seed/bb', actions: ['pull', 'push'] },
      { type: 'registry', name: 'catalog', actions: ['*'] },
      { type: 'repository', name: '127.0.0.1:5000/x', actions: ['pull'] },
    ]);
  });

  it('refuses a scope without actions', () => {
    expect(() => parseScopes(['repository'])).toThrow(/malformed scope "repository"/);
    expect(() => parseScopes(['repository:x'])).toThrow(/malformed scope/);
  });
});

describe('grantAccess', () => {
  const reader: Grant[] = [
    { type: 'repository', name: '*', actions: ['pull'] },
    { type: 'registry', name: 'catalog', actions: ['*'] },
  ];
  const anonymous: Grant[] = [{ type: 'repository', name: 'public/*', actions: ['pull'] }];

  it('keeps only the allowed actions, and drops a scope with none', () => {
    expect(grantAccess(parseScopes(['repository:a/b:pull,push,delete', 'registry:catalog:*']), reader)).toEqual([
      { type: 'repository', name: 'a/b', actions: ['pull'] },
      { type: 'registry', name: 'catalog', actions: ['*'] },
    ]);
    expect(grantAccess(parseScopes(['repository:a/b:push']), reader)).toEqual([]);
  });

  it('matches name prefixes for anonymous access', () => {
    expect(grantAccess(parseScopes(['repository:public/x:pull']), anonymous)).toEqual([{ type: 'repository', name: 'public/x', actions: ['pull'] }]);
    expect(grantAccess(parseScopes(['repository:private/x:pull', 'registry:catalog:*']), anonymous)).toEqual([]);
  });

  it('gives every action for a * grant', () => {
    expect(grantAccess(parseScopes(['repository:a:pull,push,delete']), [{ type: 'repository', name: '*', actions: ['*'] }])[0]?.actions).toEqual(['pull', 'push', 'delete']);
  });
});

describe('authenticate', () => {
  const config = { users: { berth: { password: 'pw', identityToken: 'refresh', grants: [] } } };
  it('finds the user by password or refresh token, refuses wrong ones, and lets anonymous through as null', () => {
    expect(authenticate(config, { kind: 'password', username: 'berth', password: 'pw' })).toMatchObject({ name: 'berth' });
    expect(authenticate(config, { kind: 'refresh_token', refreshToken: 'refresh' })).toMatchObject({ name: 'berth' });
    expect(authenticate(config, { kind: 'password', username: 'berth', password: 'nope' })).toBe('refused');
    expect(authenticate(config, { kind: 'password', username: 'nobody', password: 'pw' })).toBe('refused');
    expect(authenticate(config, { kind: 'refresh_token', refreshToken: '' })).toBe('refused');
    expect(authenticate(config, { kind: 'anonymous' })).toBeNull();
  });
});

describe('signToken', () => {
  it('signs ES256 over header.claims, names its certificate in x5c and moves exp back by the registry leeway', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-token-test-'));
    try {
      const keyFile = path.join(dir, 'key.pem');
      const certFile = path.join(dir, 'cert.pem');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-keyout', keyFile, '-out', certFile, '-subj', '/CN=t'], { stdio: 'ignore' });
      const certPem = readFileSync(certFile, 'utf8');
      const token = signToken(
        { issuer: 'iss', service: 'svc', subject: 'berth', access: [{ type: 'repository', name: 'a', actions: ['pull'] }], lifetimeSeconds: 2, now: 1_000_000 },
        loadSigningKey(readFileSync(keyFile, 'utf8'), certPem),
      );
      const [header = '', claims = '', signature = ''] = token.split('.');
      const decode = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
      const certificate = new X509Certificate(certPem);
      expect(decode(header)).toEqual({ typ: 'JWT', alg: 'ES256', x5c: [certificate.raw.toString('base64')] });
      expect(decode(claims)).toMatchObject({ iss: 'iss', aud: 'svc', sub: 'berth', iat: 1_000_000, exp: 1_000_000 + 2 - registryLeewaySeconds, access: [{ type: 'repository', name: 'a', actions: ['pull'] }] });
      const signed = Buffer.from(`${header}.${claims}`);
      expect(Buffer.from(signature, 'base64url')).toHaveLength(64);
      expect(verify('sha256', signed, { key: certificate.publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))).toBe(true);
      const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
      expect(verify('sha256', signed, { key: other, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
