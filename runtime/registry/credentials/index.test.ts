import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BerthError } from '../../api/index.js';
import { RegistryCredentials, Secret, type CredentialsOptions, type StringEncryptor } from './index.js';
import { seedFakeHelper, writeFakeHelper } from './testing/fake-helper.js';

const password = 'index-test-password-9f3b';
const otherPassword = 'older-password-71ac';
let root: string;
let home: string;
let binDir: string;
let dataDir: string;
let env: NodeJS.ProcessEnv;
// Everything the module handed back during a test, to be searched for secrets at its end.
let seen: unknown[];

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'berth-creds-'));
  home = path.join(root, 'home');
  binDir = path.join(root, 'bin');
  dataDir = path.join(root, 'data');
  await Promise.all([mkdir(path.join(home, '.docker'), { recursive: true }), mkdir(binDir), mkdir(dataDir)]);
  env = { PATH: `${binDir}:${process.env.PATH ?? ''}` };
  seen = [];
});
afterEach(async () => {
  try {
    // Nothing that left the module, nor any message, holds a secret (as JSON, as printed, or base64 in an `auth`).
    for (const value of seen) {
      for (const text of [JSON.stringify(value), inspect(value, { depth: 20, showHidden: true }), value instanceof Error ? `${value.message}\n${value.stack ?? ''}` : '']) {
        for (const secret of [password, otherPassword]) {
          expect(text).not.toContain(secret);
          expect(text).not.toContain(Buffer.from(`alice:${secret}`).toString('base64'));
        }
      }
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

const configFile = () => path.join(home, '.docker', 'config.json');
const writeConfig = (config: unknown) => writeFile(configFile(), JSON.stringify(config));
const readConfig = async () => JSON.parse(await readFile(configFile(), 'utf8')) as { auths?: Record<string, unknown> };
const basic = (user: string, secret: string) => Buffer.from(`${user}:${secret}`).toString('base64');

function fakeEncryptor(available = true): StringEncryptor {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x33)),
    decryptString: (encrypted) => Buffer.from(encrypted.map((byte) => byte ^ 0x33)).toString('utf8'),
  };
}

function credentials(options: Partial<CredentialsOptions> = {}): RegistryCredentials {
  return new RegistryCredentials({ env, homeDir: home, dataDir, helperTimeoutMs: 10_000, ...options });
}

async function found(store: RegistryCredentials, registry: string) {
  const lookup = await store.find(registry);
  seen.push(lookup);
  const credential = lookup.credential;
  return { problems: lookup.problems, login: credential === null ? null : { username: credential.username, secret: credential.secret.reveal(), store: credential.store, helper: credential.helper } };
}

async function refusal(promise: Promise<unknown>): Promise<BerthError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(BerthError);
  seen.push(error);
  return error as BerthError;
}

const alice = (registry: string, secret = password) => ({ registry, username: 'alice', secret: new Secret(secret) });

