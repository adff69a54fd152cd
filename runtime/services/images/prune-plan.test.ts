import { describe, expect, it } from 'vitest';
import type { PruneFilters } from '../../api/index.js';
import { instantOfUnixSeconds, matchesLabels, planPrune, referencesRemoved, type StoreImage } from './prune-plan.js';

const noFilters: PruneFilters = { label: [], 'label!': [], until: null };

function image(id: string, extra: Partial<StoreImage> = {}): StoreImage {
  return { id, parentId: null, repoTags: [], repoDigests: [], created: { seconds: 100, nanos: 0 }, labels: {}, ...extra };
}

const plan = (store: StoreImage[], options: { all?: boolean; used?: string[]; filters?: Partial<PruneFilters>; until?: string } = {}) =>
  planPrune(store, new Set(options.used ?? []), {
    all: options.all ?? false,
    filters: { ...noFilters, ...options.filters },
    until: options.until === undefined ? null : instantOfUnixSeconds(options.until),
  });

describe('planPrune', () => {
  it('dangling only takes untagged images no container uses; digests alone do not make an image tagged', () => {
    const store = [image('a'), image('b', { repoTags: ['b:1'] }), image('c', { repoDigests: ['c@sha256:1'] }), image('d')];
    expect(plan(store, { used: ['d'] })).toEqual({ deleted: ['a', 'c'], intermediate: [], untaggedOnly: [] });
  });

  it('all takes every unused image, tagged or not', () => {
    const store = [image('a'), image('b', { repoTags: ['b:1', 'b:2'] }), image('d', { repoTags: ['d:1'] })];
    expect(plan(store, { all: true, used: ['d'] }).deleted).toEqual(['a', 'b']);
  });

  it("a build's untagged parents go with the image, up to a parent that is tagged, used, or has another child", () => {
    const store = [
      image('base', { repoTags: ['base:1'] }),
      image('step1', { parentId: 'base' }),
      image('step2', { parentId: 'step1' }),
      image('top', { parentId: 'step2' }),
      image('sibling', { parentId: 'step1', repoTags: ['sibling:1'] }),
    ];
    expect(plan(store)).toEqual({ deleted: ['top'], intermediate: ['step2'], untaggedOnly: [] });
    expect(plan(store, { all: true })).toEqual({ deleted: ['base', 'top', 'sibling'], intermediate: ['step2', 'step1'], untaggedOnly: [] });
    // A container on an intermediate image keeps it, and what it is built on, which loses its tag all the same.
    expect(plan(store, { all: true, used: ['step1'] })).toEqual({ deleted: ['top', 'sibling'], intermediate: ['step2'], untaggedOnly: [{ id: 'base', references: ['base:1'] }] });
  });

  it('dangling only never starts from an image others are built on; all does, once its children go too', () => {
    const store = [image('parent', { repoTags: ['p:1'] }), image('child', { parentId: 'parent', repoTags: ['c:1'] })];
    expect(plan(store).deleted).toEqual([]);
    expect(plan(store, { all: true }).deleted).toEqual(['parent', 'child']);
    expect(plan(store, { all: true, used: ['child'] }).deleted).toEqual([]);
  });

  it('filters: label needs every label named, label! drops images with every label it names, until compares to the nanosecond', () => {
    const store = [
      image('a', { labels: { team: 'x', tier: 'web' } }),
      image('b', { labels: { team: 'y' } }),
      image('c', { labels: {} }),
      image('n', { labels: null, created: { seconds: 200, nanos: 5 } }),
    ];
    expect(plan(store, { filters: { label: ['team'] } }).deleted).toEqual(['a', 'b', 'n']);
    expect(plan(store, { filters: { label: ['team=x', 'tier=web'] } }).deleted).toEqual(['a', 'n']);
    expect(plan(store, { filters: { 'label!': ['team=x'] } }).deleted).toEqual(['b', 'c', 'n']);
    expect(plan(store, { until: '200.000000004' }).deleted).toEqual(['a', 'b', 'c']);
    expect(plan(store, { until: '200.000000005' }).deleted).toEqual(['a', 'b', 'c', 'n']);
  });

  it('matchesLabels is the engine MatchKVList: no labels never match a label filter', () => {
    expect(matchesLabels({ label: ['a'], 'label!': [] }, {})).toBe(false);
    expect(matchesLabels({ label: [], 'label!': ['a', 'b'] }, { a: '1' })).toBe(true);
    expect(matchesLabels({ label: [], 'label!': ['a', 'b'] }, { a: '1', b: '2' })).toBe(false);
    expect(matchesLabels({ label: ['a=1=2'], 'label!': [] }, { a: '1=2' })).toBe(true);
  });

  it('all: an image a container uses keeps one tag, the last in the engine order; the others go', () => {
    const store = [image('u', { repoTags: ['qk:2', 'qk:1', 'other-qk:1'] })];
    expect(plan(store, { all: true, used: ['u'] })).toEqual({ deleted: [], intermediate: [], untaggedOnly: [{ id: 'u', references: ['other-qk:1', 'qk:1'] }] });
    expect(plan([image('v', { repoTags: ['only:1'] })], { all: true, used: ['v'] }).untaggedOnly).toEqual([]);
  });
});

describe('referencesRemoved', () => {
  it('orders by the full name, and takes a repository digest with its last tag', () => {
    expect(referencesRemoved(['b:1', 'a:1', 'a@sha256:' + '1'.repeat(64)], false)).toEqual(['a:1', 'a@sha256:' + '1'.repeat(64), 'b:1']);
    // y:1 is docker.io/library/y:1, before registry.example/x:1 (a:1 after it would not be).
    expect(referencesRemoved(['registry.example/x:1', 'y:1'], true)).toEqual(['y:1']);
  });

  it('keeps a tag and its digests together when a container uses the image', () => {
    expect(referencesRemoved(['a:1', 'a@sha256:' + '2'.repeat(64)], true)).toEqual([]);
    expect(referencesRemoved(['a:1', 'b:1', 'b@sha256:' + '3'.repeat(64)], true)).toEqual(['a:1']);
  });
});
