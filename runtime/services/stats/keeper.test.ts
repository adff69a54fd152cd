import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BerthError, toDisposable, type EngineStatus, type StatsBatch } from '../../api/index.js';
import { EngineClient } from '../../engine/client/engine-client.js';
import type { EngineRequest } from '../../engine/client/transport.js';
import { fromEngineError } from '../../engine/errors.js';
import type { EngineEvent, EngineStats } from '../../engine/json/streams.js';
import { captureLog } from '../../testing/streaming-client.js';
import { statsHandlers, watchIntervalMs } from './handlers.js';
import { StatsKeeper, type HostStatsReader } from './keeper.js';

// The keeper's bookkeeping against a scripted engine (the real engine's behaviour is in
// keeper.int.test.ts): which streams it opens and closes on which events.

const web = 'a'.repeat(64);
const db = 'b'.repeat(64);

const startedAt = Math.floor(Date.now() / 1000) * 1000;

function reading(second: number, memory: number): string {
  return `${JSON.stringify({ read: new Date(startedAt + second * 1000).toISOString(), memory_stats: { usage: memory, limit: 100 }, pids_stats: { current: 1 } })}\n`;
}

function scriptedEngine(running: { id: string; name: string; pid?: number }[]) {
  const streams = new Map<string, { body: PassThrough; signal: AbortSignal | undefined }>();
  const request = (call: EngineRequest) => {
    if (call.path === '/containers/json') return Promise.resolve(running.map((item) => ({ Id: item.id, Names: [`/${item.name}`], State: 'running' })));
    const inspected = /^\/containers\/(\w+)\/json$/.exec(call.path)?.[1];
    const item = running.find((candidate) => candidate.id === inspected);
    if (item) return Promise.resolve({ Id: item.id, Name: `/${item.name}`, State: { Pid: item.pid ?? 0 }, HostConfig: { NanoCpus: 5e8, PidsLimit: 32, NetworkMode: 'bridge' } });
    return Promise.reject(new BerthError('not_found', `No such container: ${inspected}`));
  };
  const stream = (call: EngineRequest) => {
    const id = /^\/containers\/(\w+)\/stats$/.exec(call.path)?.[1] ?? '';
    const body = new PassThrough();
    streams.set(id, { body, signal: call.signal });
    return Promise.resolve(body);
  };
  const client = new EngineClient({ request, stream, hijack: () => Promise.reject(new Error('unused')), failureOf: (error) => fromEngineError(error) });
  const statusListeners = new Set<(status: EngineStatus) => void>();
  const eventListeners = new Set<(event: EngineEvent) => void>();
  const status: EngineStatus = { engineId: 'e1', state: 'connected', endpoint: null, managed: { available: false, running: false, url: '' } };
  const engine = {
    client,
    status,
    onStatus: (listener: (status: EngineStatus) => void) => {
      statusListeners.add(listener);
      return toDisposable(() => statusListeners.delete(listener));
    },
    onEngineEvent: (listener: (event: EngineEvent) => void) => {
      eventListeners.add(listener);
      return toDisposable(() => eventListeners.delete(listener));
    },
  };
  const emit = (Action: string, id: string, name: string) => {
    for (const listener of eventListeners) listener({ Type: 'container', Action, Actor: { ID: id, Attributes: { name } } });
  };
  return { engine, streams, emit, running };
}

