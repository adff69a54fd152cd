import { describe, expect, it } from 'vitest';
import { BerthError } from '../../../../runtime/api/errors.js';
import { uploadAnswer } from './uploadArchive.js';

describe('uploadAnswer', () => {
  it('reads the result of a load', () => {
    expect(uploadAnswer(200, '{"references":["app:1"],"ids":[],"bytes":2048}')).toEqual({ references: ['app:1'], ids: [], bytes: 2048 });
  });

  it('turns a refusal into the error its status means, with the host\'s words', () => {
    const refused = uploadAnswer(400, 'The engine could not load the archive: unexpected EOF\n');
    expect(refused).toBeInstanceOf(BerthError);
    expect(refused).toMatchObject({ code: 'invalid_argument', message: 'The engine could not load the archive: unexpected EOF' });
    expect(uploadAnswer(404, 'No engine "x".')).toMatchObject({ code: 'not_found' });
    expect(uploadAnswer(401, 'Unauthorized')).toMatchObject({ code: 'unauthorized' });
    expect((uploadAnswer(403, 'Forbidden') as BerthError).message).toMatch(/session is not valid/);
    expect(uploadAnswer(502, '')).toMatchObject({ code: 'internal', message: 'Berth refused the upload (HTTP 502).' });
    expect(uploadAnswer(200, '<html>')).toMatchObject({ code: 'internal' });
  });
});
