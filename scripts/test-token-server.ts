import { readFileSync } from 'node:fs';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { authenticate, grantAccess, loadSigningKey, parseScopes, signToken, type SignIn, type TokenServerConfig } from './test-token.js';

/**
 * The token server of the test environment's Bearer-auth registry (distribution's `auth:
 * token`), written for the tests: `GET /token?service=&scope=` with or without HTTP Basic
 * credentials (anonymous tokens), and the OAuth2 form `POST /token` with
 * `grant_type=password` or `grant_type=refresh_token` (how docker signs in with an identity
 * token). Wrong credentials get 401; a token holds only the scopes the user's grants allow.
 * It logs who got which access, never a password or a token.
 *
 *   node --import tsx scripts/test-token-server.ts CONFIG.json
 */

const maxBodyBytes = 64 * 1024;

function send(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > maxBodyBytes) request.destroy(new Error('request body too large'));
    });
    request.once('end', () => resolve(body));
    request.once('error', reject);
  });
}

/** The sign-in of a GET: HTTP Basic credentials, or none. */
function basicSignIn(header: string | undefined): SignIn | null {
  if (header === undefined) return { kind: 'anonymous' };
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { kind: 'password', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The sign-in of an OAuth2 form POST. */
function formSignIn(form: URLSearchParams): SignIn | null {
  switch (form.get('grant_type')) {
    case 'password':
      return { kind: 'password', username: form.get('username') ?? '', password: form.get('password') ?? '' };
    case 'refresh_token':
      return { kind: 'refresh_token', refreshToken: form.get('refresh_token') ?? '' };
    default:
      return null;
  }
}

export function createTokenServer(config: TokenServerConfig, log: (line: string) => void): http.Server {
  const signingKey = loadSigningKey(readFileSync(config.keyFile, 'utf8'), readFileSync(config.certFile, 'utf8'));
  const handle = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://token-server');
    if (url.pathname !== '/token' || (request.method !== 'GET' && request.method !== 'POST')) {
      send(response, 404, { errors: [{ code: 'NOT_FOUND', message: 'only /token is served here' }] });
      return;
    }
    const isForm = request.method === 'POST';
    const form = isForm ? new URLSearchParams(await readBody(request)) : url.searchParams;
    const signIn = isForm ? formSignIn(form) : basicSignIn(request.headers.authorization);
    if (signIn === null) {
      send(response, 400, { error: 'unsupported_grant_type', errors: [{ code: 'UNSUPPORTED', message: 'unsupported sign-in' }] });
      return;
    }
    if (form.get('service') !== config.service) {
      send(response, 400, { error: 'invalid_request', errors: [{ code: 'DENIED', message: `unknown service "${form.get('service') ?? ''}"` }] });
      return;
    }
    const who = authenticate(config, signIn);
    if (who === 'refused') {
      log(`refused a ${signIn.kind} sign-in${signIn.kind === 'password' ? ` as ${signIn.username}` : ''}: wrong credentials`);
      send(response, 401, { error: 'invalid_grant', errors: [{ code: 'UNAUTHORIZED', message: 'invalid username, password or token' }] }, { 'WWW-Authenticate': 'Basic realm="berth-test-token"' });
      return;
    }
    let requested;
    try {
      // GET repeats `scope`; the OAuth2 form separates scopes with spaces.
      requested = parseScopes(form.getAll('scope'));
    } catch (error) {
      send(response, 400, { error: 'invalid_scope', errors: [{ code: 'DENIED', message: error instanceof Error ? error.message : String(error) }] });
      return;
    }
    const access = grantAccess(requested, who === null ? config.anonymous : who.user.grants);
    const lifetimeSeconds = who?.user.lifetimeSeconds ?? config.lifetimeSeconds;
    const now = Math.floor(Date.now() / 1000);
    const token = signToken({ issuer: config.issuer, service: config.service, subject: who?.name ?? '', access, lifetimeSeconds, now }, signingKey);
    const expiresIn = who?.user.claimedLifetimeSeconds ?? lifetimeSeconds;
    const issuedAt = new Date(now * 1000).toISOString();
    const scopes = access.map((item) => `${item.type}:${item.name}:${item.actions.join(',')}`);
    log(`issued a ${lifetimeSeconds} s token (said ${expiresIn} s) to ${who?.name ?? 'anonymous'} by ${signIn.kind} for [${scopes.join(' ')}] of [${form.getAll('scope').join(' ')}]`);
    send(response, 200, isForm ? { access_token: token, expires_in: expiresIn, issued_at: issuedAt, scope: scopes.join(' ') } : { token, access_token: token, expires_in: expiresIn, issued_at: issuedAt });
  };
  return http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) send(response, 500, { errors: [{ code: 'UNKNOWN', message: 'token server failure' }] });
      else response.destroy();
    });
  });
}

function main(configFile: string | undefined): void {
  if (configFile === undefined) throw new Error('usage: node --import tsx scripts/test-token-server.ts CONFIG.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as TokenServerConfig;
  const [host = '127.0.0.1', port = '0'] = config.address.split(':');
  const server = createTokenServer(config, (line) => console.log(`${new Date().toISOString()} ${line}`));
  server.listen(Number(port), host, () => console.log(`token server listening on ${config.address}`));
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv[2]);
