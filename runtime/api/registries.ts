import { z } from 'zod';
import { defineDomain, method, noParams, params } from './define.js';

/**
 * Registries: Berth's own registry client (runtime/registry), not the engine's. Add a registry,
 * test it, sign in (the secret goes to a credential store and never comes back), browse its
 * catalog, tags and manifests, delete a tag; and search Docker Hub through the engine.
 *
 * A registry is named as the docker CLI names it in an image reference: `host[:port]`
 * (`127.0.0.1:5000`, `ghcr.io`), `docker.io` for Docker Hub.
 */

/** `host[:port]`, as in an image reference; a URL is accepted too and reduced to it. */
export const registryRef = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(256, 'is too long')
  .overwrite((value) => value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '').toLowerCase())
  .refine((value) => /^(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?)(:\d{1,5})?$/.test(value), 'must be a registry host, optionally with a port, e.g. `127.0.0.1:5000`')
  .describe('The registry as an image reference names it: `host[:port]`, e.g. `127.0.0.1:5000` or `ghcr.io` (a URL is reduced to that).');

/** A repository path in a registry: lowercase components separated by `/`, as the distribution spec allows. */
export const repositoryName = z
  .string()
  .min(1, 'is required')
  .max(255, 'is longer than 255 characters')
  .regex(/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/, 'must be a repository name: lowercase letters, digits and `._-` separators, components joined by `/`')
  .describe('The repository inside the registry, e.g. `seed/bb` (no registry host, no tag).');

const tagName = z.string().regex(/^[\w][\w.-]{0,127}$/, 'must be a tag: letters, digits, `_`, `.` and `-`, at most 128, not starting with `.` or `-`');
const digest = z.string().min(71, 'is too short for a digest').max(135, 'is too long for a digest').regex(/^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/, 'must be a digest: sha256: and 64 hex digits (or sha512: and 128)');

const pageSize = z.number().int().min(1).max(1000).default(100).describe('How many to ask for in one page (1-1000, default 100); the registry may send fewer.');
const pageCursor = z.string().min(1).max(1024).optional().describe('Where the previous page ended: its `next`. Absent for the first page.');

/** Where a new login's secret is kept (the rule decides when this is absent). */
export const credentialStoreChoice = z
  .enum(['session', 'docker-config'])
  .optional()
  .describe(
    "Where to keep the secret when no credential helper is configured and no OS keychain is available: `session` (memory, until Berth quits) or `docker-config` (the docker CLI's `~/.docker/config.json`, unencrypted, like `docker login` without a helper). Ignored when a helper or the keychain takes it.",
  );

/** How Berth signs in to a registry: which store holds the secret (never the secret itself). */
export type CredentialStoreKind = 'helper' | 'keychain' | 'session' | 'docker-config';

/** One registry of the Registries page. */
export interface RegistryEntry {
  /** `host[:port]`: what params name it by. */
  registry: string;
  /** `https://host[:port]` or, for loopback and registries marked insecure, `http://`. */
  url: string;
  /** Plain HTTP allowed to a host that is not loopback (loopback addresses always may use it). */
  insecure: boolean;
  /** The user signed in, or null (anonymous). Never the secret. */
  signedInAs: string | null;
  /** Where the secret is kept: `helper` (with `helper` naming it), `keychain`, `session`, `docker-config`. */
  credentialStore: CredentialStoreKind | null;
  /** For `helper`: the `docker-credential-<name>` it runs. */
  helper?: string;
  /** Added by the user, or found as a login in the docker CLI's config. */
  source: 'user' | 'docker-config';
  /** A one-line warning, e.g. for plain HTTP to a host that is not loopback. */
  warning?: string;
}

/** What `registries.test` found, in one of these outcomes, with one line saying exactly what happened. */
export type RegistryCheckOutcome = 'reachable' | 'needs_credentials' | 'wrong_credentials' | 'tls_error' | 'not_a_registry' | 'unreachable' | 'error';

export interface RegistryCheck {
  registry: string;
  outcome: RegistryCheckOutcome;
  /** One line, e.g. "TLS: certificate signed by unknown authority". */
  message: string;
  /** When reachable with credentials: who Berth is signed in as. */
  signedInAs: string | null;
  /** How the registry wants clients to sign in: `basic`, `bearer`, or none. */
  auth: 'basic' | 'bearer' | null;
}

/** One page of a catalog or of a repository's tags. */
export interface RegistryPage<T> {
  items: T[];
  /** Pass as `last` for the next page; null on the last page. */
  next: string | null;
}

/** `registries.catalog`: repositories, or why the registry does not list them. */
export interface CatalogPage extends RegistryPage<string> {
  /** Set when the registry refuses `/v2/_catalog` (some disable it): type a repository name instead. */
  unavailable?: string;
  /** With `filter`: how many of the registry's names were looked at for this page. */
  scanned: number;
}

/** A platform of a multi-platform image (an index). */
export interface ManifestPlatform {
  os: string;
  architecture: string;
  variant?: string;
  digest: string;
  sizeBytes: number;
}

export interface ManifestLayer {
  digest: string;
  mediaType: string;
  sizeBytes: number;
}

