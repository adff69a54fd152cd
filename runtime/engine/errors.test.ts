import { describe, expect, it } from 'vitest';
import { codeForStatus, fromEngineError } from './errors.js';

describe('engine errors', () => {
  it('map the engine HTTP status to the contract code, keeping internal for bugs in Berth', () => {
    expect([400, 401, 403, 404, 409, 408, 504, 502, 503, 500, 501].map(codeForStatus)).toEqual([
      'invalid_argument',
      'unauthorized',
      'unauthorized',
      'not_found',
      'conflict',
      'timeout',
      'timeout',
      'engine_unreachable',
      'engine_unreachable',
      'conflict',
      'conflict',
    ]);
    // A status the engine should never send for a request (a redirect) is a bug in how Berth asked.
    expect(codeForStatus(301)).toBe('internal');
  });

  it("an engine's own failure is a conflict in its own words, with the status", () => {
    const error = fromEngineError({ statusCode: 500, json: { message: 'Multiple IDs found with provided prefix: c' } });
    expect(error).toMatchObject({ code: 'conflict', message: 'Multiple IDs found with provided prefix: c', details: { status: 500 } });
  });

  it("takes the engine's words out of the modem's message for a streamed request, which has no JSON", () => {
    const error = fromEngineError({ statusCode: 501, json: null, message: '(HTTP code 501) unexpected - configured logging driver does not support reading ' });
    expect(error).toMatchObject({ code: 'conflict', message: 'configured logging driver does not support reading', details: { status: 501 } });
  });
});
