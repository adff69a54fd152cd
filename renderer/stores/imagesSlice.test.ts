import { describe, expect, it } from 'vitest';
import { image } from '../testing/fakeHost.js';
import { createBerthStore } from './store.js';

const busybox = image({ id: 'sha256:' + '1'.repeat(64), repoTags: ['busybox:latest', 'busybox:1.36'] });
const dangling = image({ id: 'sha256:' + '2'.repeat(64), repoTags: [] });

describe('images slice', () => {
  it('starts empty, with no engine loaded, so the page can say it is loading', () => {
    expect(createBerthStore().getState().images.byEngine).toEqual({});
  });

  it('replaceEngine keys the list by image id and marks it loaded', () => {
    const store = createBerthStore();
    store.getState().images.replaceEngine('engine-1', [busybox, dangling]);
    expect(store.getState().images.byEngine['engine-1']).toEqual({ byId: { [busybox.id]: busybox, [dangling.id]: dangling }, loaded: true });
  });

  it('a fresh list replaces the old one entirely: removed images and tags go', () => {
    const store = createBerthStore();
    store.getState().images.replaceEngine('engine-1', [busybox, dangling]);
    const untagged = { ...busybox, repoTags: ['busybox:latest'] };
    store.getState().images.replaceEngine('engine-1', [untagged]);
    expect(store.getState().images.byEngine['engine-1']?.byId).toEqual({ [busybox.id]: untagged });
  });

  it('keeps the filter across lists', () => {
    const store = createBerthStore();
    store.getState().images.setFilterText('busy');
    store.getState().images.replaceEngine('engine-1', [busybox]);
    expect(store.getState().images.filterText).toBe('busy');
  });

  it('keeps the same image on two engines apart, and a list of one engine replaces only its own', () => {
    const store = createBerthStore();
    const elsewhere = { ...busybox, engineId: 'engine-2', repoTags: ['busybox:latest'] };
    store.getState().images.replaceEngine('engine-1', [busybox]);
    store.getState().images.replaceEngine('engine-2', [elsewhere]);
    store.getState().images.replaceEngine('engine-1', []);
    expect(store.getState().images.byEngine['engine-1']?.byId).toEqual({});
    expect(store.getState().images.byEngine['engine-2']?.byId[busybox.id]?.repoTags).toEqual(['busybox:latest']);
    store.getState().images.dropEngine('engine-2');
    expect(Object.keys(store.getState().images.byEngine)).toEqual(['engine-1']);
  });
});
