import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readlink, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BerthError } from '../../api/index.js';
import { authEntryFor, dockerConfigFile, encodeAuth, isRecord, parseConfigObject, parseDockerConfig, readConfigText, type DockerConfigLocation } from './docker-config.js';
import { keyOrNull } from './registry-key.js';
import type { RegistryAccount, RegistryCredential, Secret, SecretKind } from './secret.js';

/**
 * The docker CLI's own file as a credential store, by the user's choice only: `auths[KEY]` with
 * `auth` = base64 of `user:password` (and `identitytoken` for a token), exactly what
 * `docker login` writes without a helper, so the CLI and every tool that reads its file use the
 * login. Every other key of the file (and of the entry, such as `email`) is kept as it was. The
 * file is written as the CLI writes it: tab-indented, through a temporary file renamed over the
 * real one (through a symlink to its target), keeping its mode, else 0600.
 */

/**
 * What `docker login` prints when it keeps a login in this file, for the UI to show before the
 * user chooses this store (and after, as the CLI does).
 */
export function unencryptedWarning(file: string): string {
  return `WARNING! Your credentials are stored unencrypted in '${file}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/`;
}

export interface NewLogin {
  /** The registry's key (see registry-key.ts). */
  registry: string;
  username: string | null;
  kind: SecretKind;
  secret: Secret;
}

export class DockerConfigStore {
  readonly file: string;
  // Writes to the file one at a time, so two sign-ins never lose one another's entry.
  private writing: Promise<unknown> = Promise.resolve();

  constructor(location: DockerConfigLocation) {
    this.file = dockerConfigFile(location);
  }

  warning(): string {
    return unencryptedWarning(this.file);
  }

  async get(key: string): Promise<RegistryCredential | { problem: string } | null> {
    const config = parseDockerConfig(this.file, await readConfigText(this.file));
    const found = authEntryFor(config, key);
    if (found === null) return null;
    const { entry } = found;
    if (!entry.ok) return { problem: `${this.file}: ${entry.problem}` };
    if (entry.secret === null) return null;
    return { registry: key, username: entry.username, kind: entry.kind, secret: entry.secret, store: 'docker-config' };
  }

  /** Every login the file holds, by key; entries that cannot be read are `problems`. */
  async list(): Promise<{ accounts: RegistryAccount[]; problems: string[] }> {
    const config = parseDockerConfig(this.file, await readConfigText(this.file));
    const accounts: RegistryAccount[] = [];
    const problems: string[] = [];
    for (const [fileKey, entry] of config.auths) {
      const key = keyOrNull(fileKey);
      if (!entry.ok) problems.push(`${this.file}: ${entry.problem}`);
      else if (key !== null && entry.secret !== null) accounts.push({ registry: key, username: entry.username, store: 'docker-config' });
    }
    return { accounts, problems };
  }

  store(login: NewLogin): Promise<void> {
    return this.change((auths) => {
      const previous = auths[login.registry];
      const kept: Record<string, unknown> = {};
      if (isRecord(previous)) {
        for (const [name, value] of Object.entries(previous)) {
          if (!['auth', 'username', 'password', 'identitytoken', 'registrytoken'].includes(name)) kept[name] = value;
        }
      }
      const entry: Record<string, unknown> = { ...kept };
      if (login.kind === 'password') entry.auth = encodeAuth(login.username ?? '', login.secret.reveal());
      else {
        if (login.username !== null) entry.auth = encodeAuth(login.username, '');
        entry.identitytoken = login.secret.reveal();
      }
      auths[login.registry] = entry;
      return true;
    });
  }

  /** Removes the login under the key and under every other form of the same registry; false when there was none. */
  async erase(key: string): Promise<boolean> {
    let erased = false;
    await this.change((auths) => {
      for (const fileKey of Object.keys(auths)) {
        if (fileKey === key || keyOrNull(fileKey) === key) {
          delete auths[fileKey];
          erased = true;
        }
      }
      return erased;
    });
    return erased;
  }

  /** Reads the file, lets `edit` change its `auths` (returning whether it did), and writes it back when it did. */
  private change(edit: (auths: Record<string, unknown>) => boolean): Promise<void> {
    const next = this.writing.then(async () => {
      const config = parseConfigObject(this.file, await readConfigText(this.file));
      if (config.auths !== undefined && config.auths !== null && !isRecord(config.auths)) {
        throw new BerthError('invalid_argument', `${this.file}: auths is not an object of registries, so no login can be written to it.`, { file: this.file, field: 'auths' });
      }
      const auths = isRecord(config.auths) ? config.auths : {};
      if (!edit(auths)) return;
      config.auths = auths;
      await writeAtomically(this.file, JSON.stringify(config, null, '\t'));
    });
    this.writing = next.catch(() => undefined);
    return next;
  }
}

/** Write a temporary file beside the target, then rename it over the target (a symlink's target, as the CLI does). */
async function writeAtomically(file: string, text: string): Promise<void> {
  const target = await symlinkTarget(file);
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const mode = await stat(target).then((found) => found.mode & 0o777, () => 0o600);
  const temporary = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { mode: 0o600, flag: 'wx' });
    await chmod(temporary, mode);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new BerthError('conflict', `${target} could not be written (${code}); it was left as it was.`, { file: target });
  }
}

/** The file a chain of symlinks ends at (which may not exist yet); the path itself when it is no link. */
async function symlinkTarget(file: string): Promise<string> {
  let current = file;
  for (let hops = 0; hops < 32; hops += 1) {
    const info = await lstat(current).catch(() => null);
    if (info === null || !info.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await readlink(current));
  }
  throw new BerthError('invalid_argument', `${file} is a chain of more than 32 symbolic links.`, { file });
}
