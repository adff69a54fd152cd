/**
 * The shapes a registry login takes inside the backend, and the one shape that may leave it.
 *
 * A password or token is held in a `Secret`: every way JavaScript turns a value into text
 * (`JSON.stringify`, `String`, a template literal, `util.inspect`, `console.log`, structured
 * clone over IPC) gives a placeholder, so a credential that ends up in a log line, an error or a
 * wire frame by mistake shows `[secret]` and not the secret. Only `reveal()` gives the text, and
 * only code that hands it to a registry, an engine or a store calls it.
 */

const placeholder = '[secret]';

export class Secret {
  // A private field: not an own property, so neither enumeration, JSON nor structured clone sees it.
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  /** The secret itself: only for the registry, the engine's `X-Registry-Auth`, or a store. */
  reveal(): string {
    return this.#text;
  }

  get isEmpty(): boolean {
    return this.#text.length === 0;
  }

  toString(): string {
    return placeholder;
  }

  toJSON(): string {
    return placeholder;
  }

  [Symbol.toPrimitive](): string {
    return placeholder;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return placeholder;
  }
}

/** Where a login is kept. */
export type CredentialStoreKind =
  /** A docker credential helper (`docker-credential-NAME`) named by `credHelpers` or `credsStore`. */
  | 'helper'
  /** Berth's file of secrets encrypted by the OS keychain (Electron's `safeStorage`). */
  | 'keychain'
  /** Berth's memory: gone when Berth quits. */
  | 'session'
  /** The docker CLI's `config.json`, `auths` (base64 of `user:password`, unencrypted). */
  | 'docker-config';

/**
 * What the renderer, logs and `berth api` may know about a login: "signed in to REGISTRY as
 * USERNAME, kept in STORE". `secret?: never` makes the compiler refuse a credential where an
 * account is expected, so the secret cannot ride along by structural typing.
 */
export interface RegistryAccount {
  /** The registry as the docker CLI keys its logins: `host[:port]`, or `https://index.docker.io/v1/` for Docker Hub. */
  registry: string;
  /** Null when the login is an identity token whose store does not keep the user's name (a helper's `<token>`). */
  username: string | null;
  store: CredentialStoreKind;
  /** The helper's name (`docker-credential-NAME` without the prefix) when `store` is `helper`. */
  helper?: string;
  secret?: never;
}

/**
 * A password for HTTP Basic and token requests, or an identity token (an OAuth refresh token the
 * registry's token server accepts instead of a password; `<token>` as the user in the helpers).
 */
export type SecretKind = 'password' | 'identity-token';

/** A login as the backend uses it. Never sent anywhere but to the registry, the engine or a store. */
export interface RegistryCredential {
  registry: string;
  username: string | null;
  kind: SecretKind;
  secret: Secret;
  store: CredentialStoreKind;
  helper?: string;
}

/** Only the parts of a credential that may leave the backend. */
export function accountOf(credential: RegistryCredential): RegistryAccount {
  const account: RegistryAccount = { registry: credential.registry, username: credential.username, store: credential.store };
  if (credential.helper !== undefined) account.helper = credential.helper;
  return account;
}
