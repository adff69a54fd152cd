import { describe, expect, it } from 'vitest';
import type { VolumeSummary } from '../../runtime/api/index.js';
import { createBerthStore } from './store.js';

const volume = (name: string, engineId = 'e1'): VolumeSummary => ({
  engineId,
  name,
  driver: 'local',
  mountpoint: '',
  created: null,
  labels: {},
  scope: 'local',
  options: {},
  isAnonymous: false,
  containers: [],
});

describe('volumes slice', () => {
  it('keeps each engine apart: a list, a change and a drop touch only their engine', () => {
    const store = createBerthStore();
    const { volumes } = store.getState();
    volumes.replaceEngine('e1', [volume('a'), volume('b')]);
    volumes.replaceEngine('e2', [volume('a', 'e2')]);
    const other = store.getState().volumes.byEngine.e2;
    volumes.applyChange({ type: 'volume', engineId: 'e1', name: 'c', action: 'create', volume: volume('c') });
    volumes.applyChange({ type: 'volume', engineId: 'e1', name: 'a', action: 'destroy', volume: null });
    expect(Object.keys(store.getState().volumes.byEngine.e1?.byName ?? {}).sort()).toEqual(['b', 'c']);
    expect(store.getState().volumes.byEngine.e2).toBe(other);
    volumes.dropEngine('e1');
    expect(Object.keys(store.getState().volumes.byEngine)).toEqual(['e2']);
  });

  it('keeps sizes through a new list and says when they are loading or failed', () => {
    const store = createBerthStore();
    const { volumes } = store.getState();
    volumes.replaceEngine('e1', [volume('a')]);
    expect(store.getState().volumes.byEngine.e1?.sizes.state).toBe('idle');
    volumes.setSizesLoading('e1');
    volumes.setSizes({ engineId: 'e1', sizes: [{ name: 'a', sizeBytes: 10 }] });
    volumes.replaceEngine('e1', [volume('a'), volume('b')]);
    expect(store.getState().volumes.byEngine.e1?.sizes).toEqual({ state: 'loaded', byName: { a: 10 }, error: null });
    volumes.setSizesFailed('e1', 'timeout');
    expect(store.getState().volumes.byEngine.e1?.sizes).toMatchObject({ state: 'failed', error: 'timeout', byName: { a: 10 } });
  });
});
