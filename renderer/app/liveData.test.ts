import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BerthClient, type ContainerChangedEvent, type ContainerSummary, type EngineEntry } from '../../runtime/api/index.js';
import { createBerthStore } from '../stores/store.js';
import { container, engineEntry, engineStatus, FakeHost, image, settle } from '../testing/fakeHost.js';
import { startLiveData } from './liveData.js';

function changed(summary: ContainerSummary | null, containerId = summary?.id ?? '', engineId = summary?.engineId ?? 'engine-1'): ContainerChangedEvent {
  return { type: 'container', engineId, containerId, action: 'test', container: summary };
}

const web = container({ id: '1'.repeat(64), name: 'web' });
const db = container({ id: '2'.repeat(64), name: 'db' });
const local = engineEntry();
const remote = engineEntry({ engineId: 'engine-2', name: 'remote', url: 'tcp://127.0.0.1:2376', source: 'user', why: 'added by you', isDefault: false });

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

  /** Starts live data and sends the engines list; returns the events subscription of each engine by id. */
  function start(...entries: EngineEntry[]) {
    const live = startLiveData(client, store);
    host.emitTo(host.subscriptionId('engines.watch'), entries);
    return { live, events: (engineId: string) => eventsOf(engineId) };
  }

  function eventsOf(engineId: string): number {
    const found = host.sent.filter((m) => m.kind === 'subscribe' && m.stream === 'events' && m.engine === engineId).at(-1);
    if (!found) throw new Error(`No events subscription for ${engineId}.`);
    return found.id;
  }

  const listCall = (method: string, engineId: string) => host.callsOf(method).filter((call) => call.engine === engineId);
  const byId = (engineId: string) => store.getState().containers.byEngine[engineId]?.byId ?? {};

  it('subscribes to the engines list before asking for anything', () => {
    startLiveData(client, store);
    expect(host.sent).toEqual([{ kind: 'subscribe', id: expect.any(Number) as number, stream: 'engines.watch', params: {} }]);
  });

  it('opens one events stream per engine that is not disconnected, each naming its engine', () => {
    start(local, { ...remote, state: 'unreachable' }, engineEntry({ engineId: 'engine-3', name: 'off', isDefault: false, enabled: false, state: 'disconnected' }));
    const streams = host.sent.filter((m) => m.kind === 'subscribe' && m.stream === 'events');
    expect(streams.map((m) => (m.kind === 'subscribe' ? m.engine : null))).toEqual(['engine-1', 'engine-2']);
    expect(store.getState().engines.entries?.map((entry) => entry.name)).toEqual(['local', 'remote', 'off']);
  });

  it('lists an engine\'s containers only once that engine says connected, on that engine', async () => {
    const { events } = start(local);
    host.emit(events('engine-1'), { type: 'engine', status: engineStatus({ state: 'connecting', identity: undefined }) });
    expect(host.callsOf('containers.list')).toEqual([]);
    expect(store.getState().engine.statuses['engine-1']?.status.state).toBe('connecting');

    host.emit(events('engine-1'), { type: 'engine', status: engineStatus() });
    const [list] = host.callsOf('containers.list');
    expect(list?.params).toEqual({ all: true });
    expect(list?.engine).toBe('engine-1');
    host.reply(list!.id, [web]);
    await settle();
    expect(Object.keys(byId('engine-1'))).toEqual([web.id]);
  });

  it('buffers changes that arrive while the list is in flight, then applies them', async () => {
    const { events } = start(local);
    host.emit(events('engine-1'), { type: 'engine', status: engineStatus() });
    const [list] = host.callsOf('containers.list');
    host.emit(events('engine-1'), changed(db), changed(null, web.id));
    host.reply(list!.id, [web]);
    await settle();
    expect(Object.keys(byId('engine-1'))).toEqual([db.id]);

    host.emit(events('engine-1'), changed({ ...db, state: 'exited', exitCode: 1 }));
    expect(byId('engine-1')[db.id]?.state).toBe('exited');
  });

  it('lists again on every reconnect of the engine, ignoring an answer it superseded', async () => {
    const { events } = start(local);
    host.emit(events('engine-1'), { type: 'engine', status: engineStatus() });
    host.emit(events('engine-1'), { type: 'engine', status: engineStatus({ state: 'unreachable', reason: { code: 'refused', message: 'Connection refused.' } }) });
    host.emit(events('engine-1'), { type: 'engine', status: engineStatus() });
    const [first, second] = host.callsOf('containers.list');
    host.reply(second!.id, [db]);
    host.reply(first!.id, [web]);
    await settle();
    expect(Object.keys(byId('engine-1'))).toEqual([db.id]);
  });

  it('lists images on connect and once again per images change, keeping only the last answer', async () => {
    const { events } = start(local);
    host.emit(events('engine-1'), { type: 'engine', status: engineStatus() });
    const [onConnect] = host.callsOf('images.list');
    expect(onConnect?.params).toEqual({});
    expect(onConnect?.engine).toBe('engine-1');
    const busybox = image({ id: 'sha256:' + '1'.repeat(64) });
    const tagged = { ...busybox, repoTags: ['busybox:latest', 'mine:1'] };
    host.reply(onConnect!.id, [busybox]);
    await settle();
    expect(store.getState().images.byEngine['engine-1']?.byId).toEqual({ [busybox.id]: busybox });

    host.emit(events('engine-1'), { type: 'images', engineId: 'engine-1', actions: ['tag'] });
    host.emit(events('engine-1'), { type: 'images', engineId: 'engine-1', actions: ['untag'] });
    const [, afterTag, afterUntag] = host.callsOf('images.list');
    expect(host.callsOf('images.list')).toHaveLength(3);
    host.reply(afterUntag!.id, [busybox]);
    host.reply(afterTag!.id, [tagged]); // answered late, but asked for before the untag
    await settle();
    expect(store.getState().images.byEngine['engine-1']?.byId[busybox.id]?.repoTags).toEqual(['busybox:latest']);
    // An images change never costs a containers.list.
    expect(host.callsOf('containers.list')).toHaveLength(1);
  });

  it('reports a failed image list as a notice about images', async () => {
    const { events } = start(local);
    host.emit(events('engine-1'), { type: 'engine', status: engineStatus() });
    host.fail(host.callsOf('images.list')[0]!.id, { code: 'engine_unreachable', message: 'Connection refused.' });
    await settle();
    expect(store.getState().ui.notices).toEqual([
      expect.objectContaining({ area: 'images', code: 'engine_unreachable', message: 'Could not list images: Connection refused.' }),
    ]);
    expect(store.getState().images.byEngine['engine-1']?.loaded).toBeUndefined();
  });

  it('reports a failed list as a notice, naming the engine when there are several', async () => {
    const { events } = start(local, remote);
    host.emit(events('engine-2'), { type: 'engine', status: engineStatus({ engineId: 'engine-2' }) });
    host.fail(listCall('containers.list', 'engine-2')[0]!.id, { code: 'timeout', message: 'The engine did not answer in 10 s.' });
    await settle();
    expect(store.getState().ui.notices).toEqual([
      expect.objectContaining({ area: 'containers', code: 'timeout', message: 'Could not list containers of remote: The engine did not answer in 10 s.' }),
    ]);
    expect(store.getState().containers.byEngine['engine-2']?.refreshing).toBe(false);
  });

  it('fetches each engine\'s lists in parallel: a slow engine never delays another\'s rows', async () => {
    const { events } = start(local, remote);
    host.emit(events('engine-1'), { type: 'engine', status: engineStatus() });
    host.emit(events('engine-2'), { type: 'engine', status: engineStatus({ engineId: 'engine-2' }) });
    expect(listCall('containers.list', 'engine-1')).toHaveLength(1);
    const onRemote = container({ engineId: 'engine-2', id: web.id, name: 'web' }); // the same id, on another engine
    host.reply(listCall('containers.list', 'engine-2')[0]!.id, [onRemote]);
    await settle();
    // engine-1 has not answered yet; engine-2's rows are there regardless.
    expect(byId('engine-2')).toEqual({ [web.id]: onRemote });
    expect(store.getState().containers.byEngine['engine-1']?.loaded).toBe(false);
  });

  it('keeps an unreachable engine\'s rows, and a reconnect replaces only that engine\'s list', async () => {
    const { events } = start(local, remote);
    host.emit(events('engine-1'), { type: 'engine', status: engineStatus() });
    host.emit(events('engine-2'), { type: 'engine', status: engineStatus({ engineId: 'engine-2' }) });
    host.reply(listCall('containers.list', 'engine-1')[0]!.id, [web]);
    host.reply(listCall('containers.list', 'engine-2')[0]!.id, [container({ engineId: 'engine-2', id: db.id, name: 'db' })]);
    await settle();
    const local1 = store.getState().containers.byEngine['engine-1'];

    const refused = { code: 'refused' as const, message: 'Connection refused.' };
    host.emit(events('engine-2'), { type: 'engine', status: engineStatus({ engineId: 'engine-2', state: 'unreachable', identity: undefined, reason: refused }) });
    expect(Object.keys(byId('engine-2'))).toEqual([db.id]);
    expect(store.getState().engine.statuses['engine-2']?.status.reason).toEqual(refused);

    host.emit(events('engine-2'), { type: 'engine', status: engineStatus({ engineId: 'engine-2' }) });
    host.reply(listCall('containers.list', 'engine-2')[1]!.id, []);
    await settle();
    expect(byId('engine-2')).toEqual({});
    expect(store.getState().containers.byEngine['engine-1']).toBe(local1);
    expect(listCall('containers.list', 'engine-1')).toHaveLength(1);
  });

  it('ignores on one engine\'s stream what another engine says', async () => {
    const { events } = start(local, remote);
    host.emit(events('engine-2'), { type: 'engine', status: engineStatus({ engineId: 'engine-1' }) });
    host.emit(events('engine-2'), changed(web));
    await settle();
    expect(store.getState().engine.statuses['engine-2']).toBeUndefined();
    expect(store.getState().containers.byEngine['engine-1']).toBeUndefined();
  });

  it('unsubscribes and drops the items of an engine that is disconnected or removed', async () => {
    const { events } = start(local, remote);
    const remoteEvents = events('engine-2');
    host.emit(remoteEvents, { type: 'engine', status: engineStatus({ engineId: 'engine-2' }) });
    host.reply(listCall('containers.list', 'engine-2')[0]!.id, [container({ engineId: 'engine-2' })]);
    host.reply(listCall('images.list', 'engine-2')[0]!.id, [image({ engineId: 'engine-2' })]);
    await settle();

    host.emitTo(host.subscriptionId('engines.watch'), [local, { ...remote, enabled: false, state: 'disconnected' }]);
    expect(host.sent).toContainEqual({ kind: 'unsubscribe', id: remoteEvents });
    expect(store.getState().containers.byEngine['engine-2']).toBeUndefined();
    expect(store.getState().images.byEngine['engine-2']).toBeUndefined();
    expect(store.getState().engine.statuses['engine-2']).toBeUndefined();

    host.emitTo(host.subscriptionId('engines.watch'), [local]);
    expect(host.sent.filter((m) => m.kind === 'subscribe' && m.stream === 'events')).toHaveLength(2);
  });

  it('opens a new stream on an engine made the default (streams are routed when they open)', () => {
    const { events } = start(local, remote);
    const before = events('engine-2');
    host.emitTo(host.subscriptionId('engines.watch'), [{ ...local, isDefault: false }, { ...remote, isDefault: true }]);
    expect(host.sent).toContainEqual({ kind: 'unsubscribe', id: before });
    expect(events('engine-2')).not.toBe(before);
  });

  it('without a default engine in the list (none found), asks the default stream why', () => {
    start();
    const stream = host.sent.find((m) => m.kind === 'subscribe' && m.stream === 'events');
    expect(stream).toEqual({ kind: 'subscribe', id: expect.any(Number) as number, stream: 'events', params: {} });
    const nothing = engineStatus({ engineId: 'none', endpoint: null, state: 'unreachable', identity: undefined, reason: { code: 'no_engine', message: 'No engine found.' } });
    host.emit(stream!.id, { type: 'engine', status: nothing });
    expect(store.getState().engine.statuses['none']?.status.reason?.message).toBe('No engine found.');
  });

  it('subscribes again after a stream ends, and stops when disposed', () => {
    vi.useFakeTimers();
    const { live, events } = start(local);
    const first = events('engine-1');
    host.emit(first, { type: 'engine', status: engineStatus() });
    host.fail(first, { code: 'engine_unreachable', message: 'The events stream ended.' });
    expect(store.getState().engine.statuses['engine-1']).toBeUndefined();
    vi.advanceTimersByTime(250);
    const second = events('engine-1');
    expect(second).not.toBe(first);

    live.dispose();
    const unsubscribed = host.sent.filter((m) => m.kind === 'unsubscribe');
    expect(unsubscribed).toHaveLength(2);
    expect(unsubscribed).toContainEqual({ kind: 'unsubscribe', id: second });
    expect(unsubscribed).toContainEqual({ kind: 'unsubscribe', id: host.subscriptionId('engines.watch') });
  });
});
