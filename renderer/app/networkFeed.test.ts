import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BerthClient, type NetworksChangedEvent } from '../../runtime/api/index.js';
import { createBerthStore } from '../stores/store.js';
import { attachment, engineEntry, engineStatus, FakeHost, network, settle } from '../testing/fakeHost.js';
import { startLiveData } from './liveData.js';

const appNet = network();
const dbNet = network({ id: 'e'.repeat(64), name: 'db-net', subnets: [{ subnet: '10.2.0.0/24', gateway: null, ipRange: null }] });
const web = attachment();

function changed(overrides: Partial<NetworksChangedEvent>): NetworksChangedEvent {
  return { type: 'networks', engineId: 'engine-1', networks: [], containers: [], actions: ['test'], ...overrides };
}

describe('networks, live', () => {
  let host: FakeHost;
  let store: ReturnType<typeof createBerthStore>;
  let client: BerthClient;

  beforeEach(() => {
    host = new FakeHost();
    store = createBerthStore();
    client = new BerthClient(host.port);
  });

  afterEach(() => client.dispose());

  function connectEngine(): number {
    startLiveData(client, store);
    host.emitTo(host.subscriptionId('engines.watch'), [engineEntry()]);
    const events = host.subscriptionId('events');
    host.emit(events, { type: 'engine', status: engineStatus() });
    return events;
  }

  const held = () => store.getState().networks.byEngine['engine-1'];

  it('lists nothing until a view wants networks, then lists them and their containers on the connected engine', async () => {
    connectEngine();
    expect(host.callsOf('networks.list')).toEqual([]);
    expect(host.callsOf('networks.attachments')).toEqual([]);

    const release = store.getState().networks.want();
    const [list] = host.callsOf('networks.list');
    const [attachments] = host.callsOf('networks.attachments');
    expect(list?.engine).toBe('engine-1');
    host.reply(list!.id, [appNet]);
    await settle();
    // The rows show before the engine has listed every container.
    expect(held()?.loaded).toBe(true);
    expect(held()?.attachments).toBeNull();
    host.reply(attachments!.id, [web]);
    await settle();
    expect(held()?.attachments).toEqual({ [web.containerId]: [web] });
    release();
  });

  it('keeps changes that arrive while the lists are in flight, and applies them after', async () => {
    const events = connectEngine();
    store.getState().networks.want();
    const [list] = host.callsOf('networks.list');
    const [attachments] = host.callsOf('networks.attachments');
    const moved = { ...web, networkId: dbNet.id, networkName: dbNet.name, ipv4Address: '10.2.0.2' };
    host.emit(events, changed({ networks: [{ networkId: dbNet.id, network: dbNet }], containers: [{ containerId: web.containerId, attachments: [moved] }] }));
    host.reply(list!.id, [appNet]);
    host.reply(attachments!.id, [web]);
    await settle();
    expect(Object.keys(held()?.byId ?? {}).sort()).toEqual([appNet.id, dbNet.id].sort());
    expect(held()?.attachments?.[web.containerId]).toEqual([moved]);

    host.emit(events, changed({ networks: [{ networkId: appNet.id, network: null }], containers: [{ containerId: web.containerId, attachments: [] }] }));
    expect(Object.keys(held()?.byId ?? {})).toEqual([dbNet.id]);
    expect(held()?.attachments).toEqual({});
  });

  it('forgets the networks of a reconnect nobody looks at, and lists them fresh for the next view', async () => {
    const events = connectEngine();
    const release = store.getState().networks.want();
    host.reply(host.callsOf('networks.list')[0]!.id, [appNet]);
    host.reply(host.callsOf('networks.attachments')[0]!.id, [web]);
    await settle();
    release();
    host.emit(events, { type: 'engine', status: engineStatus() });
    expect(held()).toBeUndefined();
    expect(host.callsOf('networks.list')).toHaveLength(1);
    store.getState().networks.want();
    expect(host.callsOf('networks.list')).toHaveLength(2);
  });

  it('asks nothing of an engine that is not connected', () => {
    const events = connectEngine();
    host.emit(events, { type: 'engine', status: engineStatus({ state: 'unreachable', reason: { code: 'refused', message: 'Connection refused.' } }) });
    store.getState().networks.want();
    expect(host.callsOf('networks.list')).toEqual([]);
  });
});
