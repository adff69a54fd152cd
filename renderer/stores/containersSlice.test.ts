import { describe, expect, it } from 'vitest';
import type { ContainerChangedEvent, ContainerSummary } from '../../runtime/api/index.js';
import { container } from '../testing/fakeHost.js';
import { createBerthStore } from './store.js';

function changed(summary: ContainerSummary | null, containerId = summary?.id ?? ''): ContainerChangedEvent {
  return { type: 'container', engineId: 'engine-1', containerId, action: summary ? 'start' : 'destroy', container: summary };
}

const web = container({ id: '1'.repeat(64), name: 'web' });
const db = container({ id: '2'.repeat(64), name: 'db', state: 'exited', exitCode: 0 });

describe('containers slice', () => {
  it('replaceAll sets the list and marks it loaded', () => {
    const store = createBerthStore();
    store.getState().containers.replaceAll([web, db]);
    const { byId, loaded } = store.getState().containers;
    expect(Object.keys(byId).sort()).toEqual([web.id, db.id].sort());
    expect(loaded).toBe(true);
  });

  it('replaceAll drops containers the new list no longer has', () => {
    const store = createBerthStore();
    store.getState().containers.replaceAll([web, db]);
    store.getState().containers.replaceAll([db]);
    expect(Object.keys(store.getState().containers.byId)).toEqual([db.id]);
  });

  it('a change inserts a new container and replaces a known one', () => {
    const store = createBerthStore();
    store.getState().containers.replaceAll([web]);
    store.getState().containers.applyChange(changed(db));
    store.getState().containers.applyChange(changed({ ...web, state: 'exited', exitCode: 137 }));
    const { byId } = store.getState().containers;
    expect(byId[db.id]).toEqual(db);
    expect(byId[web.id]?.state).toBe('exited');
    expect(byId[web.id]?.exitCode).toBe(137);
  });

  it('a change with container null removes it; an unknown id changes nothing', () => {
    const store = createBerthStore();
    store.getState().containers.replaceAll([web, db]);
    store.getState().containers.applyChange(changed(null, web.id));
    const afterRemove = store.getState().containers.byId;
    expect(Object.keys(afterRemove)).toEqual([db.id]);
    store.getState().containers.applyChange(changed(null, 'f'.repeat(64)));
    expect(store.getState().containers.byId).toBe(afterRemove);
  });

  it('changes during a refresh are applied after the list lands, in order, not overwritten', () => {
    const store = createBerthStore();
    store.getState().containers.replaceAll([web]);
    store.getState().containers.beginRefresh();
    const fresh = container({ id: '3'.repeat(64), name: 'fresh' });
    store.getState().containers.applyChange(changed(fresh)); // created after the list was taken
    store.getState().containers.applyChange(changed({ ...db, state: 'running', exitCode: null }));
    store.getState().containers.applyChange(changed(null, web.id)); // removed after the list was taken
    // Nothing applied yet: the list in flight would overwrite it.
    expect(store.getState().containers.byId[fresh.id]).toBeUndefined();

    store.getState().containers.replaceAll([web, db]); // a snapshot older than the changes
    const { byId, refreshing, pending } = store.getState().containers;
    expect(Object.keys(byId).sort()).toEqual([db.id, fresh.id].sort());
    expect(byId[db.id]?.state).toBe('running');
    expect(refreshing).toBe(false);
    expect(pending).toEqual([]);
  });

  it('a failed refresh applies what was buffered to what it had', () => {
    const store = createBerthStore();
    store.getState().containers.replaceAll([web]);
    store.getState().containers.beginRefresh();
    store.getState().containers.applyChange(changed(db));
    store.getState().containers.abortRefresh();
    expect(Object.keys(store.getState().containers.byId).sort()).toEqual([web.id, db.id].sort());
    store.getState().containers.applyChange(changed(null, db.id));
    expect(Object.keys(store.getState().containers.byId)).toEqual([web.id]);
  });
});
