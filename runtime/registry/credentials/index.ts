import os from 'node:os';
import { BerthError } from '../../api/index.js';
import { CredentialHelper, type HelperOptions } from './credential-helper.js';
import { dockerConfigFile, helperFor, readDockerConfig, type DockerConfig, type DockerConfigLocation } from './docker-config.js';
import { DockerConfigStore } from './docker-config-store.js';
import { KeychainStore, type StringEncryptor } from './keychain-store.js';
import { registryKey } from './registry-key.js';
import { accountOf, type CredentialStoreKind, type RegistryAccount, type RegistryCredential, type Secret, type SecretKind } from './secret.js';
import { SessionStore } from './session-store.js';

/**
 * Where registry logins are kept and found: the user's docker credential helpers, the docker
 * CLI's `config.json`, the OS keychain (through Electron's `safeStorage`) and "this session only".
 *
 * New logins go where the docker CLI would put them when it has a helper for the registry
 * (`credHelpers`, else `credsStore`); else, in the desktop app, into the OS keychain; else the
 * user chooses between this session and the docker CLI's file (with `docker login`'s warning).
 *
 * A login is found in this order, the first that has one wins:
 * 1. this session's sign-ins (the user's latest choice, made in this very run of Berth);
 * 2. the registry's credential helper (where the docker CLI looks, and where Berth puts logins
 *    when there is one);
 * 3. Berth's keychain file (Berth's own sign-ins where no helper was configured);
 * 4. the docker CLI's `auths` (logins `docker login` made without a helper).
 * Berth's own stores come before the docker CLI's file so that signing in again in Berth takes
 * effect even when the file holds an older password for the same registry.
 *
 * Secrets stay inside: results carry `Secret`s (which print as `[secret]`), what may go to the
 * renderer is a `RegistryAccount`, and every message and problem is written without them.
 */

export { Secret, accountOf, type CredentialStoreKind, type RegistryAccount, type RegistryCredential, type SecretKind } from './secret.js';
export { dockerHubKey, registryKey } from './registry-key.js';
export type { StringEncryptor } from './keychain-store.js';

export interface CredentialsOptions {
  /** `DOCKER_CONFIG` picks the docker CLI's directory; the helpers run with this environment (PATH finds them). */
  env?: NodeJS.ProcessEnv;
  /** Where `~/.docker` is when `DOCKER_CONFIG` is unset. */
  homeDir?: string;
  /** Berth's data directory, for the keychain store's file. */
  dataDir: string;
  /** Electron's `safeStorage` (see electron/keychain.ts); absent outside the desktop app. */
  encryptor?: StringEncryptor;
  /** How long one helper action may take (default 30 s). */
  helperTimeoutMs?: number;
}

/** The two stores a user chooses between when there is neither a helper nor a keychain. */
export type KeepChoice = 'session' | 'docker-config';

/** Where a new login for a registry goes unless the user picks "this session only". */
export type Destination =
  | { store: 'helper'; helper: string }
  | { store: 'keychain' }
  /** No helper, no keychain: the user chooses; `warning` is `docker login`'s, for the docker CLI's file. */
  | { store: 'choice'; choices: KeepChoice[]; warning: string };

export interface NewLogin {
  /** A host, `host:port` or URL; kept under the docker CLI's key for it. */
  registry: string;
  /** Required for a password; may be null for an identity token. */
  username: string | null;
  secret: Secret;
  /** Default `password`. */
  kind?: SecretKind;
  /** `session` is always allowed; `docker-config` only where the destination is the user's choice. */
  keepIn?: KeepChoice;
}

export interface StoredLogin {
  account: RegistryAccount;
  /** `docker login`'s warning, when the login went into the docker CLI's file. */
  warning?: string;
}

export interface CredentialLookup {
  /** The login to use, or null: go anonymously. */
  credential: RegistryCredential | null;
  /** Why a store could not be asked (a helper that failed, a file that could not be read); no secrets. */
  problems: string[];
}

const maxSecretLength = 64 * 1024;

export class RegistryCredentials {
  private readonly location: DockerConfigLocation;
  private readonly session = new SessionStore();
  private readonly dockerFile: DockerConfigStore;
  private readonly keychain: KeychainStore | null;
  private readonly helperOptions: HelperOptions;

  constructor(options: CredentialsOptions) {
    const env = options.env ?? process.env;
    this.location = { env, homeDir: options.homeDir ?? os.homedir() };
    this.dockerFile = new DockerConfigStore(this.location);
    this.keychain = options.encryptor === undefined ? null : new KeychainStore(options.dataDir, options.encryptor);
    this.helperOptions = { env, timeoutMs: options.helperTimeoutMs };
  }

  /** The docker CLI's `config.json` these stores read and write (`DOCKER_CONFIG` respected). */
  get dockerConfigFile(): string {
    return dockerConfigFile(this.location);
  }

