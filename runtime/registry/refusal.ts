import { BerthError } from '../api/index.js';
import { registryErrorText, registryRefusal } from './errors.js';
import type { CallResult, RegistrySession } from './session.js';

/**
 * What a registry's refusal means for the person asking, from the status, the challenge and
 * whether credentials were sent: a sign-in is needed, the credentials are wrong, the user may
 * not do this, or the thing is not there. Never echoes a credential: the username at most.
 */

export type RefusalReason = 'needs_credentials' | 'wrong_credentials' | 'denied' | 'not_found' | 'other';

export interface Refusal {
  reason: RefusalReason;
  error: BerthError;
}

export function refusalOf(session: RegistrySession, result: CallResult, what: string): Refusal {
  const { host } = session.endpoint;
  const { response } = result;
  const words = registryErrorText(response);
  const details = (reason: RefusalReason) => ({ registry: host, status: response.status, reason });
  if (response.status === 401) {
    const scheme = result.challenge?.scheme ?? result.scheme;
    if (scheme === 'basic' && result.usedCredentials) {
      return { reason: 'wrong_credentials', error: new BerthError('unauthorized', `Wrong credentials for ${host}: it refused the username and password (${words}).`, details('wrong_credentials')) };
    }
    if (!result.usedCredentials) {
      const how = scheme === 'basic' ? 'a username and password' : 'credentials';
      return { reason: 'needs_credentials', error: new BerthError('unauthorized', `${what} at ${host} needs ${how}: anonymous access was refused (${words}).`, details('needs_credentials')) };
    }
    const error = result.challenge?.scheme === 'bearer' ? result.challenge.bearer.error : undefined;
    const why = error === undefined ? words : `${error}; ${words}`;
    return { reason: 'denied', error: new BerthError('unauthorized', `${what} at ${host} was refused for the signed-in user (${why}).`, details('denied')) };
  }
  if (response.status === 403) {
    return { reason: 'denied', error: new BerthError('unauthorized', `${what} at ${host} was refused (${words}).`, details('denied')) };
  }
  if (response.status === 404) return { reason: 'not_found', error: registryRefusal(host, what, response, { reason: 'not_found' }) };
  return { reason: 'other', error: registryRefusal(host, what, response) };
}
