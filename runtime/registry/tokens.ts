import { BerthError } from '../api/index.js';
import type { BearerChallenge } from './challenge.js';
import { isLoopbackHost, type RegistryEndpoint } from './endpoint.js';
import { registryErrorText } from './errors.js';
import { basicAuthorization, hasPassword, type RegistryCredentials, type SecretSet } from './secrets.js';
import { httpRequest } from './transport.js';

/**
 * Bearer tokens as the distribution token spec hands them out: asked of the realm a
 * challenge names with its `service` and the `scope`s wanted; anonymously without
 * credentials, with HTTP Basic for a password, or as an OAuth2 `refresh_token` grant for an
 * identity token (what docker does). A token is kept per scope until `issued_at + expires_in`
 * (60 s when the service does not say), renewed a little early so it does not expire on the way.
 */

export const defaultTokenSeconds = 60;
const maxTokenBodyBytes = 1024 * 1024;

export interface Token {
  value: string;
  /** Milliseconds since the epoch after which the token is not sent again. */
  expiresAt: number;
}

/**
 * When a token stops being used: `issued_at` (when it is believable: not in the future, not
 * older than the lifetime, which would be a clock apart from ours) plus `expires_in`, less a
 * tenth of the lifetime (at most 5 s) for the time a request takes.
 */
export function tokenExpiry(expiresIn: unknown, issuedAt: unknown, now: number): number {
  const seconds = typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : defaultTokenSeconds;
  const lifetime = seconds * 1000;
  const issued = typeof issuedAt === 'string' ? Date.parse(issuedAt) : NaN;
  const start = Number.isFinite(issued) && issued <= now + 1000 && issued >= now - lifetime ? Math.min(issued, now) : now;
  return start + lifetime - Math.min(5000, lifetime / 10);
}

/** Tokens by scope (and whose they are: the cache is emptied when the credentials change). */
export class TokenCache {
  private readonly tokens = new Map<string, Token>();

  get(key: string, now = Date.now()): Token | undefined {
    const token = this.tokens.get(key);
    if (token !== undefined && token.expiresAt <= now) this.tokens.delete(key);
    return token !== undefined && token.expiresAt > now ? token : undefined;
  }

  set(key: string, token: Token): void {
    this.tokens.set(key, token);
  }

  delete(key: string): void {
    this.tokens.delete(key);
  }

  clear(): void {
    this.tokens.clear();
  }
}

export interface TokenRequest {
  registry: RegistryEndpoint;
  challenge: BearerChallenge;
  /** Scopes wanted, e.g. `repository:seed/bb:pull`; empty for the `/v2/` check. */
  scopes: readonly string[];
  credentials: RegistryCredentials | null;
  secrets: SecretSet;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  ca?: readonly (string | Buffer)[] | undefined;
  log: (line: string) => void;
}

/** The realm as a URL; credentials go to it only over https, or plain http to a loopback or insecure-marked host. */
function realmUrl(request: TokenRequest): URL {
  const { registry, challenge, credentials } = request;
  let url: URL;
  try {
    url = new URL(challenge.realm);
  } catch {
    throw new BerthError('conflict', `${registry.host} names a token service that is not a URL (realm "${challenge.realm}").`, { registry: registry.host, reason: 'bad_realm' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BerthError('conflict', `${registry.host} names a token service that is not http(s) (${url.protocol}).`, { registry: registry.host, reason: 'bad_realm' });
  }
  const plainAllowed = isLoopbackHost(url.hostname) || (registry.insecure && url.hostname === new URL(registry.origin).hostname);
  if (credentials !== null && url.protocol === 'http:' && !plainAllowed) {
    throw new BerthError('unauthorized', `Refusing to send the credentials for ${registry.host} to its token service over plain http (${url.origin}).`, {
      registry: registry.host,
      reason: 'insecure_realm',
    });
  }
  return url;
}

function whoSignsIn(credentials: RegistryCredentials | null): string {
  if (credentials === null) return 'anonymously';
  return hasPassword(credentials) ? `as ${credentials.username}` : 'with an identity token';
}

/** Asks the realm for a token; `unauthorized` (reason `wrong_credentials` or `needs_credentials`) when it refuses. */
export async function fetchToken(request: TokenRequest): Promise<Token> {
  const { registry, challenge, credentials, scopes } = request;
  const url = realmUrl(request);
  const common = { timeoutMs: request.timeoutMs, signal: request.signal, ca: request.ca, maxBodyBytes: maxTokenBodyBytes };
  let response;
  if (credentials !== null && !hasPassword(credentials)) {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credentials.identityToken, client_id: 'berth' });
    if (challenge.service !== undefined) form.set('service', challenge.service);
    if (scopes.length > 0) form.set('scope', scopes.join(' '));
    const body = form.toString();
    response = await httpRequest({ ...common, method: 'POST', url, body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' } });
  } else {
    if (challenge.service !== undefined) url.searchParams.set('service', challenge.service);
    for (const scope of scopes) url.searchParams.append('scope', scope);
    if (credentials !== null) url.searchParams.set('account', credentials.username);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (credentials !== null) headers.Authorization = basicAuthorization(credentials.username, credentials.password);
    response = await httpRequest({ ...common, method: 'GET', url, headers });
  }
  const where = `${url.origin}${url.pathname}`;
  if (response.status === 401 || response.status === 403) {
    throw credentials === null
      ? new BerthError('unauthorized', `${registry.host} needs credentials: its token service (${where}) gives no anonymous access.`, { registry: registry.host, reason: 'needs_credentials' })
      : new BerthError('unauthorized', `Wrong credentials for ${registry.host}: its token service (${where}) refused to sign in ${whoSignsIn(credentials)} (${registryErrorText(response)}).`, {
          registry: registry.host,
          reason: 'wrong_credentials',
        });
  }
  if (response.status !== 200) {
    throw new BerthError('conflict', `The token service of ${registry.host} (${where}) answered ${registryErrorText(response)}.`, { registry: registry.host, reason: 'token_service', status: response.status });
  }
  let body: unknown;
  try {
    body = JSON.parse(response.body.toString('utf8'));
  } catch {
    throw new BerthError('conflict', `The token service of ${registry.host} (${where}) answered with something other than JSON.`, { registry: registry.host, reason: 'token_service' });
  }
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const value = typeof fields.token === 'string' && fields.token !== '' ? fields.token : fields.access_token;
  if (typeof value !== 'string' || value === '') {
    throw new BerthError('conflict', `The token service of ${registry.host} (${where}) answered without a token.`, { registry: registry.host, reason: 'token_service' });
  }
  request.secrets.add(value);
  if (typeof fields.refresh_token === 'string') request.secrets.add(fields.refresh_token);
  const now = Date.now();
  const token = { value, expiresAt: tokenExpiry(fields.expires_in, fields.issued_at, now) };
  request.log(`token for ${registry.host} [${scopes.join(' ') || 'no scope'}] from ${where}, signed in ${whoSignsIn(credentials)}, used for ${Math.round((token.expiresAt - now) / 1000)} s`);
  return token;
}
