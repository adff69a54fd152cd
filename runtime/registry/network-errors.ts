/**
 * A failed connection to a registry (or its token service) read into what went wrong, from
 * Node's error codes, never from message text: the socket (refused, unknown host, timed out,
 * cut off, no route) or TLS (which problem with the certificate, or no TLS at all).
 */

export type UnreachableReason = 'refused' | 'dns' | 'timeout' | 'reset' | 'no_route' | 'other';

export type TlsProblem =
  /** Signed by a certificate authority this machine does not trust (self-signed, private CA). */
  | 'unknown_authority'
  | 'expired'
  | 'not_yet_valid'
  /** Valid, but for another name than the one connected to. */
  | 'hostname_mismatch'
  | 'revoked'
  /** The server answered in plain text: it speaks http, not https. */
  | 'not_tls'
  /** Any other failed handshake (no shared protocol or cipher, a bad signature). */
  | 'handshake';

export type ConnectionProblem = { kind: 'unreachable'; reason: UnreachableReason } | { kind: 'tls'; problem: TlsProblem };

const unknownAuthorityCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_CHAIN_TOO_LONG',
  'INVALID_CA',
]);

/** Reads a Node socket or TLS error; `timeout` is this client's own deadline passing. */
export function classifyNetworkError(error: { code?: string | undefined; message?: string }): ConnectionProblem {
  const code = error.code ?? '';
  if (unknownAuthorityCodes.has(code)) return { kind: 'tls', problem: 'unknown_authority' };
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return { kind: 'tls', problem: 'expired' };
    case 'CERT_NOT_YET_VALID':
      return { kind: 'tls', problem: 'not_yet_valid' };
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH':
      return { kind: 'tls', problem: 'hostname_mismatch' };
    case 'CERT_REVOKED':
      return { kind: 'tls', problem: 'revoked' };
    case 'ECONNREFUSED':
      return { kind: 'unreachable', reason: 'refused' };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NONAME':
      return { kind: 'unreachable', reason: 'dns' };
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
    case 'timeout':
      return { kind: 'unreachable', reason: 'timeout' };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return { kind: 'unreachable', reason: 'reset' };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return { kind: 'unreachable', reason: 'no_route' };
    default:
      break;
  }
  // OpenSSL reports a plain-text answer to its ClientHello as a record it cannot read; Node
  // gives these the code of the OpenSSL reason (ERR_SSL_WRONG_VERSION_NUMBER) or, on a write, EPROTO.
  if (/^ERR_SSL_(WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST)$/.test(code)) return { kind: 'tls', problem: 'not_tls' };
  if (code === 'EPROTO' && /wrong version number|packet length too long|http request/i.test(error.message ?? '')) return { kind: 'tls', problem: 'not_tls' };
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO' || code.startsWith('CERT_')) return { kind: 'tls', problem: 'handshake' };
  return { kind: 'unreachable', reason: 'other' };
}

/** One line saying what happened, naming where (`https://host:port`); `detail` is the system's own words, added for unknown cases. */
export function describeConnectionProblem(problem: ConnectionProblem, where: string, detail: string, timeoutMs?: number): string {
  if (problem.kind === 'tls') {
    switch (problem.problem) {
      case 'unknown_authority':
        return `TLS error at ${where}: its certificate is signed by an authority this machine does not trust (self-signed or a private CA; add that CA to trust it).`;
      case 'expired':
        return `TLS error at ${where}: its certificate has expired.`;
      case 'not_yet_valid':
        return `TLS error at ${where}: its certificate is not valid yet (check the clocks).`;
      case 'hostname_mismatch':
        return `TLS error at ${where}: its certificate is for another host name.`;
      case 'revoked':
        return `TLS error at ${where}: its certificate has been revoked.`;
      case 'not_tls':
        return `TLS error at ${where}: it answers in plain HTTP, not HTTPS (use http:// for a loopback or insecure registry).`;
      case 'handshake':
        return `TLS error at ${where}: the handshake failed (${detail}).`;
    }
  }
  switch (problem.reason) {
    case 'refused':
      return `Cannot reach ${where}: connection refused (nothing listens there).`;
    case 'dns':
      return `Cannot reach ${where}: the host name does not resolve.`;
    case 'timeout':
      return `Cannot reach ${where}: no answer within ${timeoutMs === undefined ? 'the time allowed' : `${timeoutMs} ms`}.`;
    case 'reset':
      return `Cannot reach ${where}: the connection was cut off.`;
    case 'no_route':
      return `Cannot reach ${where}: no route to the host.`;
    case 'other':
      return `Cannot reach ${where}: ${detail}`;
  }
}
