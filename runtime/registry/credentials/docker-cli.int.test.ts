import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTestEnv } from '../../../scripts/test-env-info.js';
import { RegistryCredentials, Secret } from './index.js';
import { writeFakeHelper } from './testing/fake-helper.js';

// Berth and the real docker CLI share logins: each finds, uses and removes what the other kept,
// in config.json's auths and through a credential helper. `docker login` checks a login through
// the engine against the test environment's registry (which takes any user), so the CLI
// answering "Authenticating with existing credentials... [Username: X]" shows it read X's login
// from where Berth kept it.

const env = readTestEnv();
const registry = env.registry;
let root: string;
let dockerConfig: string;
let binDir: string;
let childEnv: NodeJS.ProcessEnv;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'berth-creds-cli-'));
  dockerConfig = path.join(root, 'docker');
  binDir = path.join(root, 'bin');
  await Promise.all([mkdir(dockerConfig), mkdir(binDir)]);
  childEnv = { ...process.env, DOCKER_HOST: env.engineUrl, DOCKER_CONFIG: dockerConfig, PATH: `${binDir}:${process.env.PATH ?? ''}` };
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The docker CLI with the test's config directory and PATH; stdin is `input` (closed at once when absent, as in a script). */
function docker(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('docker', args, { env: childEnv }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

const credentials = () => new RegistryCredentials({ env: childEnv, homeDir: root, dataDir: path.join(root, 'data') });
const configJson = async () => JSON.parse(await readFile(path.join(dockerConfig, 'config.json'), 'utf8')) as Record<string, unknown>;

async function loginOf(store: RegistryCredentials) {
  const { credential, problems } = await store.find(registry);
  expect(problems).toEqual([]);
  return credential === null ? null : { username: credential.username, secret: credential.secret.reveal(), store: credential.store };
}

describe('logins shared with the docker CLI', () => {
  it("Berth finds what docker login kept in config.json, and offers the very warning docker login printed", async () => {
    const login = await docker(['login', registry, '-u', 'alice', '--password-stdin'], 'cli-password-1');
    expect(login.stdout).toContain('Login Succeeded');
    const store = credentials();
    expect(await loginOf(store)).toEqual({ username: 'alice', secret: 'cli-password-1', store: 'docker-config' });
    const destination = await store.destination(registry);
    expect(destination.store).toBe('choice');
    expect(login.stderr).toContain(destination.store === 'choice' ? destination.warning : '(no warning)');
  });

  it('the docker CLI uses and removes a login Berth kept in its file, and the file keeps its other keys', async () => {
    await writeFile(path.join(dockerConfig, 'config.json'), JSON.stringify({ psFormat: 'table {{.Names}}', detachKeys: 'ctrl-e,e' }));
    await credentials().store({ registry: `http://${registry}/v2/`, username: 'bob', secret: new Secret('berth-password-2'), keepIn: 'docker-config' });

    // Without -u and with no terminal, the CLI can only go on with a login it finds.
    const login = await docker(['login', registry]);
    expect(login.code).toBe(0);
    expect(login.stdout + login.stderr).toContain('Authenticating with existing credentials... [Username: bob]');

    const logout = await docker(['logout', registry]);
    expect(logout.stdout).toContain(`Removing login credentials for ${registry}`);
    expect(await configJson()).toEqual({ auths: {}, psFormat: 'table {{.Names}}', detachKeys: 'ctrl-e,e' });
    expect(await loginOf(credentials())).toBeNull();
  });

  it('with credsStore, both keep logins through the same helper: each finds, uses and erases what the other stored', async () => {
    const helper = await writeFakeHelper(binDir, 'test');
    await writeFile(path.join(dockerConfig, 'config.json'), JSON.stringify({ credsStore: 'test' }));

    // docker login -> the helper -> Berth.
    const login = await docker(['login', registry, '-u', 'carol', '--password-stdin'], 'cli-password-3');
    expect(login.stdout).toContain('Login Succeeded');
    expect(login.stderr).not.toContain('unencrypted');
    expect(await helper.stored()).toEqual({ [registry]: { Username: 'carol', Secret: 'cli-password-3' } });
    expect(await loginOf(credentials())).toEqual({ username: 'carol', secret: 'cli-password-3', store: 'helper' });

    // Berth -> the helper -> docker login, then docker logout erases it for Berth too.
    const stored = await credentials().store({ registry, username: 'dave', secret: new Secret('berth-password-4') });
    expect(stored.account).toEqual({ registry, username: 'dave', store: 'helper', helper: 'test' });
    const again = await docker(['login', registry]);
    expect(again.stdout + again.stderr).toContain('Authenticating with existing credentials... [Username: dave]');
    expect(JSON.stringify(await configJson())).not.toContain('berth-password-4');
    await docker(['logout', registry]);
    expect(await helper.stored()).toEqual({});
    expect(await loginOf(credentials())).toBeNull();

    // Berth's sign-out erases what docker login kept.
    await docker(['login', registry, '-u', 'erin', '--password-stdin'], 'cli-password-5');
    expect(await credentials().erase(registry)).toMatchObject({ erasedFrom: expect.arrayContaining(['helper']) as unknown, problems: [] });
    expect(await helper.stored()).toEqual({});
    const after = await docker(['login', registry]);
    expect(after.code).not.toBe(0);
  });
});
