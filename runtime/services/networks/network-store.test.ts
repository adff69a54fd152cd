import { describe, expect, it } from 'vitest';
import type { NetworkSummary } from '../../api/index.js';
import { fakeConnection } from '../../testing/fake-connection.js';
import { NetworkStore } from './network-store.js';

const network = (id: string, name = id): NetworkSummary => ({
  engineId: 'e1',
  id,
  name,
  driver: 'bridge',
  scope: 'local',
  created: null,
  internal: false,
  attachable: false,
  ipv6: false,
  subnets: [],
  ipamDriver: 'default',
  options: {},
  labels: {},
  predefined: false,
});

function setup(initial: NetworkSummary[], isAnnounced = true) {
  const connection = fakeConnection();
  const engine = new Map(initial.map((item) => [item.id, item]));
  const calls: string[] = [];
  const store = new NetworkStore(
    connection,
    {
      list: () => {
        calls.push('list');
        return Promise.resolve([...engine.values()]);
      },
      lookup: (id) => {
        calls.push(`network ${id}`);
        return Promise.resolve(engine.get(id) ?? null);
      },
    },
    () => isAnnounced,
  );
  return { connection, engine, calls, store };
}

describe('the network store', () => {
  it('adds a network its create event names, drops one destroyed (Docker) or removed (Podman) without asking', async () => {
    const { connection, engine, calls, store } = setup([network('n1'), network('n2'), network('n3')]);
    expect((await store.current())?.map((item) => item.id)).toEqual(['n1', 'n2', 'n3']);
    engine.set('n4', network('n4'));
    connection.fire('network', 'create', 'n4');
    engine.delete('n1');
    connection.fire('network', 'destroy', 'n1');
    engine.delete('n2');
    connection.fire('network', 'remove', 'n2');
    // Attachments are no part of a network's summary: nothing is asked for them.
    connection.fire('network', 'connect', 'n3', { container: 'c1' });
    connection.fire('container', 'start', 'c1');
    expect((await store.current())?.map((item) => item.id)).toEqual(['n3', 'n4']);
    expect(calls).toEqual(['list', 'network n4']);
  });

  it("shows Berth's own create at once, with no engine call", async () => {
    const { calls, store } = setup([network('n1')]);
    await store.current();
    store.list.put(network('mine'), 'create');
    expect((await store.current())?.map((item) => item.id)).toEqual(['n1', 'mine']);
    expect(calls).toEqual(['list']);
  });

  it('keeps nothing for an engine that does not announce networks made and removed (Podman): every read asks the engine', async () => {
    const { calls, store } = setup([network('n1')], false);
    expect(await store.current()).toBeNull();
    expect(calls).toEqual([]);
  });
});
