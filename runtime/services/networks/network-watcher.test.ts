import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toDisposable, type EngineStatus, type NetworksChangedEvent } from '../../api/index.js';
import type { EngineEvent } from '../../engine/json/streams.js';
import { NetworkWatcher, type ReadChanges } from './network-watcher.js';

/** A fake event source and a recorded reader: the coalescing and ordering logic only, on fake timers. */
function setup(read?: ReadChanges) {
  const listeners = new Set<(event: EngineEvent) => void>();
  const engine = {
    status: { engineId: 'e1' } as EngineStatus,
    onEngineEvent(listener: (event: EngineEvent) => void) {
      listeners.add(listener);
      return toDisposable(() => listeners.delete(listener));
    },
  };
  const reads: { networkIds: readonly string[]; containerIds: readonly string[] }[] = [];
  const reader: ReadChanges =
    read ??
    ((networkIds, containerIds) => {
      reads.push({ networkIds, containerIds });
      return Promise.resolve({ networks: networkIds.map((networkId) => ({ networkId, network: null })), containers: containerIds.map((containerId) => ({ containerId, attachments: [] })) });
    });
  const watcher = new NetworkWatcher(engine, reader, { quietMs: 30, maxDelayMs: 100 });
  const changes: NetworksChangedEvent[] = [];
  const subscription = watcher.onChange((change) => changes.push(change));
  const fire = (type: string, action: string, id: string, attributes?: Record<string, string>) => {
    for (const listener of listeners) listener({ Type: type, Action: action, Actor: { ID: id, ...(attributes ? { Attributes: attributes } : {}) } });
  };
  return { watcher, changes, reads, fire, subscription };
}

describe('NetworkWatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads a docker run burst (create, connect, start) once, for the container the events name', async () => {
    const { changes, reads, fire } = setup();
    fire('container', 'create', 'c1');
    fire('network', 'connect', 'n1', { container: 'c1', name: 'web', type: 'bridge' });
    fire('container', 'start', 'c1');
    await vi.advanceTimersByTimeAsync(29);
    expect(reads).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(reads).toEqual([{ networkIds: [], containerIds: ['c1'] }]);
    expect(changes).toEqual([{ type: 'networks', engineId: 'e1', networks: [], containers: [{ containerId: 'c1', attachments: [] }], actions: ['create', 'connect', 'start'] }]);
  });

  it('names the network for create and destroy (and Podman\'s remove), the container for connect and disconnect', async () => {
    const { reads, fire } = setup();
    fire('network', 'create', 'n1', { name: 'a', type: 'bridge' });
    fire('network', 'destroy', 'n2', { name: 'b', type: 'bridge' });
    fire('network', 'remove', 'n3', { name: 'c', type: 'bridge' });
    fire('network', 'disconnect', 'n4', { container: 'c9', name: 'd', type: 'bridge' });
    await vi.advanceTimersByTimeAsync(30);
    expect(reads).toEqual([{ networkIds: ['n1', 'n2', 'n3'], containerIds: ['c9'] }]);
  });

  it('ignores what changes no network and no attachment, and does nothing while nobody listens', async () => {
    const { reads, fire, subscription, changes } = setup();
    fire('container', 'exec_start: sh', 'c1');
    fire('container', 'kill', 'c1');
    fire('image', 'pull', 'busybox');
    fire('volume', 'create', 'v1');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reads).toEqual([]);
    subscription.dispose();
    fire('network', 'create', 'n1');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reads).toEqual([]);
    expect(changes).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('still reads a burst that never goes quiet, at most maxDelayMs after it began', async () => {
    const { reads, fire } = setup();
    for (let elapsed = 0; elapsed < 100; elapsed += 20) {
      fire('network', 'create', `n${elapsed}`);
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(reads).toHaveLength(1);
  });

  it('reads one burst at a time, so an older answer never lands after a newer one', async () => {
    const pending: (() => void)[] = [];
    const reads: (readonly string[])[] = [];
    const { changes, fire } = setup((networkIds) => {
      reads.push(networkIds);
      return new Promise((resolve) => pending.push(() => resolve({ networks: networkIds.map((networkId) => ({ networkId, network: null })), containers: [] })));
    });
    fire('network', 'create', 'n1');
    await vi.advanceTimersByTimeAsync(30);
    fire('network', 'destroy', 'n1');
    fire('network', 'create', 'n2');
    await vi.advanceTimersByTimeAsync(200);
    expect(reads).toEqual([['n1']]); // the second waits for the first
    pending.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toEqual([['n1'], ['n1', 'n2']]);
    pending.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(changes.map((change) => change.actions)).toEqual([['create'], ['destroy', 'create']]);
  });

  it("reads Berth's own connect of a stopped container, which the engine does not announce", async () => {
    const { reads, watcher } = setup();
    watcher.touch('c7');
    await vi.advanceTimersByTimeAsync(30);
    expect(reads).toEqual([{ networkIds: [], containerIds: ['c7'] }]);
  });

  it('drops a burst whose read fails (the engine went away) and goes on with the next', async () => {
    let fail = true;
    const { changes, fire } = setup(() => (fail ? Promise.reject(new Error('gone')) : Promise.resolve({ networks: [], containers: [] })));
    fire('network', 'create', 'n1');
    await vi.advanceTimersByTimeAsync(30);
    expect(changes).toEqual([]);
    fail = false;
    fire('network', 'create', 'n2');
    await vi.advanceTimersByTimeAsync(30);
    expect(changes).toHaveLength(1);
  });
});
