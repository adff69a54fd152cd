import { createHash } from 'node:crypto';
import { BerthError } from '../api/index.js';
import { parseChallenges, pickChallenge, type BearerChallenge, type RegistryChallenge } from './challenge.js';
import type { RegistryEndpoint } from './endpoint.js';
import { basicAuthorization, hasPassword, SecretSet, type CredentialsLookup, type RegistryCredentials } from './secrets.js';
import { fetchToken, TokenCache, type Token } from './tokens.js';
import { httpRequest, type HttpRequest, type HttpResponse } from './transport.js';

/**
 * Requests to one registry, signed in the way it asks: the first 401 names the scheme
 * (`WWW-Authenticate`), which is remembered, so later requests carry HTTP Basic or a bearer
 * token from the start. A token is cached per scope; a cached token the registry refuses
 * (it expired early, or was revoked) is renewed once and the request sent again. Every
 * error leaving the session is scrubbed of the secrets it has seen.
 */

export interface SessionOptions {
  endpoint: RegistryEndpoint;
  credentials: CredentialsLookup;
  /** Milliseconds for each HTTP exchange. */
  timeoutMs: number;
  /** Extra certificate authorities (PEM) trusted for this registry and its token service. */
  ca?: readonly (string | Buffer)[] | undefined;
  /** Where a line per request goes; never given a secret. */
  log?: ((line: string) => void) | undefined;
}

export interface RegistryCall {
  method: HttpRequest['method'];
  /** Path and query under the registry's origin: `/v2/_catalog?n=100`. */
  path: string;
  /** The access a token must grant, e.g. `repository:seed/bb:pull`; none for `/v2/`. */
  scope?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  maxBodyBytes?: number;
  signal?: AbortSignal | undefined;
}

export interface CallResult {
  response: HttpResponse;
  /** How the last attempt was signed in: not at all, HTTP Basic, or a bearer token. */
  scheme: 'none' | 'basic' | 'bearer';
  /** Whether credentials were sent (as Basic, or to buy the token). */
  usedCredentials: boolean;
  /** When the answer is 401: what the registry asked for. */
  challenge: RegistryChallenge | null;
}

interface Authorization {
  header?: string;
  scheme: CallResult['scheme'];
  usedCredentials: boolean;
  /** For a bearer token: whether it was bought for this request (not from the cache). */
  fresh: boolean;
  realm?: string;
}

const defaultMaxBodyBytes = 4 * 1024 * 1024;

