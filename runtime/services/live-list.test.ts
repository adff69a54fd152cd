import { describe, expect, it } from 'vitest';
import { deferred, fakeConnection } from '../testing/fake-connection.js';
import { LiveList } from './live-list.js';

interface Item {
  key: string;
  value: number;
}

/** The engine's items as the test sets them, and every call the list makes; answers can be held back. */
function fakeSource(initial: Item[] = []) {
  const engine = new Map(initial.map((item) => [item.key, item]));
  const held: { lists: ReturnType<typeof deferred<void>>[]; lookups: Map<string, ReturnType<typeof deferred<void>>> } = { lists: [], lookups: new Map() };
  const calls = { lists: 0, lookups: [] as string[] };
  let holdNext = { list: false, lookup: new Set<string>() };
  return {
    engine,
    calls,
    held,
    holdList() {
      holdNext.list = true;
    },
    holdLookup(key: string) {
      holdNext.lookup.add(key);
    },
    reset() {
      holdNext = { list: false, lookup: new Set() };
    },
    source: {
      async list() {
        calls.lists += 1;
        if (holdNext.list) {
          holdNext.list = false;
          const gate = deferred<void>();
          held.lists.push(gate);
          await gate.promise;
        }
        return [...engine.values()];
      },
      async lookup(key: string) {
        calls.lookups.push(key);
        // What the engine holds when asked, answered when released (an older answer).
        const answer = engine.get(key) ?? null;
        if (holdNext.lookup.delete(key)) {
          const gate = deferred<void>();
          held.lookups.set(key, gate);
          await gate.promise;
        }
        return answer;
      },
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(initial: Item[] = [], options = {}) {
  const connection = fakeConnection();
  const source = fakeSource(initial);
  const list = new LiveList<Item>(connection, source.source, (item) => item.key, { settleTimeoutMs: 200, ...options });
  return { connection, source, list };
}

describe('a live list', () => {
  it('lists once, then answers from what the events patched, asking the engine only for the item named', async () => {
    const { source, list } = setup([{ key: 'a', value: 1 }]);
    expect(await list.current()).toEqual([{ key: 'a', value: 1 }]);
    expect(await list.current()).toEqual([{ key: 'a', value: 1 }]);
    expect(source.calls.lists).toBe(1);

    source.engine.set('b', { key: 'b', value: 2 });
    list.changed('b', 'create');
    expect(await list.current()).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ]);
    source.engine.delete('a');
    list.gone('a', 'destroy');
    expect(await list.current()).toEqual([{ key: 'b', value: 2 }]);
    expect(source.calls).toEqual({ lists: 1, lookups: ['b'] });
  });

  it('is not in step while a lookup is pending, and a read waits for it rather than answer what it knows is old', async () => {
    const { source, list } = setup([{ key: 'a', value: 1 }]);
    await list.current();
    source.engine.set('a', { key: 'a', value: 2 });
    source.holdLookup('a');
    list.changed('a', 'mount');
    expect(list.isInStep).toBe(false);
    const read = list.current();
    await flush();
    source.held.lookups.get('a')!.resolve();
    expect(await read).toEqual([{ key: 'a', value: 2 }]);
    expect(list.isInStep).toBe(true);
  });

  it('answers null (ask the engine) when it does not come in step within the wait', async () => {
    const { source, list } = setup([{ key: 'a', value: 1 }], { settleTimeoutMs: 20 });
    await list.current();
    source.holdLookup('a');
    list.changed('a', 'mount');
    expect(await list.current()).toBeNull();
    source.held.lookups.get('a')!.resolve();
  });

  it('lists again at each reconnect, and answers null while disconnected', async () => {
    const { connection, source, list } = setup([{ key: 'a', value: 1 }]);
    await list.current();
    connection.drop();
    expect(list.isInStep).toBe(false);
    expect(await list.current()).toBeNull();
    source.engine.set('b', { key: 'b', value: 2 }); // made while away: no event ever names it
    connection.reconnect();
    expect((await list.current())?.map((item) => item.key)).toEqual(['a', 'b']);
    expect(source.calls.lists).toBe(2);
  });

  it('is behind while the events stream is asked for again, and lists afresh once it is open', async () => {
    const { connection, source, list } = setup([{ key: 'a', value: 1 }]);
    await list.current();
    connection.streamGap();
    expect(list.isInStep).toBe(false);
    source.engine.set('b', { key: 'b', value: 2 });
    const read = list.current();
    await flush();
    connection.streamBack();
    expect((await read)?.map((item) => item.key)).toEqual(['a', 'b']);
    expect(source.calls.lists).toBe(2);
  });

  it("shows Berth's own create and remove at once, with no engine call", async () => {
    const { source, list } = setup([{ key: 'a', value: 1 }]);
    await list.current();
    list.put({ key: 'mine', value: 7 }, 'create');
    expect(list.isInStep).toBe(true);
    expect(await list.current()).toEqual([
      { key: 'a', value: 1 },
      { key: 'mine', value: 7 },
    ]);
    list.remove('a', 'destroy');
    expect(await list.current()).toEqual([{ key: 'mine', value: 7 }]);
    expect(source.calls).toEqual({ lists: 1, lookups: [] });
  });

  it('does not let a lookup that was in flight before a create of its own undo it', async () => {
    const { source, list } = setup([]);
    await list.current();
    source.holdLookup('x');
    list.changed('x', 'mount'); // asked before x existed: the answer will be null
    await flush();
    source.engine.set('x', { key: 'x', value: 1 });
    list.put({ key: 'x', value: 1 }, 'create');
    source.held.lookups.get('x')!.resolve();
    expect(await list.current()).toEqual([{ key: 'x', value: 1 }]);
    expect(source.calls.lookups).toEqual(['x', 'x']);
  });

  it('looks up what changed during a list after it, so an older list never wins', async () => {
    const { source, list } = setup([{ key: 'a', value: 1 }]);
    source.holdList();
    const read = list.current();
    await flush();
    source.engine.set('a', { key: 'a', value: 2 }); // changed after the engine answered the list
    list.changed('a', 'update');
    source.held.lists[0]!.resolve();
    await flush();
    expect(await read).toEqual([{ key: 'a', value: 2 }]);
    expect(source.calls.lookups).toEqual(['a']);
  });

  it('lists once instead of looking up more than 64 items', async () => {
    const { source, list } = setup([]);
    await list.current();
    for (let index = 0; index < 100; index++) source.engine.set(`v${index}`, { key: `v${index}`, value: index });
    for (let index = 0; index < 100; index++) list.changed(`v${index}`, 'create');
    expect((await list.current())?.length).toBe(100);
    expect(source.calls.lists).toBe(2);
    // The four already in flight when the list was asked for, once each, and again after it (their answers may be older).
    expect(source.calls.lookups.length).toBeLessThanOrEqual(8);
  });

  it('keeps the engine order, appends what is made since, and keeps a changed item in its place', async () => {
    const { source, list } = setup([
      { key: 'b', value: 1 },
      { key: 'a', value: 1 },
    ]);
    await list.current();
    source.engine.set('c', { key: 'c', value: 1 });
    list.changed('c', 'create');
    source.engine.set('b', { key: 'b', value: 2 });
    list.changed('b', 'update');
    expect((await list.current())?.map((item) => `${item.key}${item.value}`)).toEqual(['b2', 'a1', 'c1']);
  });

  it('tells its listeners the list, then each change; a failed list is theirs to hear, and the next read asks the engine', async () => {
    const { source, list } = setup([{ key: 'a', value: 1 }]);
    const heard: string[] = [];
    list.subscribe({
      onListed: (items) => heard.push(`list ${items.length}`),
      onChanged: (key, action, item) => heard.push(`${action} ${key} ${item === null ? 'gone' : item.value}`),
      onFailed: () => heard.push('failed'),
    });
    await flush();
    list.put({ key: 'b', value: 2 }, 'create');
    list.gone('a', 'destroy');
    expect(heard).toEqual(['list 1', 'create b 2', 'destroy a gone']);

    source.source.list = () => Promise.reject(new Error('engine 500'));
    list.relist();
    await flush();
    expect(heard.at(-1)).toBe('failed');
    expect(await list.current()).toBeNull();
  });

  it('asks nothing of the engine until first read, and nothing at idle after', async () => {
    const { connection, source, list } = setup([{ key: 'a', value: 1 }]);
    connection.drop();
    connection.reconnect();
    expect(source.calls.lists).toBe(0);
    await list.current();
    await flush();
    expect(source.calls).toEqual({ lists: 1, lookups: [] });
  });

  it('gives a listener subscribed while the engine is away the list once it connects', async () => {
    const { connection, source, list } = setup([{ key: 'a', value: 1 }]);
    connection.drop();
    const heard: string[] = [];
    list.subscribe({ onListed: (items) => heard.push(`list ${items.length}`), onChanged: () => undefined, onFailed: () => heard.push('failed') });
    await flush();
    expect(heard).toEqual([]);
    connection.reconnect();
    await flush();
    expect(heard).toEqual(['list 1']);
    expect(source.calls.lists).toBe(1);
  });
});