  /** Where a new login for `registry` goes (throws `invalid_argument` for a registry that is no host, or a config.json that cannot be read). */
  async destination(registry: string): Promise<Destination> {
    return (await this.plan(registryKey(registry))).destination;
  }

  /**
   * Keeps a login the user typed (after the registry accepted it: checking it is the caller's
   * job). An older login for the same registry in Berth's own stores is removed where it would
   * be found first, so the new one is what `find` gives.
   */
  async store(login: NewLogin, signal?: AbortSignal): Promise<StoredLogin> {
    const key = registryKey(login.registry);
    const kind = login.kind ?? 'password';
    const username = checkUsername(login.username, kind);
    checkSecret(login.secret);
    const value = { registry: key, username, kind, secret: login.secret };
    // "This session only" is always allowed, and needs nothing from config.json.
    const { target, helper } = login.keepIn === 'session' ? { target: 'session' as const, helper: null } : await this.target(key, login.keepIn);

    if (target === 'session') this.session.store(value);
    else if (target === 'docker-config') await this.dockerFile.store(value);
    else if (target === 'keychain' && this.keychain !== null) await this.keychain.store(value);
    else if (target === 'helper' && helper !== null) await helper.store(value, signal);
    const helperName = target === 'helper' ? helper?.name : undefined;

    // An older login in Berth's own stores that would be found before this one, or would linger
    // under a new persistent one, goes. A sign-in for this session only leaves the kept one be.
    if (target !== 'session') this.session.erase(key);
    if ((target === 'helper' || target === 'docker-config') && this.keychain !== null) {
      try {
        await this.keychain.erase(key);
      } catch (error) {
        throw new BerthError('conflict', `The login was kept (${describeStore(target, helperName)}), but an older one in Berth's keychain file could not be removed: ${(error as Error).message}`, { registry: key });
      }
    }
    const account = accountOf({ ...value, store: target, ...(helperName === undefined ? {} : { helper: helperName }) });
    return target === 'docker-config' ? { account, warning: this.dockerFile.warning() } : { account };
  }

  /** The login to use for `registry`, by the order above. */
  async find(registry: string, signal?: AbortSignal): Promise<CredentialLookup> {
    const key = registryKey(registry);
    const problems: string[] = [];
    const inSession = this.session.get(key);
    if (inSession !== null) return { credential: inSession, problems };

    const config = await this.readConfig(problems);
    const helperName = config === null ? null : helperFor(config, key);
    if (helperName !== null) {
      try {
        const found = await new CredentialHelper(helperName.helper, helperName.origin, this.helperOptions).get(key, signal);
        if (found !== null) return { credential: found, problems };
      } catch (error) {
        if (isCancelled(error)) throw error;
        problems.push((error as Error).message);
      }
    }
    if (this.keychain !== null) {
      const found = await this.keychain.get(key).catch((error: unknown) => ({ problem: (error as Error).message }));
      problems.push(...this.keychain.problems());
      if (found !== null && 'problem' in found) problems.push(found.problem);
      else if (found !== null) return { credential: found, problems };
    }
    if (config !== null) {
      const found = await this.dockerFile.get(key).catch((error: unknown) => ({ problem: (error as Error).message }));
      if (found !== null && 'problem' in found) problems.push(found.problem);
      else if (found !== null) return { credential: found, problems };
    }
    return { credential: null, problems };
  }

  /** Every registry with a login, each with the account `find` would use; no secret is read to list them. */
  async accounts(signal?: AbortSignal): Promise<{ accounts: RegistryAccount[]; problems: string[] }> {
    const problems: string[] = [];
    const found = new Map<string, RegistryAccount>();
    const add = (accounts: RegistryAccount[]) => {
      for (const account of accounts) if (!found.has(account.registry)) found.set(account.registry, account);
    };
    add(this.session.list());

    const config = await this.readConfig(problems);
    if (config !== null) {
      // Each helper named in the file lists its logins once; a login counts where the helper is the one for its registry.
      const helpers = new Map<string, string>();
      if (config.credsStore !== null) helpers.set(config.credsStore, `credsStore in ${config.file}`);
      for (const [registry, helper] of config.credHelpers) if (!helpers.has(helper)) helpers.set(helper, `credHelpers[${JSON.stringify(registry)}] in ${config.file}`);
      for (const [name, origin] of helpers) {
        try {
          const listed = await new CredentialHelper(name, origin, this.helperOptions).list(signal);
          add(listed.filter((account) => helperFor(config, account.registry)?.helper === name));
        } catch (error) {
          if (isCancelled(error)) throw error;
          problems.push((error as Error).message);
        }
      }
    }
    if (this.keychain !== null) {
      try {
        add(await this.keychain.list());
      } catch (error) {
        problems.push((error as Error).message);
      }
      problems.push(...this.keychain.problems());
    }
    if (config !== null) {
      const listed = await this.dockerFile.list();
      add(listed.accounts);
      problems.push(...listed.problems);
    }
    return { accounts: [...found.values()].sort((a, b) => a.registry.localeCompare(b.registry)), problems };
  }

