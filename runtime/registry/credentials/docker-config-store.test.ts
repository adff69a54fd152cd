import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BerthError } from '../../api/index.js';
import { DockerConfigStore, unencryptedWarning } from './docker-config-store.js';
import { Secret } from './secret.js';

const password = 'hunter2-not-in-messages';
let home: string;
let dockerDir: string;
let store: DockerConfigStore;

beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'berth-creds-file-'));
  dockerDir = path.join(home, '.docker');
  store = new DockerConfigStore({ env: {}, homeDir: home });
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const configFile = () => path.join(dockerDir, 'config.json');
const readConfig = async () => JSON.parse(await readFile(configFile(), 'utf8')) as Record<string, unknown>;
const login = (registry: string, username = 'alice', secret = password) => ({ registry, username, kind: 'password' as const, secret: new Secret(secret) });

describe("the docker CLI's file as a store", () => {
  it('writes auths as docker login does, keeping every other key of the file and of the entry', async () => {
    await mkdir(dockerDir, { recursive: true });
    const before = {
      auths: { 'https://index.docker.io/v1/': {}, '127.0.0.1:5000': { auth: 'b2xkOm9sZA==', email: 'alice@example.com' } },
      credHelpers: { 'gcr.io': 'gcloud' },
      psFormat: 'table {{.Names}}',
      proxies: { default: { httpProxy: 'http://proxy:3128' } },
      someFutureKey: [1, { nested: true }],
    };
    await writeFile(configFile(), JSON.stringify(before), { mode: 0o640 });
    await store.store(login('127.0.0.1:5000'));
    const after = await readConfig();
    expect(after).toEqual({
      ...before,
      auths: { 'https://index.docker.io/v1/': {}, '127.0.0.1:5000': { email: 'alice@example.com', auth: Buffer.from(`alice:${password}`).toString('base64') } },
    });
    // Tab-indented, as the CLI writes it; the file's mode kept; no temporary file left behind.
    expect(await readFile(configFile(), 'utf8')).toMatch(/^\{\n\t"auths": \{/);
    expect((await stat(configFile())).mode & 0o777).toBe(0o640);
    expect(await readdir(dockerDir)).toEqual(['config.json']);

    const found = await store.get('127.0.0.1:5000');
    expect(found !== null && !('problem' in found) ? [found.username, found.secret.reveal(), found.store] : found).toEqual(['alice', password, 'docker-config']);
  });

  it('creates the directory (0700) and the file (0600) when there are none, and keeps an identity token as the CLI does', async () => {
    await store.store({ registry: 'ghcr.io', username: 'carol', kind: 'identity-token', secret: new Secret('refresh-token') });
    expect((await stat(dockerDir)).mode & 0o777).toBe(0o700);
    expect((await stat(configFile())).mode & 0o777).toBe(0o600);
    expect(await readConfig()).toEqual({ auths: { 'ghcr.io': { auth: Buffer.from('carol:').toString('base64'), identitytoken: 'refresh-token' } } });
    const found = await store.get('ghcr.io');
    expect(found !== null && !('problem' in found) ? [found.username, found.kind, found.secret.reveal()] : found).toEqual(['carol', 'identity-token', 'refresh-token']);
  });

  it('writes through a symlinked config.json to its target, keeping the link', async () => {
    const real = path.join(home, 'dotfiles', 'docker.json');
    await mkdir(path.dirname(real), { recursive: true });
    await writeFile(real, '{"psFormat":"x"}');
    await mkdir(dockerDir, { recursive: true });
    await symlink(real, configFile());
    await store.store(login('127.0.0.1:5000'));
    expect((await lstat(configFile())).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(real, 'utf8'))).toMatchObject({ psFormat: 'x', auths: { '127.0.0.1:5000': {} } });
  });

  it('erases the login under every form of the registry, and says when there was none', async () => {
    await mkdir(dockerDir, { recursive: true });
    await writeFile(configFile(), JSON.stringify({ auths: { '127.0.0.1:5000': { auth: 'YTpi' }, 'http://127.0.0.1:5000/v2/': { auth: 'YTpi' }, 'other:1': { auth: 'YTpi' } }, psFormat: 'x' }));
    expect(await store.erase('127.0.0.1:5000')).toBe(true);
    expect(await readConfig()).toEqual({ auths: { 'other:1': { auth: 'YTpi' } }, psFormat: 'x' });
    expect(await store.erase('127.0.0.1:5000')).toBe(false);
  });

  it('two stores at once both land', async () => {
    await Promise.all([store.store(login('a.example.com')), store.store(login('b.example.com')), store.store(login('c.example.com'))]);
    expect(Object.keys((await readConfig()).auths as object).sort()).toEqual(['a.example.com', 'b.example.com', 'c.example.com']);
  });

  it('never overwrites a file it cannot read as JSON, and says so without quoting it', async () => {
    await mkdir(dockerDir, { recursive: true });
    const broken = `{"auths": {"x": {"auth": "${Buffer.from(`bob:${password}`).toString('base64')}"}},`;
    await writeFile(configFile(), broken);
    const error = await store.store(login('127.0.0.1:5000')).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(BerthError);
    expect((error as BerthError).message).toBe(`${configFile()} is not valid JSON, so its logins cannot be read or changed; fix or move it (docker itself refuses it too).`);
    expect(await readFile(configFile(), 'utf8')).toBe(broken);
  });

  it('lists its logins by key, and names an entry it cannot read', async () => {
    await mkdir(dockerDir, { recursive: true });
    await writeFile(configFile(), JSON.stringify({ auths: { 'https://127.0.0.1:5000': { auth: 'YTpi' }, 'https://index.docker.io/v1/': {}, 'bad.example.com': { auth: '!!' } } }));
    expect(await store.list()).toEqual({
      accounts: [{ registry: '127.0.0.1:5000', username: 'a', store: 'docker-config' }],
      problems: [`${configFile()}: auths["bad.example.com"].auth is not base64 of "user:password"`],
    });
  });

  it("offers docker login's warning with the file's path", () => {
    expect(store.warning()).toBe(unencryptedWarning(configFile()));
    expect(store.warning()).toBe(`WARNING! Your credentials are stored unencrypted in '${configFile()}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/`);
  });
});
