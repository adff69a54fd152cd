import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BerthError } from '../../api/index.js';
import { keychainFilePath, KeychainStore, type StringEncryptor } from './keychain-store.js';
import { Secret } from './secret.js';

const password = 'keychain-secret-never-in-the-file';

/** Stands in for safeStorage: a reversible scrambling with a marker, so a foreign blob fails to decrypt. */
function fakeEncryptor(): StringEncryptor & { available: boolean } {
  const marker = Buffer.from('v10');
  return {
    available: true,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString: (plain) => Buffer.concat([marker, Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)]),
    decryptString: (encrypted) => {
      if (!encrypted.subarray(0, 3).equals(marker)) throw new Error(`Error while decrypting the ciphertext ${encrypted.toString('hex')}`);
      return Buffer.from(encrypted.subarray(3).map((byte) => byte ^ 0x5a)).toString('utf8');
    },
  };
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-creds-keychain-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const login = (registry: string) => ({ registry, username: 'alice', kind: 'password' as const, secret: new Secret(password) });

describe("Berth's keychain store", () => {
  it('keeps the secret encrypted in a 0600 file in the data directory and gives it back', async () => {
    const store = new KeychainStore(dataDir, fakeEncryptor());
    await store.store(login('127.0.0.1:5000'));
    const text = await readFile(keychainFilePath(dataDir), 'utf8');
    expect(text).not.toContain(password);
    expect(text).not.toContain(Buffer.from(password).toString('base64'));
    expect(JSON.parse(text)).toMatchObject({ version: 1, credentials: { '127.0.0.1:5000': { username: 'alice', kind: 'password' } } });
    expect((await stat(keychainFilePath(dataDir))).mode & 0o777).toBe(0o600);
    expect(await readdir(dataDir)).toEqual(['registry-credentials.json']);

    const found = await new KeychainStore(dataDir, fakeEncryptor()).get('127.0.0.1:5000');
    expect(found !== null && !('problem' in found) ? [found.username, found.kind, found.secret.reveal(), found.store] : found).toEqual(['alice', 'password', password, 'keychain']);
    expect(await store.list()).toEqual([{ registry: '127.0.0.1:5000', username: 'alice', store: 'keychain' }]);
    expect(await store.erase('127.0.0.1:5000')).toBe(true);
    expect(await store.get('127.0.0.1:5000')).toBeNull();
    expect(await store.erase('127.0.0.1:5000')).toBe(false);
  });

  it('refuses to store when the keychain is not available, and writes nothing', async () => {
    const encryptor = fakeEncryptor();
    encryptor.available = false;
    const store = new KeychainStore(dataDir, encryptor);
    const error = await store.store(login('127.0.0.1:5000')).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(BerthError);
    expect((error as BerthError).message).toBe('The OS keychain is not available, so Berth cannot keep the login encrypted.');
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('a blob the keychain cannot decrypt is a problem naming the registry, not the keychain\'s words', async () => {
    await writeFile(keychainFilePath(dataDir), JSON.stringify({ version: 1, credentials: { '127.0.0.1:5000': { username: 'alice', kind: 'password', encrypted: Buffer.from('foreign').toString('base64') } } }));
    const found = await new KeychainStore(dataDir, fakeEncryptor()).get('127.0.0.1:5000');
    expect(found).toEqual({ problem: `The login for 127.0.0.1:5000 kept in Berth's keychain file (${keychainFilePath(dataDir)}) cannot be decrypted: the OS keychain refused (was it written by another user or machine?). Sign in again.` });
  });

  it('sets a corrupt file aside with the reason and carries on empty', async () => {
    await writeFile(keychainFilePath(dataDir), '{"version": 1, "credentials": {"x": {"username": "a", "kind": "password", "encrypted": 5}}}');
    const store = new KeychainStore(dataDir, fakeEncryptor(), () => new Date('2026-05-01T10:00:00Z'));
    expect(await store.list()).toEqual([]);
    const setAside = `${keychainFilePath(dataDir)}.unreadable-2026-05-01T10-00-00-000Z`;
    expect(store.problems()).toEqual([`${keychainFilePath(dataDir)} could not be read (credentials.x.encrypted: Invalid input: expected string, received number); it was set aside as ${setAside}, and its logins must be signed in again.`]);
    expect(await readdir(dataDir)).toEqual([path.basename(setAside)]);
    await store.store(login('127.0.0.1:5000'));
    expect(await store.list()).toEqual([{ registry: '127.0.0.1:5000', username: 'alice', store: 'keychain' }]);
  });
});
