import { describe, expect, it } from 'vitest';
import type { ContainerChangedEvent, ContainerSummary } from '../../runtime/api/index.js';
import { container } from '../testing/fakeHost.js';
import { createBerthStore } from './store.js';

function changed(summary: ContainerSummary | null, containerId = summary?.id ?? '', engineId = summary?.engineId ?? 'engine-1'): ContainerChangedEvent {
  return { type: 'container', engineId, containerId, action: summary ? 'start' : 'destroy', container: summary };
}

const web = container({ id: '1'.repeat(64), name: 'web' });
const db = container({ id: '2'.repeat(64), name: 'db', state: 'exited', exitCode: 0 });

/** engine-1's containers as the store holds them. */
function engine1(store: ReturnType<typeof createBerthStore>) {
  const engine = store.getState().containers.byEngine['engine-1'];
  if (!engine) throw new Error('engine-1 has no entry');
  return engine;
}

describe('containers slice', () => {
  it('replaceEngine sets the list and marks it loaded', () => {
    const store = createBerthStore();
    store.getState().containers.replaceEngine('engine-1', [web, db]);
    const { byId, loaded } = engine1(store);
    expect(Object.keys(byId).sort()).toEqual([web.id, db.id].sort());
    expect(loaded).toBe(true);
  });

  it('replaceEngine drops containers the new list no longer has', () => {
    const store = createBerthStore();
    store.getState().containers.replaceEngine('engine-1', [web, db]);
    store.getState().containers.replaceEngine('engine-1', [db]);
    expect(Object.keys(engine1(store).byId)).toEqual([db.id]);
  });

  it('a change inserts a new container and replaces a known one', () => {
    const store = createBerthStore();
    store.getState().containers.replaceEngine('engine-1', [web]);
    store.getState().containers.applyChange(changed(db));
    store.getState().containers.applyChange(changed({ ...web, state: 'exited', exitCode: 137 }));
    const { byId } = engine1(store);
    expect(byId[db.id]).toEqual(db);
    expect(byId[web.id]?.state).toBe('exited');
    expect(byId[web.id]?.exitCode).toBe(137);
  });

  it('a change with container null removes it; an unknown id changes nothing', () => {
    const store = createBerthStore();
    store.getState().containers.replaceEngine('engine-1', [web, db]);
    store.getState().containers.applyChange(changed(null, web.id));
    const afterRemove = engine1(store).byId;
    expect(Object.keys(afterRemove)).toEqual([db.id]);
    store.getState().containers.applyChange(changed(null, 'f'.repeat(64)));
    expect(engine1(store).byId).toBe(afterRemove);
  });

  it('changes during a refresh are applied after the list lands, in order, not overwritten', () => {
    const store = createBerthStore();
    store.getState().containers.replaceEngine('engine-1', [web]);
    store.getState().containers.beginRefresh('engine-1');
    const fresh = container({ id: '3'.repeat(64), name: 'fresh' });
    store.getState().containers.applyChange(changed(fresh)); // created after the list was taken
    store.getState().containers.applyChange(changed({ ...db, state: 'running', exitCode: null }));
    store.getState().containers.applyChange(changed(null, web.id)); // removed after the list was taken
    // Nothing applied yet: the list in flight would overwrite it.
    expect(engine1(store).byId[fresh.id]).toBeUndefined();

    store.getState().containers.replaceEngine('engine-1', [web, db]); // a snapshot older than the changes
    const { byId, refreshing, pending } = engine1(store);
    expect(Object.keys(byId).sort()).toEqual([db.id, fresh.id].sort());
    expect(byId[db.id]?.state).toBe('running');
    expect(refreshing).toBe(false);
    expect(pending).toEqual([]);
  });

  it('a failed refresh applies what was buffered to what it had', () => {
    const store = createBerthStore();
    store.getState().containers.replaceEngine('engine-1', [web]);
    store.getState().containers.beginRefresh('engine-1');
    store.getState().containers.applyChange(changed(db));
    store.getState().containers.abortRefresh('engine-1');
    expect(Object.keys(engine1(store).byId).sort()).toEqual([web.id, db.id].sort());
    store.getState().containers.applyChange(changed(null, db.id));
    expect(Object.keys(engine1(store).byId)).toEqual([web.id]);
  });
});

describe('containers slice with several engines', () => {
  // Two engines may well hold a container with the same id (a copied data root, a restored backup).
  const sharedId = '9'.repeat(64);
  const onFirst = container({ engineId: 'engine-1', id: sharedId, name: 'web' });
  const onSecond = container({ engineId: 'engine-2', id: sharedId, name: 'web', state: 'exited', exitCode: 0 });

  it('keeps two engines\' containers with the same id apart', () => {
    const store = createBerthStore();
    store.getState().containers.replaceEngine('engine-1', [onFirst]);
    store.getState().containers.replaceEngine('engine-2', [onSecond]);
    const { byEngine } = store.getState().containers;
    expect(byEngine['engine-1']?.byId[sharedId]?.state).toBe('running');
    expect(byEngine['engine-2']?.byId[sharedId]?.state).toBe('exited');

    // A change from one engine patches only that engine's container.
    store.getState().containers.applyChange(changed(null, sharedId, 'engine-2'));
    expect(store.getState().containers.byEngine['engine-1']?.byId[sharedId]).toEqual(onFirst);
    expect(store.getState().containers.byEngine['engine-2']?.byId).toEqual({});
  });

  it('a reconnect of one engine replaces only that engine\'s list', () => {
    const store = createBerthStore();
    store.getState().containers.replaceEngine('engine-1', [onFirst, web]);
    store.getState().containers.replaceEngine('engine-2', [onSecond]);
    const second = store.getState().containers.byEngine['engine-2'];

    store.getState().containers.beginRefresh('engine-1');
    store.getState().containers.replaceEngine('engine-1', [web]);

    expect(Object.keys(engine1(store).byId)).toEqual([web.id]);
    // Untouched, down to the object: its rows do not even re-render.
    expect(store.getState().containers.byEngine['engine-2']).toBe(second);
  });

  it('buffers a refreshing engine\'s changes while another engine\'s apply at once', () => {
    const store = createBerthStore();
    store.getState().containers.replaceEngine('engine-1', []);
    store.getState().containers.replaceEngine('engine-2', []);
    store.getState().containers.beginRefresh('engine-1');
    store.getState().containers.applyChange(changed(onFirst));
    store.getState().containers.applyChange(changed(onSecond));
    expect(engine1(store).byId).toEqual({});
    expect(store.getState().containers.byEngine['engine-2']?.byId[sharedId]).toEqual(onSecond);
  });

  it('dropping an engine forgets its containers only', () => {
    const store = createBerthStore();
    store.getState().containers.replaceEngine('engine-1', [onFirst]);
    store.getState().containers.replaceEngine('engine-2', [onSecond]);
    store.getState().containers.dropEngine('engine-2');
    expect(Object.keys(store.getState().containers.byEngine)).toEqual(['engine-1']);
  });
});
