import { describe, expect, it } from 'vitest';
import { codeForRegistryStatus, registryErrorCodes, registryErrorText, registryRefusal } from './errors.js';
import type { HttpResponse } from './transport.js';

const answer = (status: number, body: string): HttpResponse => ({ status, headers: {}, body: Buffer.from(body), url: new URL('http://127.0.0.1:5000/v2/') });

describe('registry errors', () => {
  it('say the registry words from the distribution error body, in one line', () => {
    const response = answer(404, '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest\\nunknown","detail":{"Tag":"x"}},{"code":"NAME_UNKNOWN"}]}');
    expect(registryErrorText(response)).toBe('MANIFEST_UNKNOWN: manifest unknown; NAME_UNKNOWN');
    expect(registryErrorCodes(response)).toEqual(['MANIFEST_UNKNOWN', 'NAME_UNKNOWN']);
  });

  it('read an OAuth2 error, plain text, and fall back to the status for HTML or nothing', () => {
    expect(registryErrorText(answer(400, '{"error":"invalid_grant","error_description":"bad token"}'))).toBe('invalid_grant: bad token');
    expect(registryErrorText(answer(500, 'boom'))).toBe('HTTP 500: boom');
    expect(registryErrorText(answer(502, '<html>Bad gateway</html>'))).toBe('HTTP 502');
    expect(registryErrorText(answer(404, ''))).toBe('HTTP 404');
  });

  it('map the HTTP status to the contract code', () => {
    expect([400, 401, 403, 404, 405, 409, 429, 500, 502, 503, 504].map(codeForRegistryStatus)).toEqual([
      'invalid_argument', 'unauthorized', 'unauthorized', 'not_found', 'conflict', 'conflict', 'conflict', 'conflict', 'engine_unreachable', 'engine_unreachable', 'timeout',
    ]);
    expect(registryRefusal('127.0.0.1:5000', 'The catalog', answer(500, '{"errors":[{"code":"UNKNOWN","message":"x"}]}')).toWire()).toEqual({
      code: 'conflict',
      message: 'The catalog at 127.0.0.1:5000: UNKNOWN: x',
      details: { registry: '127.0.0.1:5000', status: 500, registryCodes: ['UNKNOWN'] },
    });
  });
});
