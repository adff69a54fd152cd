import { describe, expect, it } from 'vitest';
import { checkImageReference, pullArguments } from './image-reference.js';

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

  it('pulls one tag, latest when none is named, never every tag', () => {
    expect(pullArguments({ path: 'busybox' })).toEqual({ fromImage: 'busybox', tag: 'latest' });
    expect(pullArguments({ domain: 'r:5000', path: 'a/b', tag: '2' })).toEqual({ fromImage: 'r:5000/a/b', tag: '2' });
    expect(pullArguments({ path: 'a', tag: '1', digest })).toEqual({ fromImage: 'a', tag: digest });
  });
});
