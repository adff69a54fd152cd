import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BerthError } from '../../api/index.js';
import { Secret, type RegistryAccount, type RegistryCredential } from './secret.js';

/**
 * Logins kept by Berth with their secrets encrypted by the OS keychain: in the desktop app,
 * Electron's `safeStorage` (Keychain on macOS, DPAPI on Windows, libsecret or KWallet on Linux)
 * encrypts each secret, and the encrypted bytes are kept in `<data dir>/registry-credentials.json`
 * beside the registry and user (which are not secret). The encryptor comes in, so this store is
 * plain Node and unit-tested; `electron/keychain.ts` adapts `safeStorage` to it.
 */

/** The part of Electron's `safeStorage` this store needs (its sync or async methods both fit). */
export interface StringEncryptor {
  isEncryptionAvailable(): boolean | Promise<boolean>;
  encryptString(plainText: string): Buffer | Promise<Buffer>;
  decryptString(encrypted: Buffer): string | Promise<string>;
}

const entrySchema = z.strictObject({
  username: z.string().min(1).nullable(),
  kind: z.enum(['password', 'identity-token']),
  /** The secret as `safeStorage` encrypted it, base64. */
  encrypted: z.base64().min(1),
});
const fileSchema = z.strictObject({
  version: z.literal(1),
  credentials: z.record(z.string().min(1), entrySchema),
});
type KeychainFile = z.output<typeof fileSchema>;

export function keychainFilePath(dataDir: string): string {
  return path.join(dataDir, 'registry-credentials.json');
}

export class KeychainStore {
  readonly file: string;
  private writing: Promise<unknown> = Promise.resolve();
  /** Set when the file existed but could not be used and was set aside; reported with every lookup. */
  private setAside: string | null = null;

  constructor(
    dataDir: string,
    private readonly encryptor: StringEncryptor,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = keychainFilePath(dataDir);
  }

  async isAvailable(): Promise<boolean> {
    try {
      return await this.encryptor.isEncryptionAvailable();
    } catch {
      return false;
    }
  }

  /** Problems met reading the file, without secrets. */
  problems(): string[] {
    return this.setAside === null ? [] : [this.setAside];
  }

  async get(key: string): Promise<RegistryCredential | { problem: string } | null> {
    const entry = (await this.read()).credentials[key];
    if (entry === undefined) return null;
    const cannot = `The login for ${key} kept in Berth's keychain file (${this.file}) cannot be decrypted`;
    if (!(await this.isAvailable())) return { problem: `${cannot}: the OS keychain is not available.` };
    let secret: string;
    try {
      secret = await this.encryptor.decryptString(Buffer.from(entry.encrypted, 'base64'));
    } catch {
      // The keychain's own message is left out: it is not ours to vouch for.
      return { problem: `${cannot}: the OS keychain refused (was it written by another user or machine?). Sign in again.` };
    }
    return { registry: key, username: entry.username, kind: entry.kind, secret: new Secret(secret), store: 'keychain' };
  }

  async list(): Promise<RegistryAccount[]> {
    const file = await this.read();
    return Object.entries(file.credentials).map(([registry, entry]) => ({ registry, username: entry.username, store: 'keychain' }));
  }

  store(login: { registry: string; username: string | null; kind: 'password' | 'identity-token'; secret: Secret }): Promise<void> {
    return this.change(async (file) => {
      if (!(await this.isAvailable())) throw new BerthError('conflict', 'The OS keychain is not available, so Berth cannot keep the login encrypted.', { store: 'keychain' });
      let encrypted: Buffer;
      try {
        encrypted = await this.encryptor.encryptString(login.secret.reveal());
      } catch {
        throw new BerthError('conflict', 'The OS keychain refused to encrypt the login.', { store: 'keychain' });
      }
      file.credentials[login.registry] = { username: login.username, kind: login.kind, encrypted: encrypted.toString('base64') };
      return true;
    });
  }

  async erase(key: string): Promise<boolean> {
    let erased = false;
    await this.change((file) => {
      erased = key in file.credentials;
      delete file.credentials[key];
      return erased;
    });
    return erased;
  }

  private change(edit: (file: KeychainFile) => boolean | Promise<boolean>): Promise<void> {
    const next = this.writing.then(async () => {
      const file = await this.read();
      if (!(await edit(file))) return;
      await mkdir(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, this.file);
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** The file through its schema; a file that does not pass is set aside (with the reason) and read as empty. */
  private async read(): Promise<KeychainFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, credentials: {} };
      throw new BerthError('conflict', `${this.file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { file: this.file });
    }
    let reason: string;
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0];
      reason = `${issue?.path.join('.') || '(file)'}: ${issue?.message ?? 'invalid'}`;
    } catch {
      reason = 'not JSON';
    }
    const setAsideAs = `${this.file}.unreadable-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.file, setAsideAs);
    this.setAside = `${this.file} could not be read (${reason}); it was set aside as ${setAsideAs}, and its logins must be signed in again.`;
    return { version: 1, credentials: {} };
  }
}
