import { describe, expect, it } from 'vitest';
import { BerthError } from '../../api/index.js';
import { authEntryFor, dockerConfigFile, helperFor, parseDockerConfig } from './docker-config.js';

const file = '/home/me/.docker/config.json';
const auth = (text: string) => Buffer.from(text).toString('base64');
const parse = (config: unknown) => parseDockerConfig(file, JSON.stringify(config));

describe("the docker CLI's config.json", () => {
  it('is $DOCKER_CONFIG/config.json, else ~/.docker/config.json', () => {
    expect(dockerConfigFile({ env: {}, homeDir: '/home/me' })).toBe('/home/me/.docker/config.json');
    expect(dockerConfigFile({ env: { DOCKER_CONFIG: '/etc/docker-cli' }, homeDir: '/home/me' })).toBe('/etc/docker-cli/config.json');
  });

  it('decodes auths: base64 user:password, plain fields, identity tokens, and the empty entries a helper leaves', () => {
    const config = parse({
      auths: {
        '127.0.0.1:5000': { auth: auth('alice:s3:cret') },
        'legacy.example.com': { username: 'bob', password: 'plain' },
        'ghcr.io': { auth: auth('carol:'), identitytoken: 'refresh-token' },
        'https://index.docker.io/v1/': {},
      },
    });
    const entry = (key: string) => {
      const found = config.auths.get(key);
      if (found === undefined || !found.ok || found.secret === null) return found;
      return { username: found.username, kind: found.kind, secret: found.secret.reveal() };
    };
    expect(entry('127.0.0.1:5000')).toEqual({ username: 'alice', kind: 'password', secret: 's3:cret' });
    expect(entry('legacy.example.com')).toEqual({ username: 'bob', kind: 'password', secret: 'plain' });
    expect(entry('ghcr.io')).toEqual({ username: 'carol', kind: 'identity-token', secret: 'refresh-token' });
    expect(entry('https://index.docker.io/v1/')).toEqual({ ok: true, username: null, kind: null, secret: null });
  });

  it('finds an entry written under another form of the same registry, as the CLI finds legacy keys', () => {
    const config = parse({ auths: { 'https://127.0.0.1:5000/v2/': { auth: auth('alice:pw') }, 'docker.io': { auth: auth('hub:pw') } } });
    expect(authEntryFor(config, '127.0.0.1:5000')?.fileKey).toBe('https://127.0.0.1:5000/v2/');
    expect(authEntryFor(config, 'https://index.docker.io/v1/')?.fileKey).toBe('docker.io');
    expect(authEntryFor(config, 'other:5000')).toBeNull();
  });

  it('marks an unreadable entry with the field and why, without its text', () => {
    const config = parse({ auths: { a: { auth: 'not base64!' }, b: { auth: auth('no-colon-here') }, c: { auth: auth(':only-a-password') }, d: 'x', e: { auth: 5 } } });
    const problem = (key: string) => {
      const found = config.auths.get(key);
      return found !== undefined && !found.ok ? found.problem : null;
    };
    expect(problem('a')).toBe('auths["a"].auth is not base64 of "user:password"');
    expect(problem('b')).toBe('auths["b"].auth is not base64 of "user:password"');
    expect(problem('c')).toBe('auths["c"].auth is not base64 of "user:password"');
    expect(problem('d')).toBe('auths["d"] is not an object');
    expect(problem('e')).toBe('auths["e"].auth is not a string');
  });

  it('picks credHelpers for the registry before credsStore, as the CLI does', () => {
    const config = parse({ credsStore: 'desktop', credHelpers: { 'gcr.io': 'gcloud', 'https://registry.example.com:8443': 'pass' } });
    expect(helperFor(config, 'gcr.io')).toEqual({ helper: 'gcloud', origin: `credHelpers["gcr.io"] in ${file}` });
    expect(helperFor(config, 'registry.example.com:8443')?.helper).toBe('pass');
    expect(helperFor(config, '127.0.0.1:5000')).toEqual({ helper: 'desktop', origin: `credsStore in ${file}` });
    expect(helperFor(parse({ auths: {} }), '127.0.0.1:5000')).toBeNull();
  });

  it('a file that is not JSON is refused naming the file, without the parser quoting its text', () => {
    // The parser's message would quote the text around the fault: here, the auth.
    const text = `{"auths": {"x": {"auth": "${auth('alice:hunter2-secret')}" oops}}}`;
    let error: unknown;
    try {
      parseDockerConfig(file, text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BerthError);
    expect((error as BerthError).code).toBe('invalid_argument');
    expect((error as BerthError).message).toBe(`${file} is not valid JSON, so its logins cannot be read or changed; fix or move it (docker itself refuses it too).`);
    expect((error as BerthError).message).not.toContain(auth('alice:hunter2-secret'));
  });

  it.each([
    [{ auths: [] }, 'auths is not an object of registries'],
    [{ credsStore: 5 }, 'credsStore is not a string'],
    [{ credsStore: '../../bin/sh' }, 'credsStore is not a credential helper name'],
    [{ credHelpers: { 'gcr.io': 'a b' } }, 'credHelpers["gcr.io"] is not a credential helper name'],
    [{ credHelpers: 'gcloud' }, 'credHelpers is not an object'],
  ])('refuses %j naming the field', (config, message) => {
    expect(() => parse(config)).toThrow(`${file}: ${message}`);
  });

  it('a missing or empty file is an empty config', () => {
    expect(parseDockerConfig(file, null)).toEqual({ file, auths: new Map(), credsStore: null, credHelpers: new Map() });
    expect(parseDockerConfig(file, '')).toEqual({ file, auths: new Map(), credsStore: null, credHelpers: new Map() });
  });
});