/** A host reader that can read the containers whose pid it is told, and answers the readings the test sets. */
class FakeHostReader implements HostStatsReader {
  readonly added = new Map<string, { pid: number; networkMode: string }>();
  readonly removed: string[] = [];
  readings = new Map<string, EngineStats>();
  constructor(private readonly readablePids: Set<number>) {}
  add(containerId: string, pid: number, options: { networkMode: string }): boolean {
    if (!this.readablePids.has(pid)) return false;
    this.added.set(containerId, { pid, networkMode: options.networkMode });
    return true;
  }
  remove(containerId: string): void {
    this.added.delete(containerId);
    this.removed.push(containerId);
  }
  refreshLimits(): void {}
  read(): Map<string, EngineStats> {
    return new Map([...this.readings].filter(([id]) => this.added.has(id)));
  }
  dispose(): void {}
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('StatsKeeper', () => {
  it('opens one stream per running container at connect, keeps its samples with the limits from inspect, and skips a bad line', async () => {
    const logged = captureLog();
    const { engine, streams } = scriptedEngine([{ id: web, name: 'web' }]);
    const keeper = new StatsKeeper(engine);
    await vi.waitFor(() => expect(streams.has(web)).toBe(true));
    const body = streams.get(web)?.body;
    body?.write(reading(1, 10));
    body?.write('{"read": oops}\n');
    body?.write(reading(2, 20));
    await vi.waitFor(() => expect(keeper.history(web)?.seconds.memoryUsageBytes).toEqual([10, 20]));
    expect(keeper.latest(web)).toMatchObject({ cpuLimitCpus: 0.5, pidsLimit: 32 });
    expect(keeper.resolve('web')).toBe(web);
    expect(keeper.resolve('aaaa')).toBe(web);
    expect(logged.filter((line) => line.startsWith('berth: stats of web: skipped a line'))).toHaveLength(1);
    keeper.dispose();
    expect(streams.get(web)?.signal?.aborted).toBe(true);
  });

  it('closes the stream on die (keeping the history), opens it again on start, and forgets the container on destroy', async () => {
    const { engine, streams, emit, running } = scriptedEngine([]);
    const keeper = new StatsKeeper(engine);
    running.push({ id: db, name: 'db' });
    emit('start', db, 'db');
    await vi.waitFor(() => expect(streams.has(db)).toBe(true));
    const first = streams.get(db);
    first?.body.write(reading(1, 5));
    await vi.waitFor(() => expect(keeper.latest(db)).not.toBeNull());
    expect(keeper.streamingIds).toEqual([db]);

    emit('die', db, 'db');
    expect(first?.signal?.aborted).toBe(true);
    expect(keeper.streamingIds).toEqual([]);
    expect(keeper.history(db)?.seconds.time).toHaveLength(1);

    emit('start', db, 'db');
    await vi.waitFor(() => expect(streams.get(db)).not.toBe(first));
    emit('destroy', db, 'db');
    expect(streams.get(db)?.signal?.aborted).toBe(true);
    expect(keeper.history(db)).toBeUndefined();
    keeper.dispose();
  });

  it('reads a container the host can read from the host once a second, with no engine stream, and the others from the engine', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { engine, streams, emit } = scriptedEngine([
      { id: web, name: 'web', pid: 4242 },
      { id: db, name: 'db', pid: 77 },
    ]);
    const host = new FakeHostReader(new Set([4242]));
    const keeper = new StatsKeeper(engine, Date.now, { host });
    await vi.waitFor(() => expect(host.added.get(web)).toEqual({ pid: 4242, networkMode: 'bridge' }));
    await vi.waitFor(() => expect(streams.has(db)).toBe(true));
    expect(streams.has(web)).toBe(false);
    host.readings.set(web, { memory_stats: { usage: 30, limit: 100 } });
    await vi.advanceTimersByTimeAsync(1_000);
    host.readings.set(web, { memory_stats: { usage: 40, limit: 100 } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(keeper.history(web)?.seconds.memoryUsageBytes).toEqual([30, 40]);
    expect(keeper.latest(web)).toMatchObject({ cpuLimitCpus: 0.5, pidsLimit: 32, memoryLimitBytes: 100 });
    expect(keeper.streamingIds.sort()).toEqual([db, web].sort());
    // Stopped: no more readings, and the host lets it go; the history stays.
    emit('die', web, 'web');
    expect(host.removed).toEqual([web]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(keeper.history(web)?.seconds.memoryUsageBytes).toEqual([30, 40]);
    expect(vi.getTimerCount()).toBe(0);
    keeper.dispose();
  });

  it('stats.watch sends one message for many containers at most every 500 ms, from the kept streams only', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    const { engine, streams } = scriptedEngine([
      { id: web, name: 'web' },
      { id: db, name: 'db' },
    ]);
    const keeper = new StatsKeeper(engine);
    await vi.waitFor(() => expect(streams.size).toBe(2));
    const handlers = statsHandlers(engine as never, keeper);
    const batches: StatsBatch[] = [];
    const sink = { emit: (batch: StatsBatch) => batches.push(batch), end: () => undefined, fail: () => undefined, ready: () => Promise.resolve() };
    const watch = await handlers.streams['stats.watch']({ ids: [web, 'db'] }, sink, new AbortController().signal);
    for (let second = 1; second <= 4; second += 1) {
      streams.get(web)?.body.write(reading(second, second));
      streams.get(db)?.body.write(reading(second, 100 + second));
      await vi.advanceTimersByTimeAsync(250);
    }
    await vi.advanceTimersByTimeAsync(watchIntervalMs);
    // 4 samples of each over 1 s: 3 messages at most (one at once, then one per 500 ms).
    expect(batches.length).toBeLessThanOrEqual(3);
    expect(batches.length).toBeGreaterThanOrEqual(2);
    const last = batches.at(-1)?.samples ?? [];
    expect(last.map((entry) => entry.id).sort()).toEqual(['db', web].sort());
    expect(last.find((entry) => entry.id === 'db')?.sample.memoryUsageBytes).toBe(104);
    expect(streams.size).toBe(2);
    watch.dispose();
    keeper.dispose();
  });
});
