import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BerthError } from '../../api/index.js';
import { keyOrNull } from './registry-key.js';
import { Secret, type SecretKind } from './secret.js';

/**
 * Reads the docker CLI's `config.json` the way the CLI does: `$DOCKER_CONFIG/config.json`, else
 * `~/.docker/config.json`; `auths` (base64 `user:password` in `auth`, or plain `username` and
 * `password`, and `identitytoken`), `credsStore` and `credHelpers`. Read afresh for every use, so
 * a `docker login` in a shell is seen at once. Nothing read here is ever put into a message.
 */

export interface DockerConfigLocation {
  /** Only `DOCKER_CONFIG` is read. */
  env: Record<string, string | undefined>;
  homeDir: string;
}

export function dockerConfigFile(location: DockerConfigLocation): string {
  const dir = location.env.DOCKER_CONFIG || path.join(location.homeDir, '.docker');
  return path.join(dir, 'config.json');
}

/** One `auths` entry, decoded; or why it cannot be used. */
export type AuthEntry =
  | { ok: true; username: string | null; kind: SecretKind; secret: Secret }
  /** An entry with no login in it: what `docker login` leaves beside a credential helper. */
  | { ok: true; username: null; kind: null; secret: null }
  | { ok: false; problem: string };

export interface DockerConfig {
  file: string;
  /** Every `auths` entry, under the key it is written with in the file. */
  auths: Map<string, AuthEntry>;
  credsStore: string | null;
  credHelpers: Map<string, string>;
}

/** A helper's name is the end of a program name; nothing that could name another path. */
const helperNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/**
 * The config, or an empty one when the file does not exist. A file that is not JSON, or whose
 * `auths`, `credsStore` or `credHelpers` have the wrong shape, is an `invalid_argument` naming the
 * file and the field; the parser's own message is left out, as it quotes the text around the
 * fault, which may be a password.
 */
export async function readDockerConfig(location: DockerConfigLocation): Promise<DockerConfig> {
  const file = dockerConfigFile(location);
  const text = await readConfigText(file);
  return parseDockerConfig(file, text);
}

export async function readConfigText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new BerthError('invalid_argument', `${file} could not be read (${code ?? 'error'}).`, { file });
  }
}

/** The file's top-level object; null text (no file) is an empty object. */
export function parseConfigObject(file: string, text: string | null): Record<string, unknown> {
  if (text === null || text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BerthError('invalid_argument', `${file} is not valid JSON, so its logins cannot be read or changed; fix or move it (docker itself refuses it too).`, { file });
  }
  if (!isRecord(parsed)) throw new BerthError('invalid_argument', `${file} does not hold a JSON object.`, { file });
  return parsed;
}

export function parseDockerConfig(file: string, text: string | null): DockerConfig {
  const raw = parseConfigObject(file, text);
  const fieldError = (field: string, why: string) => new BerthError('invalid_argument', `${file}: ${field} ${why}.`, { file, field });

  const auths = new Map<string, AuthEntry>();
  if (raw.auths !== undefined && raw.auths !== null) {
    if (!isRecord(raw.auths)) throw fieldError('auths', 'is not an object of registries');
    for (const [key, entry] of Object.entries(raw.auths)) auths.set(key, decodeEntry(entry, `auths[${JSON.stringify(key)}]`));
  }

  let credsStore: string | null = null;
  if (raw.credsStore !== undefined && raw.credsStore !== null && raw.credsStore !== '') {
    if (typeof raw.credsStore !== 'string') throw fieldError('credsStore', 'is not a string');
    if (!helperNamePattern.test(raw.credsStore)) throw fieldError('credsStore', 'is not a credential helper name (letters, digits, ".", "_", "-")');
    credsStore = raw.credsStore;
  }

  const credHelpers = new Map<string, string>();
  if (raw.credHelpers !== undefined && raw.credHelpers !== null) {
    if (!isRecord(raw.credHelpers)) throw fieldError('credHelpers', 'is not an object of registry: helper name');
    for (const [registry, helper] of Object.entries(raw.credHelpers)) {
      const field = `credHelpers[${JSON.stringify(registry)}]`;
      if (typeof helper !== 'string' || !helperNamePattern.test(helper)) throw fieldError(field, 'is not a credential helper name (letters, digits, ".", "_", "-")');
      credHelpers.set(registry, helper);
    }
  }
  return { file, auths, credsStore, credHelpers };
}

/** The helper that keeps `key`'s login, as the CLI picks it: `credHelpers` for the registry, else `credsStore`. */
export function helperFor(config: DockerConfig, key: string): { helper: string; origin: string } | null {
  const exact = config.credHelpers.get(key);
  if (exact !== undefined) return { helper: exact, origin: `credHelpers[${JSON.stringify(key)}] in ${config.file}` };
  // Also an entry written another way for the same registry (`https://host:port`, `docker.io`).
  for (const [registry, helper] of config.credHelpers) {
    if (keyOrNull(registry) === key) return { helper, origin: `credHelpers[${JSON.stringify(registry)}] in ${config.file}` };
  }
  if (config.credsStore !== null) return { helper: config.credsStore, origin: `credsStore in ${config.file}` };
  return null;
}

/** The `auths` entry for `key`: written under the key itself first, else under any form of the same registry. */
export function authEntryFor(config: DockerConfig, key: string): { fileKey: string; entry: AuthEntry } | null {
  const exact = config.auths.get(key);
  if (exact !== undefined) return { fileKey: key, entry: exact };
  for (const [fileKey, entry] of config.auths) {
    if (keyOrNull(fileKey) === key) return { fileKey, entry };
  }
  return null;
}

function decodeEntry(entry: unknown, field: string): AuthEntry {
  if (!isRecord(entry)) return { ok: false, problem: `${field} is not an object` };
  let username: string | null = null;
  let password: string | null = null;
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = decodeAuth(entry.auth);
    if (decoded === null) return { ok: false, problem: `${field}.auth is not base64 of "user:password"` };
    [username, password] = decoded;
  } else if (entry.auth !== undefined && typeof entry.auth !== 'string') {
    return { ok: false, problem: `${field}.auth is not a string` };
  } else {
    // Older files keep the user and password as they are.
    if (typeof entry.username === 'string' && entry.username !== '') username = entry.username;
    if (typeof entry.password === 'string' && entry.password !== '') password = entry.password;
  }
  const token = entry.identitytoken;
  if (token !== undefined && typeof token !== 'string') return { ok: false, problem: `${field}.identitytoken is not a string` };
  if (typeof token === 'string' && token !== '') return { ok: true, username, kind: 'identity-token', secret: new Secret(token) };
  if (username !== null && password !== null) return { ok: true, username, kind: 'password', secret: new Secret(password) };
  if (username !== null) return { ok: false, problem: `${field} has a user but no password` };
  return { ok: true, username: null, kind: null, secret: null };
}

/** `auth` as the CLI decodes it: standard base64 with padding, a user before the first `:`, NULs trimmed from the password. */
function decodeAuth(auth: string): [string, string] | null {
  if (auth.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(auth)) return null;
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  return [text.slice(0, colon), text.slice(colon + 1).replace(/^\0+|\0+$/g, '')];
}

/** `user:password` as the CLI encodes it into `auth`. */
export function encodeAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
