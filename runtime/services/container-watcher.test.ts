import { describe, expect, it } from 'vitest';
import { toDisposable, type ContainerChangedEvent, type ContainerSummary, type EngineStatus } from '../api/index.js';
import type { EngineEvent } from '../engine/json/streams.js';
import { ContainerWatcher } from './container-watcher.js';

/** A fake event source and a controllable summarizer: pure coalescing logic only. */
function setup() {
  const listeners = new Set<(event: EngineEvent) => void>();
  const engine = {
    status: { engineId: 'e1' } as EngineStatus,
    onEngineEvent(listener: (event: EngineEvent) => void) {
      listeners.add(listener);
      return toDisposable(() => listeners.delete(listener));
    },
  };
  const fetches: { id: string; resolve(summary: ContainerSummary | null): void }[] = [];
  const watcher = new ContainerWatcher(engine, (id) => new Promise((resolve) => fetches.push({ id, resolve })));
  const changes: ContainerChangedEvent[] = [];
  watcher.onChange((change) => changes.push(change));
  const fire = (id: string, action: string, type = 'container') => {
    for (const listener of listeners) listener({ Type: type, Action: action, Actor: { ID: id } });
  };
  return { watcher, fetches, changes, fire };
}

const summary = (id: string, state: ContainerSummary['state']) => ({ id, state }) as ContainerSummary;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ContainerWatcher', () => {
  it('coalesces a burst into one fetch in flight and one after it', async () => {
    const { fetches, changes, fire } = setup();
    fire('c1', 'create');
    fire('c1', 'connect');
    fire('c1', 'start');
    expect(fetches).toHaveLength(1);
    fetches[0]?.resolve(summary('c1', 'created'));
    await settle();
    expect(fetches).toHaveLength(2);
    fetches[1]?.resolve(summary('c1', 'running'));
    await settle();
    expect(fetches).toHaveLength(2);
    expect(changes.map((c) => [c.action, c.container?.state])).toEqual([
      ['create', 'created'],
      ['start', 'running'],
    ]);
  });

  it('ignores actions that do not change the list, and other object types', async () => {
    const { fetches, fire } = setup();
    fire('c1', 'exec_start: sh');
    fire('c1', 'resize');
    fire('c1', 'top');
    fire('img', 'pull', 'image');
    await settle();
    expect(fetches).toHaveLength(0);
  });

  it('reports a removed container as null', async () => {
    const { fetches, changes, fire } = setup();
    fire('c2', 'destroy');
    fetches[0]?.resolve(null);
    await settle();
    expect(changes).toEqual([{ type: 'container', engineId: 'e1', containerId: 'c2', action: 'destroy', container: null }]);
  });

  it('fetches different containers independently', () => {
    const { fetches, fire } = setup();
    fire('a', 'start');
    fire('b', 'start');
    expect(fetches.map((f) => f.id)).toEqual(['a', 'b']);
  });
});