/** `registries.manifest`: what a tag or digest points at. */
export interface ManifestView {
  registry: string;
  repository: string;
  reference: string;
  digest: string;
  mediaType: string;
  kind: 'image' | 'index' | 'unknown';
  /** kind `index`: its platforms. */
  platforms?: ManifestPlatform[];
  /** kind `image`: its layers, their total and the config's created date (ISO 8601). */
  layers?: ManifestLayer[];
  totalSizeBytes?: number;
  created?: string | null;
  os?: string;
  architecture?: string;
  /** kind `unknown`: the manifest as the registry sent it (shown raw, not an error). */
  raw?: string;
}

/** `registries.search`: one Docker Hub result, as the engine's `/images/search` gives it. */
export interface RegistrySearchResult {
  name: string;
  description: string;
  stars: number;
  official: boolean;
}

/** `registries.signInOptions`: where a new login for a registry would be kept, so the form asks only when it must. */
export interface SignInOptions {
  registry: string;
  /** Decided without asking: a credential helper (`helper` names it) or the OS keychain; null when the user chooses. */
  store: 'helper' | 'keychain' | null;
  helper?: string;
  /** When `store` is null: the choices, and the warning for the docker CLI's file. */
  choices: ('session' | 'docker-config')[];
  /** The docker CLI's file, and what `docker login` warns about storing a password there. */
  dockerConfigPath: string;
  dockerConfigWarning: string;
}

const secretField = z.string().min(1, 'is required').max(16384, 'is too long');

export const registriesContract = defineDomain({
  methods: {
    'registries.list': method<RegistryEntry[]>()(noParams, "Every registry Berth knows: added by the user, and the docker CLI's logins (`~/.docker/config.json`). Never a secret."),
    'registries.add': method<RegistryEntry>()(
      params({
        url: z
          .string()
          .max(512, 'is too long')
          .regex(/\S/, 'is required')
          .describe('`https://host[:port]`; `http://` only for a loopback address or with `insecure`. `host[:port]` alone means https (http for loopback).'),
        insecure: z.boolean().default(false).describe('Allow plain HTTP to a host that is not loopback. Anyone on the network path can read and change what is sent, passwords included.'),
      }),
      'Add a registry (no credentials: see `registries.login`). Adding one already known updates its URL and `insecure`.',
    ),
    'registries.remove': method<null>()(
      params({ registry: registryRef, logout: z.boolean().default(false).describe('Also erase its stored credentials (as `docker logout`).') }),
      "Forget a registry Berth added. Its credentials stay unless `logout` (a docker CLI login stays in the CLI's config).",
    ),
    'registries.test': method<RegistryCheck>()(
      params({ registry: registryRef }),
      'The `/v2/` handshake, signed in when Berth has credentials: reachable, needs credentials, wrong credentials, TLS error (which), not a registry, unreachable, or another error (its token service failing), each in one line.',
    ),
    'registries.login': method<RegistryEntry>()(
      params({
        registry: registryRef,
        username: z.string().min(1, 'is required').max(256, 'is too long').describe('The user name; `<token>` for an identity token, as the docker CLI writes it.'),
        password: secretField.describe('The password or access token. Sent once, kept only in a credential store, never shown again.'),
        store: credentialStoreChoice,
      }),
      'Sign in: the credentials are checked against the registry first (wrong ones are refused and not kept), then stored. Answers "signed in as USER", never the secret.',
    ),
    'registries.signInOptions': method<SignInOptions>()(
      params({ registry: registryRef }),
      'Where a new login for this registry would be kept: its credential helper, the OS keychain, or (when neither) the choice between this session and the docker CLI\'s file.',
    ),
    'registries.logout': method<null>()(params({ registry: registryRef }), 'Erase the stored credentials for a registry (as `docker logout`).'),
    'registries.catalog': method<CatalogPage>()(
      params({
        registry: registryRef,
        filter: z.string().max(256).optional().describe('Only repositories whose name contains this (case-insensitive). Pages are read one at a time until this page is full or the catalog ends.'),
        last: pageCursor,
        n: pageSize,
      }),
      'One page of the repositories in a registry (`/v2/_catalog`). A registry that does not list them says so in `unavailable`.',
    ),
    'registries.tags': method<RegistryPage<string>>()(
      params({ registry: registryRef, repository: repositoryName, last: pageCursor, n: pageSize }),
      'One page of the tags of a repository (`/v2/<name>/tags/list`).',
    ),
    'registries.manifest': method<ManifestView>()(
      params({
        registry: registryRef,
        repository: repositoryName,
        reference: z.union([tagName, digest]).describe('A tag (`1.0`) or a digest (`sha256:...`).'),
      }),
      "What a tag or digest points at: an image's layers, sizes and created date, or an index's platforms; an unknown media type comes back raw.",
    ),
    'registries.deleteTag': method<null>()(
      params({ registry: registryRef, repository: repositoryName, tag: tagName.describe('The tag to delete.') }),
      'Delete a tag where the registry allows deletion (its manifest is deleted by digest: other tags of the same digest go too). A registry that does not is a `conflict` saying so.',
    ),
    'registries.search': method<RegistrySearchResult[]>()(
      params({
        term: z.string().max(256, 'is too long').regex(/\S/, 'is required').describe('What to search Docker Hub for.'),
        limit: z.number().int().min(1).max(100).default(25).describe('At most this many results (1-100).'),
      }),
      "Search Docker Hub through the engine's `/images/search` (the engine reaches Docker Hub, not Berth). Without internet: a clear `engine_unreachable`-style error.",
    ),
  },
});