  /**
   * Signs out of `registry` everywhere Berth can see a login for it: this session, the
   * registry's helper, Berth's keychain file and the docker CLI's file (so the docker CLI is
   * signed out too, as `docker logout` does). Says where a login was removed and what failed.
   */
  async erase(registry: string, signal?: AbortSignal): Promise<{ erasedFrom: CredentialStoreKind[]; problems: string[] }> {
    const key = registryKey(registry);
    const erasedFrom: CredentialStoreKind[] = [];
    const problems: string[] = [];
    if (this.session.erase(key)) erasedFrom.push('session');
    const config = await this.readConfig(problems);
    const helper = config === null ? null : helperFor(config, key);
    if (helper !== null) {
      try {
        if (await new CredentialHelper(helper.helper, helper.origin, this.helperOptions).erase(key, signal)) erasedFrom.push('helper');
      } catch (error) {
        if (isCancelled(error)) throw error;
        problems.push((error as Error).message);
      }
    }
    if (this.keychain !== null) {
      try {
        if (await this.keychain.erase(key)) erasedFrom.push('keychain');
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    if (config !== null) {
      try {
        if (await this.dockerFile.erase(key)) erasedFrom.push('docker-config');
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    return { erasedFrom, problems };
  }

  private async readConfig(problems: string[]): Promise<DockerConfig | null> {
    try {
      return await readDockerConfig(this.location);
    } catch (error) {
      problems.push((error as Error).message);
      return null;
    }
  }

  private async target(key: string, keepIn: 'docker-config' | undefined): Promise<{ target: CredentialStoreKind; helper: CredentialHelper | null }> {
    const { destination, helper } = await this.plan(key);
    if (keepIn === 'docker-config') {
      if (destination.store === 'choice') return { target: 'docker-config', helper: null };
      const why = destination.store === 'helper' ? `the docker CLI keeps logins for ${key} in docker-credential-${destination.helper}, and ignores its file's` : 'Berth keeps logins encrypted in the OS keychain here';
      throw new BerthError('invalid_argument', `keepIn "docker-config" is not offered: ${why}. Choose "session" or leave keepIn out.`, { field: 'keepIn' });
    }
    if (destination.store === 'choice') {
      throw new BerthError('invalid_argument', `keepIn is required: there is no credential helper or OS keychain here, so choose "session" (until Berth quits) or "docker-config" (the docker CLI's file, unencrypted).`, { field: 'keepIn' });
    }
    return { target: destination.store, helper };
  }

  /** Where a new login for `key` goes by the rule above, and the helper that would keep it. */
  private async plan(key: string): Promise<{ destination: Destination; helper: CredentialHelper | null }> {
    const found = helperFor(await readDockerConfig(this.location), key);
    if (found !== null) return { destination: { store: 'helper', helper: found.helper }, helper: new CredentialHelper(found.helper, found.origin, this.helperOptions) };
    if (this.keychain !== null && (await this.keychain.isAvailable())) return { destination: { store: 'keychain' }, helper: null };
    return { destination: { store: 'choice', choices: ['session', 'docker-config'], warning: this.dockerFile.warning() }, helper: null };
  }
}

function checkUsername(username: string | null, kind: SecretKind): string | null {
  const fail = (why: string) => new BerthError('invalid_argument', `username ${why}.`, { field: 'username' });
  if (username === null || username === '') {
    if (kind === 'identity-token') return null;
    throw fail('is required with a password');
  }
  if (username.length > 256) throw fail('is longer than 256 characters');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(username)) throw fail('holds a control character');
  if (username.includes(':')) throw fail(`cannot hold ":" (HTTP Basic and the docker CLI's file split the user from the password at the first ":")`);
  if (username === '<token>') throw fail('"<token>" is how credential helpers mark an identity token; send the token with kind "identity-token"');
  return username;
}

function checkSecret(secret: Secret): void {
  const text = secret.reveal();
  const fail = (why: string) => new BerthError('invalid_argument', `secret ${why}.`, { field: 'secret' });
  if (text === '') throw fail('is empty');
  if (text.length > maxSecretLength) throw fail('is longer than 64 KiB');
  if (text.includes('\u0000')) throw fail('holds a NUL character');
}

function describeStore(store: CredentialStoreKind, helper: string | undefined): string {
  if (store === 'helper') return `in docker-credential-${helper ?? '?'}`;
  if (store === 'docker-config') return "in the docker CLI's file";
  return store === 'keychain' ? "in Berth's keychain file" : 'for this session';
}

function isCancelled(error: unknown): boolean {
  return error instanceof BerthError && error.code === 'cancelled';
}
