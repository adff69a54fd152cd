import type { BerthError } from '../api/index.js';
import { registryErrorText } from './errors.js';
import type { TlsProblem, UnreachableReason } from './network-errors.js';
import { refusalOf } from './refusal.js';
import { hasPassword } from './secrets.js';
import type { CallResult, RegistrySession } from './session.js';
import { header } from './transport.js';

/**
 * "Test connection": `GET /v2/`, signed in as the registry asks, read into exactly one
 * outcome with one line to show. Never throws, except when cancelled.
 */

export type HandshakeOutcome =
  | {
      kind: 'reachable';
      message: string;
      /** How it wants to be signed in to: not at all, HTTP Basic, or bearer tokens. */
      auth: 'none' | 'basic' | 'bearer';
      /** Credentials were sent and accepted (false: it answered without them, or with an anonymous token). */
      signedIn: boolean;
      /** `Docker-Distribution-API-Version`, e.g. `registry/2.0`. */
      apiVersion: string;
    }
  | { kind: 'needs_credentials'; message: string; auth: 'basic' | 'bearer' }
  | { kind: 'wrong_credentials'; message: string }
  | { kind: 'tls_error'; message: string; tls: TlsProblem }
  | { kind: 'not_a_registry'; message: string; status: number }
  | { kind: 'unreachable'; message: string; reason: UnreachableReason }
  /** Anything else: the token service failing, credentials refused for plain http, a 500. */
  | { kind: 'error'; message: string };

const unreachableReasons = new Set<string>(['refused', 'dns', 'timeout', 'reset', 'no_route', 'other']);

function fromError(error: BerthError): HandshakeOutcome {
  const reason = typeof error.details?.reason === 'string' ? error.details.reason : '';
  const { message } = error;
  if (reason.startsWith('tls_')) return { kind: 'tls_error', message, tls: reason.slice('tls_'.length) as TlsProblem };
  if (unreachableReasons.has(reason)) return { kind: 'unreachable', message, reason: reason as UnreachableReason };
  if (reason === 'wrong_credentials') return { kind: 'wrong_credentials', message };
  if (reason === 'needs_credentials') return { kind: 'needs_credentials', message, auth: 'bearer' };
  return { kind: 'error', message };
}

async function signedInAs(session: RegistrySession): Promise<string> {
  const credentials = await session.options.credentials(session.endpoint.host);
  if (credentials === null) return '';
  return hasPassword(credentials) ? ` as ${credentials.username}` : ' with an identity token';
}

async function fromAnswer(session: RegistrySession, result: CallResult): Promise<HandshakeOutcome> {
  const { response } = result;
  const { host, origin } = session.endpoint;
  const apiVersion = header(response, 'docker-distribution-api-version');
  if (apiVersion === undefined || !/^registry\/2\./i.test(apiVersion.trim())) {
    return {
      kind: 'not_a_registry',
      message: `${origin} answered /v2/ with HTTP ${response.status} but no Docker-Distribution-API-Version header: it is not a container registry (or not at this address).`,
      status: response.status,
    };
  }
  if (response.status === 200) {
    const auth = result.scheme;
    const signedIn = result.usedCredentials;
    const how =
      auth === 'none' ? 'no sign-in needed' : signedIn ? `signed in${await signedInAs(session)} (${auth === 'basic' ? 'HTTP Basic' : 'bearer token'})` : 'anonymous bearer token accepted';
    return { kind: 'reachable', message: `${host} is a reachable registry: ${how}.`, auth, signedIn, apiVersion: apiVersion.trim() };
  }
  if (response.status === 401) {
    const refusal = refusalOf(session, result, 'The registry');
    const auth = result.challenge?.scheme ?? (result.scheme === 'none' ? 'basic' : result.scheme);
    if (refusal.reason === 'needs_credentials') return { kind: 'needs_credentials', message: `${host} needs credentials: it asks for ${auth === 'basic' ? 'a username and password (HTTP Basic)' : 'a sign-in at its token service'}.`, auth };
    return { kind: 'wrong_credentials', message: refusal.error.message };
  }
  return { kind: 'error', message: `${host} answered /v2/ with ${registryErrorText(response)}.` };
}

export async function checkRegistry(session: RegistrySession, signal?: AbortSignal): Promise<HandshakeOutcome> {
  try {
    const result = await session.call({ method: 'GET', path: '/v2/', signal, maxBodyBytes: 64 * 1024 });
    const outcome = await fromAnswer(session, result);
    return { ...outcome, message: session.secrets.scrub(outcome.message) };
  } catch (error) {
    const scrubbed = session.secrets.scrubError(error);
    if (scrubbed.code === 'cancelled') throw scrubbed;
    return fromError(scrubbed);
  }
}
