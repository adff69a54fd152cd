import { BerthError } from '../api/index.js';

/**
 * What the registry client is given to sign in with, and the one place that keeps those
 * secrets (and the tokens bought with them) out of every message and log line it makes.
 * Where credentials live is not this module's business: a lookup hands them over per
 * registry host, each time they are needed, so a sign-in or sign-out takes effect at once.
 */

/** A registry sign-in: a username and password, or an identity token (an OAuth2 refresh token, docker's `identitytoken`). */
export type RegistryCredentials = { username: string; password: string } | { identityToken: string; username?: string };

/** The credentials for a registry host (`127.0.0.1:5000`, `docker.io`), or null to go anonymous. */
export type CredentialsLookup = (registryHost: string) => RegistryCredentials | null | Promise<RegistryCredentials | null>;

export function hasPassword(credentials: RegistryCredentials): credentials is { username: string; password: string } {
  return 'password' in credentials;
}

/** The HTTP Basic header value for a username and password. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

// Shorter strings are not scrubbed: they would blank out ordinary words (a one-letter password
// must never make a message unreadable; it is also never put into one).
const minimumSecretLength = 4;

/** Secrets seen so far: every password, identity token, Basic header and bearer token this client handled. */
export class SecretSet {
  private readonly secrets = new Set<string>();

  addCredentials(credentials: RegistryCredentials | null): void {
    if (credentials === null) return;
    if (hasPassword(credentials)) {
      this.add(credentials.password);
      this.add(basicAuthorization(credentials.username, credentials.password).slice('Basic '.length));
      this.add(encodeURIComponent(credentials.password));
    } else {
      this.add(credentials.identityToken);
      this.add(encodeURIComponent(credentials.identityToken));
    }
  }

  add(secret: string): void {
    if (secret.length >= minimumSecretLength) this.secrets.add(secret);
  }

  /** The text with every known secret replaced by `[redacted]`, and any Authorization header value dropped. */
  scrub(text: string): string {
    let scrubbed = text.replace(/\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]');
    // Longest first, so a secret holding another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) scrubbed = scrubbed.split(secret).join('[redacted]');
    return scrubbed;
  }

  /** The same error with its message and string details scrubbed; anything not a BerthError becomes `internal`. */
  scrubError(error: unknown): BerthError {
    if (error instanceof BerthError) {
      const details = error.details === undefined ? undefined : this.scrubDetails(error.details);
      return new BerthError(error.code, this.scrub(error.message), details);
    }
    return new BerthError('internal', this.scrub(error instanceof Error ? error.message : String(error)));
  }

  private scrubDetails(details: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, typeof value === 'string' ? this.scrub(value) : value]));
  }
}
