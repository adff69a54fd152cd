import { createPrivateKey, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';

/**
 * The pure half of the test token server (test-token-server.ts): which access a user gets for
 * the scopes a client asks for, and the JWT that says so, in the shape Debian's
 * `docker-registry` (distribution 2.8, `auth: token`) accepts:
 *
 * - signed ES256 (libtrust checks ECDSA signatures as the raw r||s pair, JOSE's format);
 * - the header names the signing key by `x5c`, the certificate itself (base64 DER), which the
 *   registry verifies against its `rootcertbundle` (distribution also takes a libtrust `kid`
 *   fingerprint, but a certificate needs no fingerprint code);
 * - `iss` must be the configured issuer and `aud` the configured service (one string);
 * - distribution accepts a token until 60 s after its `exp` (leeway for clock skew), so `exp`
 *   is set 60 s early: a lifetime of N seconds means the registry refuses the token N seconds
 *   after it was issued, which lets a test watch a 2-second token expire.
 */

/** What distribution 2.8 adds to `exp` before it refuses a token. */
export const registryLeewaySeconds = 60;

/** Access a user (or anonymous) may be given: actions on the resources of one type whose name matches. */
export interface Grant {
  /** `repository` or `registry` (the catalog is `registry:catalog:*`). */
  type: string;
  /** An exact name, or a prefix ending in `*` (`public/*`; `*` alone is every name). */
  name: string;
  /** `pull`, `push`, `delete`, or `*` (every action, and the catalog's own `*`). */
  actions: readonly string[];
}

export interface TokenUser {
  password: string;
  /** A refresh token the user may sign in with instead (what docker keeps as `identitytoken`). */
  identityToken?: string;
  grants: readonly Grant[];
  /** Seconds until the registry refuses this user's tokens; the server's default when absent. */
  lifetimeSeconds?: number;
  /** The `expires_in` told to the client when it differs from the real lifetime (a token that lies). */
  claimedLifetimeSeconds?: number;
}

/** The token server's config file (JSON), written by test-auth-registries.ts. */
export interface TokenServerConfig {
  /** `127.0.0.1:PORT` to listen on. */
  address: string;
  issuer: string;
  service: string;
  /** PEM: the ES256 signing key and its self-signed certificate (also the registry's rootcertbundle). */
  keyFile: string;
  certFile: string;
  users: Record<string, TokenUser>;
  /** What a client without credentials gets. */
  anonymous: readonly Grant[];
  lifetimeSeconds: number;
}

/** One `type:name:actions` scope as distribution's `access` claim holds it. */
export interface Access {
  type: string;
  name: string;
  actions: string[];
}

/** Parses `repository:seed/bb:pull,push` scopes; a name may itself hold colons (`host:5000/x`), so type and actions are the outer parts. */
export function parseScopes(scopes: readonly string[]): Access[] {
  const parsed: Access[] = [];
  for (const scope of scopes.flatMap((text) => text.split(' ')).filter(Boolean)) {
    const first = scope.indexOf(':');
    const last = scope.lastIndexOf(':');
    if (first <= 0 || last === first) throw new Error(`malformed scope "${scope}" (expected type:name:actions)`);
    const actions = scope.slice(last + 1).split(',').filter(Boolean);
    parsed.push({ type: scope.slice(0, first), name: scope.slice(first + 1, last), actions });
  }
  return parsed;
}

function grantCovers(grant: Grant, type: string, name: string): boolean {
  if (grant.type !== type) return false;
  return grant.name.endsWith('*') ? name.startsWith(grant.name.slice(0, -1)) : grant.name === name;
}

/** The part of each requested access the grants allow; a scope with nothing allowed is left out (the registry then refuses). */
export function grantAccess(requested: readonly Access[], grants: readonly Grant[]): Access[] {
  const granted: Access[] = [];
  for (const access of requested) {
    const allowed = new Set(grants.filter((grant) => grantCovers(grant, access.type, access.name)).flatMap((grant) => grant.actions));
    const actions = access.actions.filter((action) => allowed.has('*') || allowed.has(action));
    if (actions.length > 0) granted.push({ type: access.type, name: access.name, actions });
  }
  return granted;
}

export interface SigningKey {
  key: KeyObject;
  /** The certificate, base64 DER, as `x5c` carries it. */
  certificate: string;
}

export function loadSigningKey(keyPem: string, certPem: string): SigningKey {
  return { key: createPrivateKey(keyPem), certificate: new X509Certificate(certPem).raw.toString('base64') };
}

export interface TokenRequest {
  issuer: string;
  service: string;
  /** The user's name, or empty for an anonymous token. */
  subject: string;
  access: readonly Access[];
  lifetimeSeconds: number;
  /** Seconds since the epoch. */
  now: number;
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** A compact JWS the registry accepts for `lifetimeSeconds` from `now`. */
export function signToken(request: TokenRequest, signingKey: SigningKey): string {
  const header = { typ: 'JWT', alg: 'ES256', x5c: [signingKey.certificate] };
  const claims = {
    iss: request.issuer,
    sub: request.subject,
    aud: request.service,
    exp: request.now + request.lifetimeSeconds - registryLeewaySeconds,
    nbf: request.now - 1,
    iat: request.now,
    jti: randomBytes(12).toString('hex'),
    access: request.access,
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key: signingKey.key, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${base64url(signature)}`;
}

export type SignIn =
  | { kind: 'anonymous' }
  | { kind: 'password'; username: string; password: string }
  | { kind: 'refresh_token'; refreshToken: string };

/** The user a sign-in names, `null` for anonymous, or `'refused'` for wrong credentials. */
export function authenticate(config: Pick<TokenServerConfig, 'users'>, signIn: SignIn): { name: string; user: TokenUser } | null | 'refused' {
  if (signIn.kind === 'anonymous') return null;
  for (const [name, user] of Object.entries(config.users)) {
    if (signIn.kind === 'password' && name === signIn.username && user.password === signIn.password) return { name, user };
    if (signIn.kind === 'refresh_token' && user.identityToken !== undefined && user.identityToken === signIn.refreshToken) return { name, user };
  }
  return 'refused';
}
