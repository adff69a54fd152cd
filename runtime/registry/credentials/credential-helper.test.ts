import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BerthError } from '../../api/index.js';
import { CredentialHelper } from './credential-helper.js';
import { Secret } from './secret.js';
import { seedFakeHelper, writeFakeHelper } from './testing/fake-helper.js';

const password = 'pa55-w0rd-that-must-not-leak';
let binDir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  binDir = await mkdtemp(path.join(os.tmpdir(), 'berth-creds-helper-'));
  env = { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}` };
});
afterEach(async () => {
  await rm(binDir, { recursive: true, force: true });
});

const helper = (name: string, timeoutMs?: number) => new CredentialHelper(name, 'credsStore in /home/me/.docker/config.json', { env, timeoutMs });

async function failure(promise: Promise<unknown>): Promise<BerthError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BerthError);
    return error as BerthError;
  }
  throw new Error('expected a failure');
}

function expectNoSecret(error: BerthError): void {
  for (const text of [error.message, JSON.stringify(error.toWire()), inspect(error, { depth: 10 }), String(error.stack)]) {
    expect(text).not.toContain(password);
    expect(text).not.toContain(Buffer.from(password).toString('base64'));
  }
}

describe('the credential helper protocol', () => {
  it('stores, gets, lists and erases a login, passing the action as the only argument and the rest on stdin', async () => {
    const fake = await writeFakeHelper(binDir, 'test');
    const test = helper('test');
    await test.store({ registry: '127.0.0.1:5000', username: 'alice', kind: 'password', secret: new Secret(password) });
    expect(await fake.stored()).toEqual({ '127.0.0.1:5000': { Username: 'alice', Secret: password } });

    const found = await test.get('127.0.0.1:5000');
    expect(found?.username).toBe('alice');
    expect(found?.kind).toBe('password');
    expect(found?.secret.reveal()).toBe(password);
    expect(found).toMatchObject({ registry: '127.0.0.1:5000', store: 'helper', helper: 'test' });

    expect(await test.list()).toEqual([{ registry: '127.0.0.1:5000', username: 'alice', store: 'helper', helper: 'test' }]);
    expect(await test.erase('127.0.0.1:5000')).toBe(true);
    expect(await test.get('127.0.0.1:5000')).toBeNull();
    expect(await test.erase('127.0.0.1:5000')).toBe(false);

    const calls = await fake.calls();
    expect(calls.map((call) => call.args)).toEqual([['store'], ['get'], ['list'], ['erase'], ['get'], ['erase']]);
    expect(JSON.parse(calls[0]?.stdin ?? '')).toEqual({ ServerURL: '127.0.0.1:5000', Username: 'alice', Secret: password });
    expect(calls[1]?.stdin).toBe('127.0.0.1:5000');
  });

  it('"credentials not found" from get is no login, not an error', async () => {
    await writeFakeHelper(binDir, 'test');
    expect(await helper('test').get('registry.example.com')).toBeNull();
  });

  it('<token> as the user is an identity token, both ways', async () => {
    const fake = await writeFakeHelper(binDir, 'test');
    await helper('test').store({ registry: 'ghcr.io', username: 'alice', kind: 'identity-token', secret: new Secret(password) });
    expect(await fake.stored()).toEqual({ 'ghcr.io': { Username: '<token>', Secret: password } });
    const found = await helper('test').get('ghcr.io');
    expect(found).toMatchObject({ username: null, kind: 'identity-token' });
    expect(found?.secret.reveal()).toBe(password);
    expect(await helper('test').list()).toEqual([{ registry: 'ghcr.io', username: null, store: 'helper', helper: 'test' }]);
  });

  it('lists the keys as the docker CLI keys them, skipping names that are no registry', async () => {
    const fake = await writeFakeHelper(binDir, 'test');
    await seedFakeHelper(fake, {
      'https://index.docker.io/v1/': { Username: 'hub-user', Secret: 'x' },
      'https://registry.example.com:8443': { Username: 'bob', Secret: 'y' },
      'not a registry': { Username: 'who', Secret: 'z' },
    });
    expect(await helper('test').list()).toEqual([
      { registry: 'https://index.docker.io/v1/', username: 'hub-user', store: 'helper', helper: 'test' },
      { registry: 'registry.example.com:8443', username: 'bob', store: 'helper', helper: 'test' },
    ]);
  });

  it('a helper that is not installed is named, with where the config names it', async () => {
    const error = await failure(helper('absent').get('127.0.0.1:5000'));
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('docker-credential-absent is not installed: no such program on PATH (named by credsStore in /home/me/.docker/config.json).');
    expect(error.details).toEqual({ helper: 'absent', action: 'get', registry: '127.0.0.1:5000' });
  });

  it('a failing store says which helper and action failed, and not what it was sent or what it printed', async () => {
    const fake = await writeFakeHelper(binDir, 'broken', 'fails-echoing-input');
    const error = await failure(helper('broken').store({ registry: '127.0.0.1:5000', username: 'alice', kind: 'password', secret: new Secret(password) }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      'docker-credential-broken store for 127.0.0.1:5000 failed (exit code 1); its output is not shown, as it may repeat the secret (named by credsStore in /home/me/.docker/config.json).',
    );
    expectNoSecret(error);
    // The helper did get the secret (and printed it): the test would prove nothing otherwise.
    expect((await fake.calls())[0]?.stdin).toContain(password);
  });

  it('a failing get repeats the helper\'s one-line reason (it was sent no secret)', async () => {
    await writeFakeHelper(binDir, 'broken', 'fails-echoing-input');
    const error = await failure(helper('broken').get('127.0.0.1:5000'));
    expect(error.message).toBe('docker-credential-broken get for 127.0.0.1:5000 failed (exit code 1): cannot do it with 127.0.0.1:5000 (named by credsStore in /home/me/.docker/config.json).');
  });

  it('an answer that is not the protocol\'s JSON is refused without repeating it', async () => {
    await writeFakeHelper(binDir, 'odd', 'garbage');
    const error = await failure(helper('odd').get('registry-with-a-secret-name'));
    expect(error.message).toBe("docker-credential-odd get for registry-with-a-secret-name answered something other than the credential helper protocol's JSON (named by credsStore in /home/me/.docker/config.json).");
    expect(error.message).not.toContain('password is');
  });

  it('a helper that hangs is stopped after the time limit, with a timeout naming it', async () => {
    await writeFakeHelper(binDir, 'slow', 'hangs');
    const started = Date.now();
    const error = await failure(helper('slow', 300).store({ registry: '127.0.0.1:5000', username: 'alice', kind: 'password', secret: new Secret(password) }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('docker-credential-slow store for 127.0.0.1:5000 did not answer within 300 ms; it was stopped (named by credsStore in /home/me/.docker/config.json).');
    expectNoSecret(error);
  });

  it('an aborted request stops the helper', async () => {
    await writeFakeHelper(binDir, 'slow', 'hangs');
    const controller = new AbortController();
    const pending = helper('slow', 10_000).get('127.0.0.1:5000', controller.signal);
    setTimeout(() => controller.abort(), 100);
    const error = await failure(pending);
    expect(error.code).toBe('cancelled');
  });
});