describe('registry credentials', () => {
  it('reads the logins docker login left in config.json, under any form of the registry name', async () => {
    await writeConfig({ auths: { '127.0.0.1:5000': { auth: basic('alice', password) }, 'https://index.docker.io/v1/': { auth: basic('hubuser', otherPassword) } } });
    const store = credentials();
    expect(await found(store, 'http://127.0.0.1:5000/v2/')).toEqual({ problems: [], login: { username: 'alice', secret: password, store: 'docker-config', helper: undefined } });
    expect((await found(store, 'docker.io')).login?.username).toBe('hubuser');
    expect((await found(store, 'registry.example.com')).login).toBeNull();
    const accounts = await store.accounts();
    seen.push(accounts);
    expect(accounts).toEqual({
      accounts: [
        { registry: '127.0.0.1:5000', username: 'alice', store: 'docker-config' },
        { registry: 'https://index.docker.io/v1/', username: 'hubuser', store: 'docker-config' },
      ],
      problems: [],
    });
  });

  it('respects DOCKER_CONFIG', async () => {
    const elsewhere = path.join(root, 'elsewhere');
    await mkdir(elsewhere);
    await writeFile(path.join(elsewhere, 'config.json'), JSON.stringify({ auths: { '127.0.0.1:5000': { auth: basic('alice', password) } } }));
    env.DOCKER_CONFIG = elsewhere;
    expect((await found(credentials(), '127.0.0.1:5000')).login?.store).toBe('docker-config');
    const stored = await credentials().store({ ...alice('b.example.com'), keepIn: 'docker-config' });
    seen.push(stored);
    expect(stored.warning).toContain(path.join(elsewhere, 'config.json'));
  });

  it('with credsStore, stores through the helper, finds the login there, and erases it', async () => {
    const helper = await writeFakeHelper(binDir, 'test');
    await writeConfig({ credsStore: 'test', psFormat: 'x' });
    const store = credentials();
    expect(await store.destination('127.0.0.1:5000')).toEqual({ store: 'helper', helper: 'test' });
    const stored = await store.store(alice('127.0.0.1:5000'));
    seen.push(stored);
    expect(stored).toEqual({ account: { registry: '127.0.0.1:5000', username: 'alice', store: 'helper', helper: 'test' } });
    expect(await helper.stored()).toEqual({ '127.0.0.1:5000': { Username: 'alice', Secret: password } });
    // The secret went to the helper only, never into the docker CLI's file.
    expect(await readFile(configFile(), 'utf8')).not.toContain(basic('alice', password));

    expect(await found(credentials(), '127.0.0.1:5000')).toEqual({ problems: [], login: { username: 'alice', secret: password, store: 'helper', helper: 'test' } });
    const listed = await store.accounts();
    expect(listed.accounts).toEqual([{ registry: '127.0.0.1:5000', username: 'alice', store: 'helper', helper: 'test' }]);

    const erased = await store.erase('127.0.0.1:5000');
    expect(erased).toEqual({ erasedFrom: ['helper'], problems: [] });
    expect(await helper.stored()).toEqual({});
    expect((await found(store, '127.0.0.1:5000')).login).toBeNull();
  });

  it('credHelpers for the registry beats credsStore, for storing and for finding', async () => {
    const general = await writeFakeHelper(binDir, 'test');
    const special = await writeFakeHelper(binDir, 'special');
    await seedFakeHelper(general, { '127.0.0.1:5000': { Username: 'wrong', Secret: otherPassword } });
    await writeConfig({ credsStore: 'test', credHelpers: { '127.0.0.1:5000': 'special' } });
    const store = credentials();
    expect(await store.destination('127.0.0.1:5000')).toEqual({ store: 'helper', helper: 'special' });
    expect(await store.destination('other.example.com')).toEqual({ store: 'helper', helper: 'test' });

    await store.store(alice('127.0.0.1:5000'));
    expect(await special.stored()).toEqual({ '127.0.0.1:5000': { Username: 'alice', Secret: password } });
    expect((await general.stored())['127.0.0.1:5000']?.Username).toBe('wrong');
    expect((await found(store, '127.0.0.1:5000')).login).toEqual({ username: 'alice', secret: password, store: 'helper', helper: 'special' });
    // The general helper's entry for that registry is not the one in effect, so it is not listed.
    expect((await store.accounts()).accounts).toEqual([{ registry: '127.0.0.1:5000', username: 'alice', store: 'helper', helper: 'special' }]);
  });

  it('without a helper, keeps new logins in the OS keychain when there is one', async () => {
    await writeConfig({ auths: {} });
    const store = credentials({ encryptor: fakeEncryptor() });
    expect(await store.destination('127.0.0.1:5000')).toEqual({ store: 'keychain' });
    expect((await store.store(alice('127.0.0.1:5000'))).account).toEqual({ registry: '127.0.0.1:5000', username: 'alice', store: 'keychain' });
    expect(await readFile(path.join(dataDir, 'registry-credentials.json'), 'utf8')).not.toContain(password);
    expect(await readConfig()).toEqual({ auths: {} });
    // A new Berth (same keychain) finds it.
    expect((await found(credentials({ encryptor: fakeEncryptor() }), '127.0.0.1:5000')).login).toEqual({ username: 'alice', secret: password, store: 'keychain', helper: undefined });
  });

  it('without a helper or keychain, the user chooses: this session, or the docker file with docker login\'s warning', async () => {
    const store = credentials({ encryptor: fakeEncryptor(false) });
    const destination = await store.destination('127.0.0.1:5000');
    expect(destination).toEqual({ store: 'choice', choices: ['session', 'docker-config'], warning: expect.stringContaining(`stored unencrypted in '${configFile()}'`) as unknown });

    const unchosen = await refusal(store.store(alice('127.0.0.1:5000')));
    expect(unchosen.code).toBe('invalid_argument');
    expect(unchosen.details).toEqual({ field: 'keepIn' });
    expect(unchosen.message).toMatch(/^keepIn is required/);

    const inSession = await store.store({ ...alice('a.example.com'), keepIn: 'session' });
    expect(inSession).toEqual({ account: { registry: 'a.example.com', username: 'alice', store: 'session' } });
    expect((await found(store, 'a.example.com')).login?.store).toBe('session');
    expect((await found(credentials(), 'a.example.com')).login).toBeNull();

    const inFile = await store.store({ ...alice('b.example.com'), keepIn: 'docker-config' });
    seen.push(inFile);
    expect(inFile).toEqual({ account: { registry: 'b.example.com', username: 'alice', store: 'docker-config' }, warning: destination.store === 'choice' ? destination.warning : '' });
    expect(await readConfig()).toEqual({ auths: { 'b.example.com': { auth: basic('alice', password) } } });
    expect((await found(credentials(), 'b.example.com')).login?.store).toBe('docker-config');
  });

  it('refuses the docker file where a helper or the keychain keeps logins, but always allows this session', async () => {
    await writeFakeHelper(binDir, 'test');
    await writeConfig({ credHelpers: { '127.0.0.1:5000': 'test' } });
    const store = credentials({ encryptor: fakeEncryptor() });
    const toHelperFile = await refusal(store.store({ ...alice('127.0.0.1:5000'), keepIn: 'docker-config' }));
    expect(toHelperFile.message).toBe('keepIn "docker-config" is not offered: the docker CLI keeps logins for 127.0.0.1:5000 in docker-credential-test, and ignores its file\'s. Choose "session" or leave keepIn out.');
    const toKeychainFile = await refusal(store.store({ ...alice('a.example.com'), keepIn: 'docker-config' }));
    expect(toKeychainFile.message).toMatch(/^keepIn "docker-config" is not offered: Berth keeps logins encrypted in the OS keychain here/);
    expect(await readConfig()).toEqual({ credHelpers: { '127.0.0.1:5000': 'test' } });
    expect((await store.store({ ...alice('127.0.0.1:5000'), keepIn: 'session' })).account.store).toBe('session');
  });

  it('finds this session first, then the helper, then the keychain, then the docker file', async () => {
    const helper = await writeFakeHelper(binDir, 'test');
    await writeConfig({ credHelpers: { 'one.example.com': 'test' }, auths: { 'one.example.com': { auth: basic('file', 'f') }, 'two.example.com': { auth: basic('file', 'f') }, 'three.example.com': { auth: basic('file', 'f') } } });
    await seedFakeHelper(helper, { 'one.example.com': { Username: 'helper', Secret: 'h' } });
    const store = credentials({ encryptor: fakeEncryptor() });
    await store.store({ ...alice('two.example.com'), username: 'keychain' });
    expect((await found(store, 'one.example.com')).login?.username).toBe('helper');
    expect((await found(store, 'two.example.com')).login?.username).toBe('keychain');
    expect((await found(store, 'three.example.com')).login?.username).toBe('file');
    await store.store({ ...alice('one.example.com'), username: 'session', keepIn: 'session' });
    expect((await found(store, 'one.example.com')).login?.username).toBe('session');
    expect((await store.accounts()).accounts.map((account) => [account.registry, account.username, account.store])).toEqual([
      ['one.example.com', 'session', 'session'],
      ['three.example.com', 'file', 'docker-config'],
      ['two.example.com', 'keychain', 'keychain'],
    ]);
  });

  it('signing in again replaces an older login in Berth\'s own stores', async () => {
    const store = credentials({ encryptor: fakeEncryptor() });
    await store.store({ ...alice('127.0.0.1:5000', otherPassword), keepIn: 'session' });
    await store.store(alice('127.0.0.1:5000'));
    expect((await found(store, '127.0.0.1:5000')).login).toMatchObject({ secret: password, store: 'keychain' });
    await store.store({ ...alice('127.0.0.1:5000', otherPassword), keepIn: 'session' });
    expect((await found(store, '127.0.0.1:5000')).login).toMatchObject({ secret: otherPassword, store: 'session' });
    // "This session only" leaves the kept login be: the next Berth finds it.
    expect((await found(credentials({ encryptor: fakeEncryptor() }), '127.0.0.1:5000')).login).toMatchObject({ secret: password, store: 'keychain' });
    const later = credentials({ encryptor: fakeEncryptor(false) });
    await later.store({ ...alice('127.0.0.1:5000', otherPassword), keepIn: 'docker-config' });
    // The keychain's copy went, so the file's login is the one found.
    expect((await found(later, '127.0.0.1:5000')).login).toMatchObject({ secret: otherPassword, store: 'docker-config' });
  });

  it('a helper that fails or hangs is a problem naming it, and the next store is still asked', async () => {
    await writeFakeHelper(binDir, 'broken', 'fails-echoing-input');
    await writeFakeHelper(binDir, 'slow', 'hangs');
    await writeConfig({ credHelpers: { 'a.example.com': 'broken', 'b.example.com': 'slow', 'c.example.com': 'absent' }, auths: { 'a.example.com': { auth: basic('alice', password) } } });
    const store = credentials();
    // A short limit only where the helper is meant to hang: a slow machine may take longer than that to start one.
    const impatient = credentials({ helperTimeoutMs: 300 });
    const a = await found(store, 'a.example.com');
    expect(a.login?.store).toBe('docker-config');
    expect(a.problems).toEqual([`docker-credential-broken get for a.example.com failed (exit code 1): cannot do it with a.example.com (named by credHelpers["a.example.com"] in ${configFile()}).`]);
    expect((await found(impatient, 'b.example.com')).problems).toEqual([`docker-credential-slow get for b.example.com did not answer within 300 ms; it was stopped (named by credHelpers["b.example.com"] in ${configFile()}).`]);
    expect((await found(store, 'c.example.com')).problems).toEqual([`docker-credential-absent is not installed: no such program on PATH (named by credHelpers["c.example.com"] in ${configFile()}).`]);

    // Storing through a failing helper is an error that names the helper and holds no secret.
    const failed = await refusal(store.store(alice('a.example.com')));
    expect(failed.message).toBe(`docker-credential-broken store for a.example.com failed (exit code 1); its output is not shown, as it may repeat the secret (named by credHelpers["a.example.com"] in ${configFile()}).`);
    const hung = await refusal(impatient.store(alice('b.example.com')));
    expect(hung.code).toBe('timeout');
    const accounts = await impatient.accounts();
    seen.push(accounts);
    expect(accounts.problems).toHaveLength(3);
  });

  it('refuses bad input naming the field, and keeps nothing', async () => {
    await writeFakeHelper(binDir, 'test');
    await writeConfig({ credsStore: 'test' });
    const store = credentials();
    const cases: [Parameters<RegistryCredentials['store']>[0], string, string][] = [
      [{ ...alice('https://alice:pw@127.0.0.1:5000') }, 'registry', 'registry holds a user or password'],
      [{ ...alice('not a registry') }, 'registry', 'registry is not a registry host'],
      [{ ...alice('127.0.0.1:5000'), username: 'ali:ce' }, 'username', 'username cannot hold ":"'],
      [{ ...alice('127.0.0.1:5000'), username: '' }, 'username', 'username is required with a password'],
      [{ ...alice('127.0.0.1:5000'), username: 'a\nb' }, 'username', 'username holds a control character'],
      [{ ...alice('127.0.0.1:5000'), username: '<token>' }, 'username', 'username "<token>" is how credential helpers mark an identity token'],
      [{ ...alice('127.0.0.1:5000'), secret: new Secret('') }, 'secret', 'secret is empty'],
      [{ ...alice('127.0.0.1:5000'), secret: new Secret('x'.repeat(64 * 1024 + 1)) }, 'secret', 'secret is longer than 64 KiB'],
    ];
    for (const [login, field, message] of cases) {
      const error = await refusal(store.store(login));
      expect(error.code).toBe('invalid_argument');
      expect(error.details).toEqual({ field });
      expect(error.message.startsWith(message)).toBe(true);
    }
    expect((await store.accounts()).accounts).toEqual([]);
    expect(await readConfig()).toEqual({ credsStore: 'test' });
  });

  it('an identity token may come without a user', async () => {
    const helper = await writeFakeHelper(binDir, 'test');
    await writeConfig({ credsStore: 'test' });
    const stored = await credentials().store({ registry: 'ghcr.io', username: null, kind: 'identity-token', secret: new Secret(password) });
    expect(stored.account).toEqual({ registry: 'ghcr.io', username: null, store: 'helper', helper: 'test' });
    expect(await helper.stored()).toEqual({ 'ghcr.io': { Username: '<token>', Secret: password } });
    const lookup = await credentials().find('ghcr.io');
    seen.push(lookup);
    expect(lookup.credential?.kind).toBe('identity-token');
  });

  it('a config.json that is not JSON: lookups say so and still find this session\'s logins; storing is refused', async () => {
    await writeFile(configFile(), `{"auths": {"127.0.0.1:5000": {"auth": "${basic('alice', password)}"}`);
    const store = credentials();
    await store.store({ ...alice('a.example.com'), keepIn: 'session' });
    expect((await found(store, 'a.example.com')).login?.store).toBe('session');
    const lookup = await found(store, '127.0.0.1:5000');
    expect(lookup).toEqual({ login: null, problems: [`${configFile()} is not valid JSON, so its logins cannot be read or changed; fix or move it (docker itself refuses it too).`] });
    const error = await refusal(store.store({ ...alice('127.0.0.1:5000'), keepIn: 'docker-config' }));
    expect(error.message).toContain('is not valid JSON');
  });

  it('signs out everywhere it sees a login, as docker logout does', async () => {
    const helper = await writeFakeHelper(binDir, 'test');
    await seedFakeHelper(helper, { '127.0.0.1:5000': { Username: 'alice', Secret: password } });
    await writeConfig({ credHelpers: { '127.0.0.1:5000': 'test' }, auths: { 'http://127.0.0.1:5000': { auth: basic('alice', password) } }, psFormat: 'x' });
    const store = credentials({ encryptor: fakeEncryptor() });
    await store.store({ ...alice('127.0.0.1:5000'), keepIn: 'session' });
    const erased = await store.erase('127.0.0.1:5000');
    expect(erased).toEqual({ erasedFrom: ['session', 'helper', 'docker-config'], problems: [] });
    expect(await helper.stored()).toEqual({});
    expect(await readConfig()).toEqual({ credHelpers: { '127.0.0.1:5000': 'test' }, auths: {}, psFormat: 'x' });
    expect((await found(store, '127.0.0.1:5000')).login).toBeNull();
  });
});
