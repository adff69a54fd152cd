import { describe, expect, it } from 'vitest';
import type { VolumeSummary } from '../../api/index.js';
import { deferred, fakeConnection } from '../../testing/fake-connection.js';
import { liveHelperIds } from './helper-container.js';
import { VolumeStore } from './volume-store.js';

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
  const mounts = new Map<string, string[]>();
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
      mountsOf: async (containerId) => {
        calls.push(`mounts ${containerId}`);
        if (heldMounts) await heldMounts.promise;
        return mounts.get(containerId) ?? null;
      },
    },
    { settleTimeoutMs: 500 },
  );
  return {
    connection,
    engine,
    mounts,
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
  it("looks up the volumes a known container uses when it changes, and only those", async () => {
    const { connection, engine, calls, store } = setup([volume('data', [{ id: 'c1' }]), volume('logs', [{ id: 'c1' }]), volume('other')]);
    await store.current();
    engine.set('data', volume('data', [{ id: 'c1', state: 'running' }]));
    engine.set('logs', volume('logs', [{ id: 'c1', state: 'running' }]));
    connection.fire('container', 'start', 'c1');
    expect(names(await store.current())).toEqual(['data:c1/running', 'logs:c1/running', 'other:']);
    expect(calls).toEqual(['list', 'volume data', 'volume logs']);
  });

  it('asks a new container which volumes it mounts, and is not in step until it has answered', async () => {
    const test = setup([volume('data')]);
    const { connection, engine, mounts, calls, store } = test;
    await store.current();
    const held = test.holdMounts();
    mounts.set('c2', ['data']);
    engine.set('data', volume('data', [{ id: 'c2' }]));
    connection.fire('container', 'create', 'c2');
    expect(store.list.isInStep).toBe(false);
    const read = store.current();
    held.resolve();
    expect(names(await read)).toEqual(['data:c2/exited']);
    expect(calls).toEqual(['list', 'mounts c2', 'volume data']);

    // Removed (Podman says `remove`): its volumes lose the user; it is known now, so not asked again.
    engine.set('data', volume('data'));
    connection.fire('container', 'remove', 'c2');
    expect(names(await store.current())).toEqual(['data:']);
    expect(calls.slice(3)).toEqual(['volume data']);
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

  it('follows a new container that stops while its volume is still being looked up (its mounts are known from its own answer)', async () => {
    const test = setup([volume('data')]);
    const { connection, engine, mounts, store } = test;
    await store.current();
    mounts.set('c3', ['data']);
    engine.set('data', volume('data', [{ id: 'c3', state: 'running' }]));
    test.holdLookups(true);
    connection.fire('container', 'create', 'c3');
    connection.fire('container', 'start', 'c3');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(test.heldLookups).toHaveLength(1); // data, asked while c3 runs
    engine.set('data', volume('data', [{ id: 'c3', state: 'exited' }]));
    connection.fire('container', 'die', 'c3');
    test.holdLookups(false);
    test.heldLookups[0]!.resolve();
    expect(names(await store.current())).toEqual(['data:c3/exited']);
  });
});
