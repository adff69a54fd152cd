import { describe, expect, it } from 'vitest';
import { BerthError } from '../../../../runtime/api/index.js';
import { buildParamsOf, emptyBuildForm, fieldOfError, splitTags } from './buildForm.js';

describe('buildParamsOf', () => {
  it('turns the form into images.build params', () => {
    const { params, errors } = buildParamsOf({
      ...emptyBuildForm,
      context: ' /src/app ',
      tags: 'app:2, app:latest  127.0.0.1:5000/app:2',
      buildArgs: [
        { name: 'VERSION', value: '2' },
        { name: '', value: '' },
      ],
      target: 'final',
      noCache: true,
    });
    expect(errors).toEqual({});
    expect(params).toEqual({
      context: '/src/app',
      dockerfile: 'Dockerfile',
      tags: ['app:2', 'app:latest', '127.0.0.1:5000/app:2'],
      buildArgs: { VERSION: '2' },
      target: 'final',
      noCache: true,
      pull: false,
    });
  });

  it('names each wrong field as the backend would refuse it', () => {
    const { params, errors } = buildParamsOf({
      ...emptyBuildForm,
      context: 'relative',
      tags: 'ok:1 Bad:1',
      buildArgs: [{ name: 'A B', value: 'x' }],
      target: '9lives',
    });
    expect(params).toBeNull();
    expect(errors).toEqual({
      context: 'Context directory must be an absolute path (e.g. /home/me/app)',
      tags: 'Tag "Bad:1": repository name "Bad" must be lowercase',
      buildArgs: 'Build arg "A B" must not contain "=", white space or control characters',
      target: 'Target stage must be a stage name: a letter, then letters, digits, _ . or -',
    });
  });

  it('refuses a build arg without a name, or given twice', () => {
    expect(buildParamsOf({ ...emptyBuildForm, context: '/a', buildArgs: [{ name: '', value: 'x' }] }).errors.buildArgs).toBe('A build arg with the value "x" has no name.');
    expect(buildParamsOf({ ...emptyBuildForm, context: '/a', buildArgs: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] }).errors.buildArgs).toBe('Build arg A is given twice.');
  });

  it('an empty context is required', () => {
    expect(buildParamsOf(emptyBuildForm).errors.context).toBe('Context directory is required');
  });
});

describe('splitTags and fieldOfError', () => {
  it('splits on spaces and commas', () => {
    expect(splitTags(' a:1,b:2  c ')).toEqual(['a:1', 'b:2', 'c']);
  });
  it('reads the field a backend refusal names', () => {
    expect(fieldOfError(new BerthError('invalid_argument', 'context: /x does not exist', { field: 'context' }))).toBe('context');
    expect(fieldOfError(new BerthError('conflict', 'Step 2/2 failed', {}))).toBeNull();
  });
});
