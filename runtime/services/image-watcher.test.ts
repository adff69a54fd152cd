import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toDisposable, type EngineStatus, type ImagesChangedEvent } from '../api/index.js';
import type { EngineEvent } from '../engine/json/streams.js';
import { ImageWatcher } from './image-watcher.js';

/** A fake event source: the coalescing logic only, on fake timers. */
function setup(timing = { quietMs: 40, maxDelayMs: 120 }) {
  const listeners = new Set<(event: EngineEvent) => void>();
  const engine = {
    status: { engineId: 'e1' } as EngineStatus,
    onEngineEvent(listener: (event: EngineEvent) => void) {
      listeners.add(listener);
      return toDisposable(() => listeners.delete(listener));
    },
  };
  const watcher = new ImageWatcher(engine, timing);
  const changes: ImagesChangedEvent[] = [];
  const subscription = watcher.onChange((change) => changes.push(change));
  const fire = (action: string, type = 'image', id = 'sha256:abc') => {
    for (const listener of listeners) listener({ Type: type, Action: action, Actor: { ID: id } });
  };
  return { watcher, changes, fire, subscription, listeners };
}

describe('ImageWatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports a burst (docker rmi: untag, untag, delete) once, after it goes quiet', () => {
    const { changes, fire } = setup();
    fire('untag');
    vi.advanceTimersByTime(10);
    fire('untag');
    fire('delete');
    vi.advanceTimersByTime(39);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(changes).toEqual([{ type: 'images', engineId: 'e1', actions: ['untag', 'delete'] }]);
    vi.advanceTimersByTime(1_000);
    expect(changes).toHaveLength(1);
  });

  it('still reports a burst that never goes quiet, at most maxDelayMs after it began', () => {
    const { changes, fire } = setup();
    for (let elapsed = 0; elapsed < 120; elapsed += 20) {
      fire('load');
      vi.advanceTimersByTime(20);
    }
    expect(changes).toHaveLength(1);
    fire('tag');
    vi.advanceTimersByTime(40);
    expect(changes.map((c) => c.actions)).toEqual([['load'], ['tag']]);
  });

  it('ignores what does not change the list: push, save, other container actions, volumes', () => {
    const { changes, fire } = setup();
    fire('push');
    fire('save');
    fire('start', 'container');
    fire('destroy', 'container');
    fire('create', 'volume');
    vi.advanceTimersByTime(1_000);
    expect(changes).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts a container commit (docker commit) as an image change', () => {
    const { changes, fire } = setup();
    fire('commit', 'container', 'c1');
    vi.advanceTimersByTime(40);
    expect(changes).toEqual([{ type: 'images', engineId: 'e1', actions: ['commit'] }]);
  });

  it('does nothing, not even a timer, while nobody listens', () => {
    const { fire, subscription } = setup();
    subscription.dispose();
    fire('tag');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops a pending burst and its engine subscription when disposed', () => {
    const { watcher, changes, fire, listeners } = setup();
    fire('pull', 'image', 'busybox:latest');
    watcher.dispose();
    vi.advanceTimersByTime(1_000);
    expect(changes).toEqual([]);
    expect(listeners.size).toBe(0);
  });
});
