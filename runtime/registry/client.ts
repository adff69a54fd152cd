import { checkRegistry, type HandshakeOutcome } from './handshake.js';
import { deleteTag, type DeletedTag } from './deletion.js';
import { parseRegistryAddress, type RegistryEndpoint } from './endpoint.js';
import { catalogPage, tagsPage, type CatalogPage, type PageOptions, type TagsPage } from './listing.js';
import { manifestSummary, type ManifestSummary } from './manifest.js';
import type { CredentialsLookup } from './secrets.js';
import { RegistrySession } from './session.js';

/**
 * The registry client of Berth's main process, one per registry: the `/v2/` check, the
 * catalog and tags a page at a time, manifests, and deleting a tag. It signs in as the
 * registry asks (HTTP Basic, or bearer tokens from its token service), with credentials a
 * lookup hands over per registry host. Every failure is a BerthError with one line naming
 * the cause, and no error or log line ever holds a password, an identity token, a bearer
 * token or an Authorization header.
 */

export interface RegistryClientOptions {
  /** The registry as the user wrote it: `registry.example.com`, `https://host:5000`, `http://127.0.0.1:5000`. https when no scheme is given. */
  url: string;
  /** The user marked this host insecure: plain http is allowed for it (always allowed for loopback addresses). */
  insecure?: boolean;
  /** Credentials per registry host (this registry's `endpoint.host`); anonymous when absent or when it answers null. */
  credentials?: CredentialsLookup;
  /** Certificate authorities (PEM) to trust for this registry besides the system's. */
  ca?: readonly (string | Buffer)[];
  /** Milliseconds for each HTTP exchange (15 s when absent). */
  timeoutMs?: number;
  /** Receives one line per request and token; never a secret. */
  log?: (line: string) => void;
}

export const defaultRegistryTimeoutMs = 15_000;

export class RegistryClient {
  readonly endpoint: RegistryEndpoint;
  private readonly session: RegistrySession;

  /** Throws `invalid_argument` (field `url`) for an address it will not use. */
  constructor(options: RegistryClientOptions) {
    this.endpoint = parseRegistryAddress(options.url, { insecure: options.insecure ?? false });
    this.session = new RegistrySession({
      endpoint: this.endpoint,
      credentials: options.credentials ?? (() => null),
      timeoutMs: options.timeoutMs ?? defaultRegistryTimeoutMs,
      ca: options.ca,
      log: options.log,
    });
  }

  /** The `/v2/` handshake: reachable, needs credentials, wrong credentials, TLS error, not a registry, unreachable. */
  check(signal?: AbortSignal): Promise<HandshakeOutcome> {
    return checkRegistry(this.session, signal);
  }

  /** One page of repository names, or `unavailable` when the registry does not offer its catalog. */
  catalogPage(options: PageOptions = {}): Promise<CatalogPage> {
    return this.guard(() => catalogPage(this.session, options));
  }

  /** One page of a repository's tags. */
  tagsPage(repository: string, options: PageOptions = {}): Promise<TagsPage> {
    return this.guard(() => tagsPage(this.session, repository, options));
  }

  /** The manifest of a tag or digest: an image's layers, an index's platforms, or the raw text of any other type. */
  manifest(repository: string, reference: string, signal?: AbortSignal): Promise<ManifestSummary> {
    return this.guard(() => manifestSummary(this.session, repository, reference, signal));
  }

  /** Deletes the manifest a tag points at (and so every tag pointing at it); `conflict` with reason `deletion_disabled` where the registry does not allow it. */
  deleteTag(repository: string, tag: string, signal?: AbortSignal): Promise<DeletedTag> {
    return this.guard(() => deleteTag(this.session, repository, tag, signal));
  }

  /** Drops every cached token, e.g. after a sign-out (a change of credentials is noticed by itself). */
  forgetTokens(): void {
    this.session.forgetTokens();
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.session.secrets.scrubError(error);
    }
  }
}
