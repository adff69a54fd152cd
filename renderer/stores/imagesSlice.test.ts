import { describe, expect, it } from 'vitest';
import { image } from '../testing/fakeHost.js';
import { createBerthStore } from './store.js';

const busybox = image({ id: 'sha256:' + '1'.repeat(64), repoTags: ['busybox:latest', 'busybox:1.36'] });
const dangling = image({ id: 'sha256:' + '2'.repeat(64), repoTags: [] });

describe('images slice', () => {
  it('starts empty and not loaded, so the page can say it is loading', () => {
    const { byId, loaded } = createBerthStore().getState().images;
    expect(byId).toEqual({});
    expect(loaded).toBe(false);
  });

  it('replaceAll keys the list by image id and marks it loaded', () => {
    const store = createBerthStore();
    store.getState().images.replaceAll([busybox, dangling]);
    const { byId, loaded } = store.getState().images;
    expect(byId).toEqual({ [busybox.id]: busybox, [dangling.id]: dangling });
    expect(loaded).toBe(true);
  });

  it('a fresh list replaces the old one entirely: removed images and tags go', () => {
    const store = createBerthStore();
    store.getState().images.replaceAll([busybox, dangling]);
    const untagged = { ...busybox, repoTags: ['busybox:latest'] };
    store.getState().images.replaceAll([untagged]);
    expect(store.getState().images.byId).toEqual({ [busybox.id]: untagged });
  });

  it('keeps the filter across lists', () => {
    const store = createBerthStore();
    store.getState().images.setFilterText('busy');
    store.getState().images.replaceAll([busybox]);
    expect(store.getState().images.filterText).toBe('busy');
  });
});
