import { describe, expect, it } from 'vitest';
import type { VolumeSummary } from '../../api/index.js';
import { deferred, fakeConnection } from '../../testing/fake-connection.js';
import { liveHelperIds } from './helper-container.js';
import { VolumeStore, type InspectedUser } from './volume-store.js';

const volume = (name: string, users: { id: string; state?: 'running' | 'exited' }[] = []): VolumeSummary => ({
  engineId: 'e1',
  name,
  driver: 'local',
  mountpoint: `/var/lib/docker/volumes/${name}/_data`,
  created: null,
  labels: {},
  scope: 'local',
  options: {},
  isAnonymous: false,
  containers: users.map((user) => ({ engineId: 'e1', id: user.id, name: user.id, state: user.state ?? 'exited' })),
});

/** The engine's volumes and containers' mounts as the test sets them; every call counted. */
function setup(volumes: VolumeSummary[]) {
  const connection = fakeConnection();
  const engine = new Map(volumes.map((item) => [item.name, item]));
  /** Each container as its own inspect says it. */
  const containers = new Map<string, InspectedUser>();
  const calls: string[] = [];
  let heldMounts: ReturnType<typeof deferred<void>> | null = null;
  const heldLookups: ReturnType<typeof deferred<void>>[] = [];
  let holdingLookups = false;
  const store = new VolumeStore(
    connection,
    {
      list: () => {
        calls.push('list');
        return Promise.resolve([...engine.values()]);
      },
      summaryOrNull: async (name) => {
        calls.push(`volume ${name}`);
        const answer = engine.get(name) ?? null; // as the engine has it when asked
        if (holdingLookups) {
          const gate = deferred<void>();
          heldLookups.push(gate);
          await gate.promise;
        }
        return answer;
      },
      inspectUser: async (containerId) => {
        calls.push(`container ${containerId}`);
        const answer = containers.get(containerId) ?? null;
        if (heldMounts) await heldMounts.promise;
        return answer;
      },
    },
    { settleTimeoutMs: 500 },
  );
  return {
    connection,
    engine,
    containers,
    calls,
    store,
    heldLookups,
    holdLookups(hold: boolean) {
      holdingLookups = hold;
    },
    holdMounts() {
      heldMounts = deferred<void>();
      return heldMounts;
    },
  };
}

const names = (list: VolumeSummary[] | null) => list?.map((item) => `${item.name}:${item.containers.map((user) => `${user.id}/${user.state}`).join(',')}`);

describe('the volume store', () => {
  it("patches a known container's new state into the volumes it uses, from its own inspect, asking no volume again", async () => {
    const { connection, containers, calls, store } = setup([volume('data', [{ id: 'c1' }]), volume('logs', [{ id: 'c1' }]), volume('other')]);
    await store.current();
    containers.set('c1', { mounts: ['data', 'logs'], name: 'c1', state: 'running' });
    connection.fire('container', 'start', 'c1');
    expect(names(await store.current())).toEqual(['data:c1/running', 'logs:c1/running', 'other:']);
    expect(calls).toEqual(['list', 'container c1']);
  });

  it('asks a new container what it mounts, is not in step until it has answered, and drops it from its volumes when it is removed', async () => {
    const test = setup([volume('data')]);
    const { connection, containers, calls, store } = test;
    await store.current();
    const held = test.holdMounts();
    containers.set('c2', { mounts: ['data'], name: 'c2', state: 'created' });
    connection.fire('container', 'create', 'c2');
    expect(store.list.isInStep).toBe(false);
    const read = store.current();
    held.resolve();
    expect(names(await read)).toEqual(['data:c2/created']);
    expect(calls).toEqual(['list', 'container c2']);

    // Removed (Podman says `remove`): its volumes lose the user, and nothing is asked.
    containers.delete('c2');
    connection.fire('container', 'remove', 'c2');
    expect(names(await store.current())).toEqual(['data:']);
    expect(calls).toEqual(['list', 'container c2']);
  });

  it("says a destroyed volume is gone without asking, and skips Berth's own helper containers and nameless events", async () => {
    const { connection, engine, calls, store } = setup([volume('data'), volume('old')]);
    await store.current();
    engine.delete('old');
    connection.fire('volume', 'destroy', 'old');
    liveHelperIds.add('helper1');
    try {
      connection.fire('container', 'create', 'helper1');
      connection.fire('volume', 'mount', 'data', { container: 'helper1' });
    } finally {
      liveHelperIds.delete('helper1');
    }
    connection.fire('volume', 'prune', '');
    expect(names(await store.current())).toEqual(['data:']);
    expect(calls).toEqual(['list']);
  });

  it('shows a volume made from a shell once its create event names it', async () => {
    const { connection, engine, store } = setup([]);
    await store.current();
    engine.set('fresh', volume('fresh'));
    connection.fire('volume', 'create', 'fresh');
    expect(names(await store.current())).toEqual(['fresh:']);
  });

  it('follows a container that stops while it is still being asked about its start (asked once more), and a list that still says running does not undo it', async () => {
    const test = setup([volume('data')]);
    const { connection, engine, containers, store } = test;
    await store.current();
    containers.set('c3', { mounts: ['data'], name: 'c3', state: 'running' });
    const held = test.holdMounts();
    connection.fire('container', 'create', 'c3');
    connection.fire('container', 'start', 'c3');
    containers.set('c3', { mounts: ['data'], name: 'c3', state: 'exited' });
    connection.fire('container', 'die', 'c3');
    // Docker's containers list lags its die event: a lookup of the volume still reads running.
    engine.set('data', volume('data', [{ id: 'c3', state: 'running' }]));
    connection.fire('volume', 'unmount', 'data');
    held.resolve();
    expect(names(await store.current())).toEqual(['data:c3/exited']);
    // Looked up again while the list still lags: what the container's inspect said stands.
    connection.fire('volume', 'unmount', 'data');
    expect(names(await store.current())).toEqual(['data:c3/exited']);
  });
});
