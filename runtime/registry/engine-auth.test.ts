import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryCredentials, Secret } from './credentials/index.js';
import { engineRegistryAuth } from './engine-auth.js';

let root: string;
let credentials: RegistryCredentials;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'berth-engine-auth-'));
  await mkdir(path.join(root, 'home', '.docker'), { recursive: true });
  credentials = new RegistryCredentials({ dataDir: path.join(root, 'data'), homeDir: path.join(root, 'home'), env: { PATH: process.env.PATH ?? '' } });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The header as the engine reads it: base64 with the URL alphabet and padding, then JSON. */
function decode(header: string): unknown {
  expect(header).toMatch(/^[A-Za-z0-9_-]*={0,2}$/);
  expect(header.length % 4).toBe(0);
  return JSON.parse(Buffer.from(header.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
}

describe('X-Registry-Auth for the engine', () => {
  it('is {} for a registry Berth has no login for, as the docker CLI sends', async () => {
    expect(decode(await engineRegistryAuth(credentials)('127.0.0.1:5000'))).toEqual({});
  });

  it("carries the user and password of the registry's login, with its server address", async () => {
    // A password whose base64 has `+` and `/` in the standard alphabet: the URL alphabet must be used.
    const password = 'p>?>?~~~ä';
    await credentials.store({ registry: '127.0.0.1:5000', username: 'alice', secret: new Secret(password), keepIn: 'session' });
    const header = await engineRegistryAuth(credentials)('127.0.0.1:5000');
    expect(decode(header)).toEqual({ username: 'alice', password, serveraddress: '127.0.0.1:5000' });
    // Another registry gets nothing of it.
    expect(decode(await engineRegistryAuth(credentials)('127.0.0.1:5001'))).toEqual({});
  });

  it("reads the docker CLI's own logins, and names Docker Hub as the CLI does", async () => {
    const auth = Buffer.from('bob:hub-secret').toString('base64');
    await writeFile(path.join(root, 'home', '.docker', 'config.json'), JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth } } }));
    expect(decode(await engineRegistryAuth(credentials)('docker.io'))).toEqual({ username: 'bob', password: 'hub-secret', serveraddress: 'https://index.docker.io/v1/' });
  });

  it('sends an identity token as identitytoken, not as a password', async () => {
    await credentials.store({ registry: 'registry.example', username: null, secret: new Secret('refresh-token-1'), kind: 'identity-token', keepIn: 'session' });
    expect(decode(await engineRegistryAuth(credentials)('registry.example'))).toEqual({ identitytoken: 'refresh-token-1', serveraddress: 'registry.example' });
  });
});