/** The promise's outcome, or `cancelled` as soon as the signal aborts (the work itself goes on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  const cancelled = (): BerthError => new BerthError('cancelled', 'The request was cancelled.');
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export class RegistrySession {
  readonly secrets = new SecretSet();
  private challenge: RegistryChallenge | null = null;
  private readonly tokens = new TokenCache();
  private readonly pendingTokens = new Map<string, Promise<Token>>();
  private credentialsKey = '';
  private readonly log: (line: string) => void;

  constructor(readonly options: SessionOptions) {
    const log = options.log;
    this.log = log === undefined ? () => undefined : (line) => log(this.secrets.scrub(line));
  }

  get endpoint(): RegistryEndpoint {
    return this.options.endpoint;
  }

  /** Sends the call signed in as the registry asks; any 401 left after that is the caller's to explain. */
  async call(call: RegistryCall): Promise<CallResult> {
    try {
      return await this.attempt(call);
    } catch (error) {
      throw this.secrets.scrubError(error);
    }
  }

  /** Forgets every token (a sign-in or sign-out happened). */
  forgetTokens(): void {
    this.tokens.clear();
  }

  private async currentCredentials(): Promise<RegistryCredentials | null> {
    const credentials = await this.options.credentials(this.endpoint.host);
    this.secrets.addCredentials(credentials);
    // Tokens belong to whoever bought them: other credentials, other tokens.
    const key = credentials === null ? '' : createHash('sha256').update(JSON.stringify(credentials)).digest('hex');
    if (key !== this.credentialsKey) {
      this.credentialsKey = key;
      this.tokens.clear();
    }
    return credentials;
  }

  private async attempt(call: RegistryCall): Promise<CallResult> {
    const credentials = await this.currentCredentials();
    const first = await this.authorize(call, credentials, this.challenge, []);
    const response = await this.send(call, first);
    const challenge = response.status === 401 ? pickChallenge(parseChallenges(response.headers['www-authenticate'] ?? [])) : null;
    const result = { response, scheme: first.scheme, usedCredentials: first.usedCredentials, challenge };
    if (challenge === null) return result;
    this.challenge = challenge.scheme === 'bearer' ? { scheme: 'bearer', bearer: { realm: challenge.bearer.realm, ...(challenge.bearer.service === undefined ? {} : { service: challenge.bearer.service }) } } : challenge;
    let retry = false;
    if (challenge.scheme === 'basic') {
      retry = first.scheme !== 'basic' && credentials !== null && hasPassword(credentials);
    } else {
      // Renew once: a token from the cache may have expired early or been revoked; a token
      // just bought and refused for the same realm would only be refused again.
      retry = first.scheme !== 'bearer' || !first.fresh || first.realm !== challenge.bearer.realm;
      if (retry && first.scheme === 'bearer') this.tokens.delete(call.scope ?? '');
    }
    if (!retry) return result;
    const extraScopes = challenge.scheme === 'bearer' ? (challenge.bearer.scope ?? '').split(' ').filter(Boolean) : [];
    const second = await this.authorize(call, credentials, challenge, extraScopes);
    const again = await this.send(call, second);
    const finalChallenge = again.status === 401 ? pickChallenge(parseChallenges(again.headers['www-authenticate'] ?? [])) : null;
    return { response: again, scheme: second.scheme, usedCredentials: second.usedCredentials, challenge: finalChallenge };
  }

  private async authorize(call: RegistryCall, credentials: RegistryCredentials | null, challenge: RegistryChallenge | null, extraScopes: readonly string[]): Promise<Authorization> {
    if (challenge === null) return { scheme: 'none', usedCredentials: false, fresh: false };
    if (challenge.scheme === 'basic') {
      if (credentials === null || !hasPassword(credentials)) return { scheme: 'none', usedCredentials: false, fresh: false };
      return { header: basicAuthorization(credentials.username, credentials.password), scheme: 'basic', usedCredentials: true, fresh: false };
    }
    const key = call.scope ?? '';
    const cached = this.tokens.get(key);
    const usedCredentials = credentials !== null;
    if (cached !== undefined) return { header: `Bearer ${cached.value}`, scheme: 'bearer', usedCredentials, fresh: false, realm: challenge.bearer.realm };
    const scopes = [...new Set([...(call.scope === undefined ? [] : [call.scope]), ...extraScopes])];
    const token = await this.buyToken(key, challenge.bearer, scopes, credentials, call.signal);
    return { header: `Bearer ${token.value}`, scheme: 'bearer', usedCredentials, fresh: true, realm: challenge.bearer.realm };
  }

  /** One request to the token service per scope at a time: concurrent calls share it. */
  private async buyToken(key: string, challenge: BearerChallenge, scopes: readonly string[], credentials: RegistryCredentials | null, signal: AbortSignal | undefined): Promise<Token> {
    const pendingKey = `${this.credentialsKey} ${challenge.realm} ${scopes.join(' ')}`;
    let pending = this.pendingTokens.get(pendingKey);
    if (pending === undefined) {
      const { endpoint, timeoutMs, ca } = this.options;
      // Shared, so no one caller's signal may end it: each caller stops waiting on its own signal instead.
      pending = fetchToken({ registry: endpoint, challenge, scopes, credentials, secrets: this.secrets, timeoutMs, ca, log: this.log });
      this.pendingTokens.set(pendingKey, pending);
      void pending.then(
        () => this.pendingTokens.delete(pendingKey),
        () => this.pendingTokens.delete(pendingKey),
      );
    }
    const token = await untilAborted(pending, signal);
    this.tokens.set(key, token);
    return token;
  }

  private async send(call: RegistryCall, authorization: Authorization): Promise<HttpResponse> {
    const headers = { ...(call.headers ?? {}), ...(authorization.header === undefined ? {} : { Authorization: authorization.header }) };
    const response = await httpRequest({
      method: call.method,
      url: new URL(call.path, this.endpoint.origin),
      headers,
      ...(call.body === undefined ? {} : { body: call.body }),
      timeoutMs: this.options.timeoutMs,
      signal: call.signal,
      maxBodyBytes: call.maxBodyBytes ?? defaultMaxBodyBytes,
      ca: this.options.ca,
    });
    this.log(`${call.method} ${this.endpoint.origin}${call.path} (${authorization.scheme === 'none' ? 'anonymous' : authorization.scheme}) -> ${response.status}`);
    return response;
  }
}
