import { describe, expect, it } from 'vitest';
import { classifyNetworkError, describeConnectionProblem } from './network-errors.js';

describe('classifyNetworkError', () => {
  it('reads certificate problems from their codes', () => {
    for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) {
      expect(classifyNetworkError({ code })).toEqual({ kind: 'tls', problem: 'unknown_authority' });
    }
    expect(classifyNetworkError({ code: 'CERT_HAS_EXPIRED' })).toEqual({ kind: 'tls', problem: 'expired' });
    expect(classifyNetworkError({ code: 'CERT_NOT_YET_VALID' })).toEqual({ kind: 'tls', problem: 'not_yet_valid' });
    expect(classifyNetworkError({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' })).toEqual({ kind: 'tls', problem: 'hostname_mismatch' });
  });

  it('knows a plain-http answer to https, however OpenSSL reports it', () => {
    expect(classifyNetworkError({ code: 'EPROTO', message: 'write EPROTO 80EC61B0BA7F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number' })).toEqual({ kind: 'tls', problem: 'not_tls' });
    expect(classifyNetworkError({ code: 'ERR_SSL_WRONG_VERSION_NUMBER' })).toEqual({ kind: 'tls', problem: 'not_tls' });
    expect(classifyNetworkError({ code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' })).toEqual({ kind: 'tls', problem: 'handshake' });
  });

  it('reads socket failures', () => {
    expect(classifyNetworkError({ code: 'ECONNREFUSED' })).toEqual({ kind: 'unreachable', reason: 'refused' });
    expect(classifyNetworkError({ code: 'ENOTFOUND' })).toEqual({ kind: 'unreachable', reason: 'dns' });
    expect(classifyNetworkError({ code: 'EAI_AGAIN' })).toEqual({ kind: 'unreachable', reason: 'dns' });
    expect(classifyNetworkError({ code: 'ETIMEDOUT' })).toEqual({ kind: 'unreachable', reason: 'timeout' });
    expect(classifyNetworkError({ code: 'ECONNRESET' })).toEqual({ kind: 'unreachable', reason: 'reset' });
    expect(classifyNetworkError({ code: 'EHOSTUNREACH' })).toEqual({ kind: 'unreachable', reason: 'no_route' });
    expect(classifyNetworkError({ message: 'odd' })).toEqual({ kind: 'unreachable', reason: 'other' });
  });
});

describe('describeConnectionProblem', () => {
  it('is one line naming where and what', () => {
    expect(describeConnectionProblem({ kind: 'unreachable', reason: 'dns' }, 'https://r.example', '')).toBe('Cannot reach https://r.example: the host name does not resolve.');
    expect(describeConnectionProblem({ kind: 'unreachable', reason: 'timeout' }, 'https://r.example', '', 500)).toBe('Cannot reach https://r.example: no answer within 500 ms.');
    expect(describeConnectionProblem({ kind: 'tls', problem: 'expired' }, 'https://r.example', '')).toBe('TLS error at https://r.example: its certificate has expired.');
    expect(describeConnectionProblem({ kind: 'tls', problem: 'handshake' }, 'https://r.example', 'no shared cipher')).toBe('TLS error at https://r.example: the handshake failed (no shared cipher).');
  });
});
