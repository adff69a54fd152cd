import { describe, expect, it } from 'vitest';
import { buildArgNameProblem, checkBuildTag, imagesBuildSchema } from './image-build.js';

describe('images.build params', () => {
  it('fills the defaults as docker build has them', () => {
    expect(imagesBuildSchema.parse({ context: '/src/app' })).toEqual({ context: '/src/app', dockerfile: 'Dockerfile', tags: [], buildArgs: {}, noCache: false, pull: false });
  });

  it.each([
    [{ context: 'app' }, 'context', 'must be an absolute path (e.g. /home/me/app)'],
    [{ context: '' }, 'context', 'is required'],
    [{ context: '/a', tags: ['App:1'] }, 'tags.0', 'repository name "App" must be lowercase'],
    [{ context: '/a', tags: ['app:-x'] }, 'tags.0', '"app:-x" has an invalid tag "-x" (letters, digits, _ . -, at most 128, not starting with . or -)'],
    [{ context: '/a', buildArgs: { 'HAS SPACE': 'x' } }, 'buildArgs.HAS SPACE', 'must not contain "=", white space or control characters'],
    [{ context: '/a', target: 'has space' }, 'target', 'must be a stage name: a letter, then letters, digits, _ . or -'],
    [{ context: '/a', dockerfile: '' }, 'dockerfile', 'is required'],
  ])('refuses %j naming %s', (params, field, message) => {
    const result = imagesBuildSchema.safeParse(params);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toContainEqual([field, message]);
  });

  it('accepts Windows paths for a backend on Windows, any ARG name a Dockerfile can use, and a registry with a port in a tag', () => {
    expect(imagesBuildSchema.safeParse({ context: 'C:\\src\\app', buildArgs: { http_proxy: 'x', 'my.arg': '', Ü: 'ok' }, tags: ['127.0.0.1:5000/team/app:2'] }).success).toBe(true);
  });

  it('checkBuildTag refuses ids and digests as the CLI refuses them for -t', () => {
    expect(checkBuildTag('app:2')).toEqual({ ok: true });
    expect(checkBuildTag('a'.repeat(64))).toMatchObject({ ok: false, reason: expect.stringMatching(/is an image id/) as string });
    expect(checkBuildTag(`app@sha256:${'a'.repeat(64)}`)).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot contain one/) as string });
  });

  it('buildArgNameProblem', () => {
    expect(buildArgNameProblem('VERSION')).toBeNull();
    expect(buildArgNameProblem('A=B')).toMatch(/must not contain "="/);
    expect(buildArgNameProblem('')).toMatch(/required/);
    expect(buildArgNameProblem('A\u0007')).toMatch(/control/);
  });
});
