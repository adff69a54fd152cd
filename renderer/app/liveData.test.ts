import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BerthClient, type ContainerChangedEvent, type ContainerSummary } from '../../runtime/api/index.js';
import { createBerthStore } from '../stores/store.js';
import { container, engineStatus, FakeHost, image, settle } from '../testing/fakeHost.js';
import { startLiveData } from './liveData.js';

function changed(summary: ContainerSummary | null, containerId = summary?.id ?? ''): ContainerChangedEvent {
  return { type: 'container', engineId: 'engine-1', containerId, action: 'test', container: summary };
}

const web = container({ id: '1'.repeat(64), name: 'web' });
const db = container({ id: '2'.repeat(64), name: 'db' });

describe('live data', () => {
  let host: FakeHost;
  let store: ReturnType<typeof createBerthStore>;
  let client: BerthClient;

  beforeEach(() => {
    host = new FakeHost();
    store = createBerthStore();
    client = new BerthClient(host.port);
  });

  afterEach(() => {
    client.dispose();
    vi.useRealTimers();
  });

  it('subscribes to events before asking for anything', () => {
    startLiveData(client, store);
    expect(host.sent).toEqual([{ kind: 'subscribe', id: expect.any(Number) as number, stream: 'events', params: {} }]);
  });

  it('lists containers only once the engine says connected', async () => {
    startLiveData(client, store);
    const events = host.subscriptionId('events');
    host.emit(events, { type: 'engine', status: engineStatus({ state: 'connecting', identity: undefined }) });
    expect(host.callsOf('containers.list')).toEqual([]);
    expect(store.getState().engine.status?.state).toBe('connecting');

    host.emit(events, { type: 'engine', status: engineStatus() });
    const [list] = host.callsOf('containers.list');
    expect(list?.params).toEqual({ all: true });
    host.reply(list!.id, [web]);
    await settle();
    expect(Object.keys(store.getState().containers.byId)).toEqual([web.id]);
  });

  it('buffers changes that arrive while the list is in flight, then applies them', async () => {
    startLiveData(client, store);
    const events = host.subscriptionId('events');
    host.emit(events, { type: 'engine', status: engineStatus() });
    const [list] = host.callsOf('containers.list');
    host.emit(events, changed(db), changed(null, web.id));
    host.reply(list!.id, [web]);
    await settle();
    expect(Object.keys(store.getState().containers.byId)).toEqual([db.id]);

    host.emit(events, changed({ ...db, state: 'exited', exitCode: 1 }));
    expect(store.getState().containers.byId[db.id]?.state).toBe('exited');
  });

  it('lists again on every reconnect of the engine, ignoring an answer it superseded', async () => {
    startLiveData(client, store);
    const events = host.subscriptionId('events');
    host.emit(events, { type: 'engine', status: engineStatus() });
    host.emit(events, { type: 'engine', status: engineStatus({ state: 'unreachable', reason: { code: 'refused', message: 'Connection refused.' } }) });
    host.emit(events, { type: 'engine', status: engineStatus() });
    const [first, second] = host.callsOf('containers.list');
    host.reply(second!.id, [db]);
    host.reply(first!.id, [web]);
    await settle();
    expect(Object.keys(store.getState().containers.byId)).toEqual([db.id]);
  });

  it('lists images on connect and once again per images change, keeping only the last answer', async () => {
    startLiveData(client, store);
    const events = host.subscriptionId('events');
    host.emit(events, { type: 'engine', status: engineStatus() });
    const [onConnect] = host.callsOf('images.list');
    expect(onConnect?.params).toEqual({});
    const busybox = image({ id: 'sha256:' + '1'.repeat(64) });
    const tagged = { ...busybox, repoTags: ['busybox:latest', 'mine:1'] };
    host.reply(onConnect!.id, [busybox]);
    await settle();
    expect(store.getState().images.byId).toEqual({ [busybox.id]: busybox });

    host.emit(events, { type: 'images', engineId: 'engine-1', actions: ['tag'] });
    host.emit(events, { type: 'images', engineId: 'engine-1', actions: ['untag'] });
    const [, afterTag, afterUntag] = host.callsOf('images.list');
    expect(host.callsOf('images.list')).toHaveLength(3);
    host.reply(afterUntag!.id, [busybox]);
    host.reply(afterTag!.id, [tagged]); // answered late, but asked for before the untag
    await settle();
    expect(store.getState().images.byId[busybox.id]?.repoTags).toEqual(['busybox:latest']);
    // An images change never costs a containers.list.
    expect(host.callsOf('containers.list')).toHaveLength(1);
  });

  it('reports a failed image list as a notice about images', async () => {
    startLiveData(client, store);
    host.emit(host.subscriptionId('events'), { type: 'engine', status: engineStatus() });
    host.fail(host.callsOf('images.list')[0]!.id, { code: 'engine_unreachable', message: 'Connection refused.' });
    await settle();
    expect(store.getState().ui.notices).toEqual([
      expect.objectContaining({ area: 'images', code: 'engine_unreachable', message: 'Could not list images: Connection refused.' }),
    ]);
    expect(store.getState().images.loaded).toBe(false);
  });

  it('reports a failed list as a notice', async () => {
    startLiveData(client, store);
    host.emit(host.subscriptionId('events'), { type: 'engine', status: engineStatus() });
    host.fail(host.callsOf('containers.list')[0]!.id, { code: 'timeout', message: 'The engine did not answer in 10 s.' });
    await settle();
    expect(store.getState().ui.notices).toEqual([
      expect.objectContaining({ area: 'containers', code: 'timeout', message: 'Could not list containers: The engine did not answer in 10 s.' }),
    ]);
    expect(store.getState().containers.refreshing).toBe(false);
  });

  it('subscribes again after the stream ends, and stops when disposed', () => {
    vi.useFakeTimers();
    const live = startLiveData(client, store);
    const first = host.subscriptionId('events');
    host.emit(first, { type: 'engine', status: engineStatus() });
    host.fail(first, { code: 'engine_unreachable', message: 'The events stream ended.' });
    expect(store.getState().engine.status).toBeNull();
    vi.advanceTimersByTime(250);
    const second = host.subscriptionId('events');
    expect(second).not.toBe(first);

    live.dispose();
    expect(host.sent.at(-1)).toEqual({ kind: 'unsubscribe', id: second });
  });
});
