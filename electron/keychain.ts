import type { SafeStorage } from 'electron';
import type { StringEncryptor } from '../runtime/registry/credentials/index.js';

/**
 * Electron's `safeStorage` as the encryptor of Berth's keychain store
 * (runtime/registry/credentials/keychain-store.ts). Only types come from Electron, so the policy
 * below is unit-tested with a stand-in.
 */

export type SafeStorageParts = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

export function keychainEncryptor(safeStorage: SafeStorageParts, platform: NodeJS.Platform = process.platform): StringEncryptor {
  return {
    async isEncryptionAvailable() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
      // On Linux without a keyring (or before `ready`), safeStorage encrypts with a key written in
      // Chromium itself: no safer than the docker CLI's plain file, so it does not count as a keychain.
      if (platform !== 'linux') return true;
      const backend = safeStorage.getSelectedStorageBackend();
      return backend !== 'basic_text' && backend !== 'unknown';
    },
    encryptString: (plainText) => safeStorage.encryptStringAsync(plainText),
    decryptString: async (encrypted) => (await safeStorage.decryptStringAsync(encrypted)).result,
  };
}
