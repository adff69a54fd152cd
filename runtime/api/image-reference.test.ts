import { describe, expect, it } from 'vitest';
import { checkImageReference, checkPullReference, checkTagTarget, couldBeImageIdPrefix, isImageId, normalizeImageReference, repositoryAndTag, registryOfRepository } from './image-reference.js';

const digest = `sha256:${'a'.repeat(64)}`;

describe('image reference grammar', () => {
  it.each([
    ['busybox', { path: 'busybox' }],
    ['busybox:1.36', { path: 'busybox', tag: '1.36' }],
    ['library/busybox:latest', { path: 'library/busybox', tag: 'latest' }],
    ['registry:5000/team/app:1.2', { domain: 'registry:5000', path: 'team/app', tag: '1.2' }],
    ['127.0.0.1:5000/berth-test/busybox', { domain: '127.0.0.1:5000', path: 'berth-test/busybox' }],
    ['localhost/app', { domain: 'localhost', path: 'app' }],
    ['ghcr.io/o_r/my__app-x.y:v1_2-rc.3', { domain: 'ghcr.io', path: 'o_r/my__app-x.y', tag: 'v1_2-rc.3' }],
    [`app@${digest}`, { path: 'app', digest }],
    [`app:1@${digest}`, { path: 'app', tag: '1', digest }],
    ['[::1]:5000/app', { domain: '[::1]:5000', path: 'app' }],
  ])('accepts %s', (text, reference) => {
    expect(checkImageReference(text)).toEqual({ ok: true, reference });
  });

  it('accepts image ids, which need no pull', () => {
    expect(checkImageReference('f'.repeat(64))).toEqual({ ok: true, reference: null });
    expect(checkImageReference(`sha256:${'0'.repeat(64)}`)).toEqual({ ok: true, reference: null });
  });

  it.each([
    ['', /is required/],
    ['Busybox', /must be lowercase/],
    ['team/App', /must be lowercase/],
    ['busy box', /white space/],
    ['app:', /invalid tag/],
    ['app:-x', /invalid tag/],
    [`app:${'x'.repeat(129)}`, /invalid tag/],
    ['app@sha256:abc', /invalid digest/],
    ['-app', /not a valid image reference/],
    ['app_', /not a valid image reference/],
    ['a..b', /not a valid image reference/],
    ['bad_host:5000/app', /not a valid registry host/],
    [`${'a'.repeat(256)}`, /255/],
  ])('refuses %j', (text, reason) => {
    const check = checkImageReference(text);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });
});

describe('image ids', () => {
  it('tells a full id from a reference, and a possible short id from neither', () => {
    expect(isImageId('f'.repeat(64))).toBe(true);
    expect(isImageId(`sha256:${'0'.repeat(64)}`)).toBe(true);
    expect(isImageId('f'.repeat(12))).toBe(false);
    expect(couldBeImageIdPrefix('dddddddddddd')).toBe(true);
    expect(couldBeImageIdPrefix(`sha256:${'d'.repeat(20)}`)).toBe(true);
    expect(couldBeImageIdPrefix('ddddd')).toBe(false);
    expect(couldBeImageIdPrefix('busybox')).toBe(false);
  });
});

describe('normalizeImageReference', () => {
  it.each([
    ['busybox', 'docker.io/library/busybox:latest'],
    ['busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['library/busybox', 'docker.io/library/busybox:latest'],
    ['docker.io/library/busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['docker.io/busybox', 'docker.io/library/busybox:latest'],
    ['index.docker.io/library/busybox', 'docker.io/library/busybox:latest'],
    ['team/app', 'docker.io/team/app:latest'],
    ['registry:5000/team/app', 'registry:5000/team/app:latest'],
    ['registry:5000/app', 'registry:5000/app:latest'],
    ['localhost/mine', 'localhost/mine:latest'],
    [`app@${digest}`, `docker.io/library/app@${digest}`],
    [`app:1@${digest}`, `docker.io/library/app:1@${digest}`],
  ])('resolves %s to %s, as the CLI does', (text, full) => {
    expect(normalizeImageReference(text)).toBe(full);
  });

  it('names nothing for an id or text that is not a reference', () => {
    expect(normalizeImageReference('f'.repeat(64))).toBeNull();
    expect(normalizeImageReference('app@sha256:abc')).toBeNull();
    expect(normalizeImageReference('Busybox')).toBeNull();
    expect(normalizeImageReference('')).toBeNull();
  });
});

describe('tag targets (docker tag, docker push)', () => {
  it.each([
    ['app', { path: 'app' }],
    ['127.0.0.1:5000/app:1', { domain: '127.0.0.1:5000', path: 'app', tag: '1' }],
    ['registry.example:443/team/my__app-x.y:v1_2-rc.3', { domain: 'registry.example:443', path: 'team/my__app-x.y', tag: 'v1_2-rc.3' }],
    [`app:${'x'.repeat(128)}`, { path: 'app', tag: 'x'.repeat(128) }],
  ])('accepts %s', (text, reference) => {
    expect(checkTagTarget(text)).toEqual({ ok: true, reference });
  });

  it.each([
    ['', /is required/],
    ['App:1', /must be lowercase/],
    ['127.0.0.1:5000/Team/app', /must be lowercase/],
    ['Team/app:1', /must be lowercase/],
    ['app:.1', /invalid tag/],
    [`app:${'x'.repeat(129)}`, /invalid tag/],
    ['app:1:2', /not a valid registry host|not a valid image reference/],
    [`app@${digest}`, /has a digest/],
    [`app:1@${digest}`, /has a digest/],
    ['a'.repeat(64), /image id/],
    [`${'b'.repeat(64)}:1`, /image id/],
    ['bad_host:5000/app', /not a valid registry host/],
  ])('refuses %j', (text, reason) => {
    const check = checkTagTarget(text);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('takes a target apart as the engine wants it, latest when no tag is given', () => {
    expect(repositoryAndTag({ domain: '127.0.0.1:5000', path: 'team/app', tag: '1' })).toEqual({ repository: '127.0.0.1:5000/team/app', tag: '1' });
    expect(repositoryAndTag({ path: 'app' })).toEqual({ repository: 'app', tag: 'latest' });
  });

  it('a pull takes a digest but not an image id', () => {
    expect(checkPullReference(`app@${digest}`)).toEqual({ ok: true, reference: { path: 'app', digest } });
    expect(checkPullReference('f'.repeat(64))).toEqual({ ok: false, reason: `${'f'.repeat(64)} is an image id; only a name can be pulled` });
  });
});

describe('registryOfRepository', () => {
  it('is the first component when it is a host, and Docker Hub otherwise', () => {
    expect(registryOfRepository('127.0.0.1:5000/team/app')).toBe('127.0.0.1:5000');
    expect(registryOfRepository('localhost/app')).toBe('localhost');
    expect(registryOfRepository('ghcr.io/owner/app')).toBe('ghcr.io');
    expect(registryOfRepository('[::1]:5000/app')).toBe('[::1]:5000');
    expect(registryOfRepository('busybox')).toBe('docker.io');
    expect(registryOfRepository('library/busybox')).toBe('docker.io');
    expect(registryOfRepository('index.docker.io/library/busybox')).toBe('docker.io');
  });
});
