import { describe, expect, it } from 'vitest';
import { keychainEncryptor, type SafeStorageParts } from './keychain.js';

function standIn(available: boolean, backend: ReturnType<SafeStorageParts['getSelectedStorageBackend']>): SafeStorageParts {
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: (plainText) => Promise.resolve(Buffer.from(`sealed:${plainText}`)),
    decryptStringAsync: (encrypted) => Promise.resolve({ result: encrypted.toString().replace(/^sealed:/, ''), shouldReEncrypt: false }),
  };
}

describe("safeStorage as the keychain store's encryptor", () => {
  it('counts as a keychain where Electron has one', async () => {
    expect(await keychainEncryptor(standIn(true, 'gnome_libsecret'), 'linux').isEncryptionAvailable()).toBe(true);
    expect(await keychainEncryptor(standIn(true, 'kwallet6'), 'linux').isEncryptionAvailable()).toBe(true);
    expect(await keychainEncryptor(standIn(true, 'unknown'), 'darwin').isEncryptionAvailable()).toBe(true);
    expect(await keychainEncryptor(standIn(false, 'gnome_libsecret'), 'linux').isEncryptionAvailable()).toBe(false);
  });

  it("does not count Linux's fallback key (no keyring) as a keychain", async () => {
    expect(await keychainEncryptor(standIn(true, 'basic_text'), 'linux').isEncryptionAvailable()).toBe(false);
    expect(await keychainEncryptor(standIn(true, 'unknown'), 'linux').isEncryptionAvailable()).toBe(false);
  });

  it('encrypts and decrypts through the async calls', async () => {
    const encryptor = keychainEncryptor(standIn(true, 'gnome_libsecret'), 'linux');
    const sealed = await encryptor.encryptString('pw');
    expect(sealed.toString()).toBe('sealed:pw');
    expect(await encryptor.decryptString(sealed)).toBe('pw');
  });
});
