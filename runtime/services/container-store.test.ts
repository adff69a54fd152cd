import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContainerSummary } from '../api/index.js';
import type { EngineContainerState } from '../engine/json/container.js';
import { deferred, fakeConnection } from '../testing/fake-connection.js';
import { statusLine } from './container-status.js';
import { ContainerStore } from './container-store.js';

const start = Date.parse('2026-12-01T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A container the fake engine holds: its inspect State, and the summary its list writes from it. */
interface Held {
  state: EngineContainerState;
  summary: Omit<ContainerSummary, 'status' | 'state'>;
}

const running = (startedAt: number): EngineContainerState => ({ Status: 'running', Running: true, StartedAt: iso(startedAt) });
const exited = (startedAt: number, finishedAt: number, code: number): EngineContainerState => ({ Status: 'exited', StartedAt: iso(startedAt), FinishedAt: iso(finishedAt), ExitCode: code });
const created: EngineContainerState = { Status: 'created', StartedAt: '0001-01-01T00:00:00Z', FinishedAt: '0001-01-01T00:00:00Z' };

const base = (id: string, name = id) => ({ engineId: 'e1', id, name, image: 'busybox', imageId: 'sha256:1', command: 'sleep 1000', created: 0, exitCode: null, ports: [], labels: {} });

/** Tests of the background timing time nothing before a list is in (`timeBeforeListed: 0`) unless they say. */
function setup(initial: Record<string, EngineContainerState>, options: { clockOffsetMs?: number; holdStates?: boolean; timeBeforeListed?: number } = {}) {
  const connection = fakeConnection();
  const engine = new Map<string, Held>(Object.entries(initial).map(([id, state]) => [id, { state, summary: base(id) }]));
  const calls: string[] = [];
  const held: ReturnType<typeof deferred<void>>[] = [];
  /** What the engine writes now, its clock being this machine's plus the offset. */
  const summaryOf = (held: Held): ContainerSummary => ({
    ...held.summary,
    state: held.state.Status as ContainerSummary['state'],
    status: statusLine(held.state, Date.now() + (options.clockOffsetMs ?? 0)),
  });
  const store = new ContainerStore(connection, {
    list: () => {
      calls.push('list');
      return Promise.resolve([...engine.values()].map(summaryOf).reverse());
    },
    lookup: (id) => {
      calls.push(`lookup ${id}`);
      const found = engine.get(id);
      return Promise.resolve(found ? { summary: summaryOf(found), state: found.state } : null);
    },
    stateOf: async (id) => {
      calls.push(`state ${id}`);
      if (options.holdStates) {
        const gate = deferred<void>();
        held.push(gate);
        await gate.promise;
      }
      return engine.get(id)?.state ?? null;
    },
    clockOffsetMs: () => options.clockOffsetMs ?? 0,
  }, { timeBeforeListed: options.timeBeforeListed ?? 0 });
  const statuses = async () => (await store.current())?.map((item) => `${item.id} ${item.status}`) ?? null;
  /** Until every container whose times were not known has been inspected. */
  const untilTimed = async (count: number) => {
    await eventually(() => expect(calls.filter((call) => call.startsWith('state ')).length).toBe(count));
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { connection, engine, calls, store, statuses, untilTimed, held };
}

/**
 * Retries `check` until it passes (2 s at most). Not vi.waitFor: with fake timers that moves the
 * clock on at every try, and these tests read the status lines the clock writes.
 */
async function eventually(check: () => unknown): Promise<void> {
  const deadline = performance.now() + 2_000;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(start);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the container store', () => {
  it('answers from what it holds, writing each status line as the engine would at that moment, with no engine call', async () => {
    const { calls, statuses, untilTimed, store } = setup({
      web: running(start - 2_000),
      job: exited(start - 60_000, start - 30_000, 3),
      fresh: created,
    });
    // The first read waits for the list it asked for: the engine's own lines.
    expect(await statuses()).toEqual(['fresh Created', 'job Exited (3) 30 seconds ago', 'web Up 2 seconds']);
    await untilTimed(2); // the two with times in their lines, once each
    vi.setSystemTime(start + 10 * 60_000);
    expect(await statuses()).toEqual(['fresh Created', 'job Exited (3) 10 minutes ago', 'web Up 10 minutes']);
    vi.setSystemTime(start + 3 * 3_600_000);
    expect(await statuses()).toEqual(['fresh Created', 'job Exited (3) 3 hours ago', 'web Up 3 hours']);
    expect(calls).toEqual(['list', 'state job', 'state web']);
    // With the time each duration counts from, by this machine's clock, so the UI keeps the lines true.
    expect((await store.current())?.map((item) => [item.id, item.statusSince])).toEqual([
      ['fresh', undefined],
      ['job', start - 30_000],
      ['web', start - 2_000],
    ]);
  });

  it('times a few containers before the first list is in, so the first answer says when each line counts from; more only in the background', async () => {
    const few = setup({ web: running(start - 2_000), job: exited(start - 60_000, start - 30_000, 3), fresh: created }, { timeBeforeListed: 2 });
    const first = await few.store.current();
    // Each once: the answers given before the list was in are kept.
    expect(few.calls).toEqual(['list', 'state job', 'state web']);
    expect(first?.map((item) => item.statusSince)).toEqual([undefined, start - 30_000, start - 2_000]);

    const many = setup({ a: running(start - 1_000), b: running(start - 1_000), c: running(start - 1_000) }, { timeBeforeListed: 2, holdStates: true });
    const answer = await many.store.current();
    expect(answer?.map((item) => item.statusSince)).toEqual([undefined, undefined, undefined]);
    expect(many.calls[0]).toBe('list');
    for (const gate of many.held) gate.resolve();

    // An engine slow to answer the inspects holds the first list back a moment only.
    const slow = setup({ a: running(start - 1_000) }, { timeBeforeListed: 2, holdStates: true });
    const waited = performance.now();
    const late = await slow.store.current();
    expect(performance.now() - waited).toBeLessThan(1_000);
    expect(late?.map((item) => [item.id, item.status, item.statusSince])).toEqual([['a', 'Up 1 second', undefined]]);
    expect(slow.calls).toEqual(['list', 'state a']);
    for (const gate of slow.held) gate.resolve();
  });

  it("writes the lines at the engine's time: this machine's plus the offset read at connect", async () => {
    const { statuses, untilTimed, store } = setup({ web: running(start - 5_000) }, { clockOffsetMs: 120_000 });
    expect(await statuses()).toEqual(['web Up 2 minutes']);
    await untilTimed(1);
    vi.setSystemTime(start + 60_000);
    expect(await statuses()).toEqual(['web Up 3 minutes']);
    expect((await store.current())?.[0]?.statusSince).toBe(start - 5_000 - 120_000);
  });

  it('asks the engine (answers null) while a line with a time in it cannot be written: its times not known yet, the line not written since the read began', async () => {
    const { statuses, held, calls } = setup({ web: running(start - 2_000) }, { holdStates: true });
    expect(await statuses()).toEqual(['web Up 2 seconds']);
    vi.setSystemTime(start + 5_000);
    expect(await statuses()).toBeNull();
    for (const gate of held) gate.resolve();
    await eventually(async () => expect(await statuses()).toEqual(['web Up 7 seconds']));
    expect(calls.filter((call) => call === 'list')).toEqual(['list']);
  });

  it("looks a container up when its events name it, drops it at destroy without asking, and puts one made since the list first (the engine's newest-first order)", async () => {
    const { connection, engine, calls, statuses, untilTimed } = setup({ a: running(start - 1_000), b: running(start - 1_000) });
    expect(await statuses()).toEqual(['b Up 1 second', 'a Up 1 second']);
    await untilTimed(2);
    engine.set('c', { state: running(start), summary: base('c') });
    connection.fire('container', 'create', 'c');
    connection.fire('container', 'start', 'c');
    engine.delete('a');
    connection.fire('container', 'destroy', 'a');
    // Events that change nothing a row shows are not looked up.
    connection.fire('container', 'exec_start: sh', 'b');
    connection.fire('container', 'attach', 'b');
    const now = start + 65_000;
    vi.setSystemTime(now);
    await eventually(async () => expect(await statuses()).toEqual(['c Up About a minute', 'b Up About a minute']));
    expect(new Set(calls.filter((call) => call.startsWith('lookup')))).toEqual(new Set(['lookup c']));
    engine.set('b', { state: exited(start - 1_000, now, 137), summary: base('b') });
    connection.fire('container', 'die', 'b');
    await eventually(async () => expect(await statuses()).toEqual(['c Up About a minute', 'b Exited (137) Less than a second ago']));
  });

  it("looks up a container Berth changed itself at once, named by name, id or short id; one it cannot place lists afresh", async () => {
    const id = 'f'.repeat(64);
    const { connection, engine, calls, store } = setup({ [id]: running(start - 1_000) });
    engine.set(id, { state: running(start - 1_000), summary: base(id, 'web') });
    await store.current();
    connection.wrote('web', 'stop');
    connection.wrote(id.slice(0, 12), 'pause');
    connection.wrote(id, 'kill');
    await eventually(() => expect(calls.filter((call) => call.startsWith('lookup'))).toEqual([`lookup ${id}`, `lookup ${id}`]));
    const made = 'e'.repeat(64);
    engine.set(made, { state: created, summary: base(made, 'new') });
    connection.wrote(made, 'create');
    await eventually(() => expect(calls).toContain(`lookup ${made}`));
    connection.wrote('nobody-knows', 'stop');
    connection.wrote('', 'prune');
    await eventually(() => expect(calls.filter((call) => call === 'list').length).toBeGreaterThanOrEqual(2));
    engine.delete(id);
    connection.wrote('web', 'destroy');
    await eventually(async () => expect((await store.current())?.map((item) => item.name)).toEqual(['new']));
  });

  it("lists afresh after an image event that can change a container's Image, and inspects again a container whose listed line its known times do not write", async () => {
    const { connection, engine, calls, statuses, untilTimed } = setup({ web: running(start - 1_000) });
    await statuses();
    await untilTimed(1);
    // Restarted while Berth heard nothing of it: the next list's line says so.
    engine.set('web', { state: running(start + 30 * 60_000), summary: base('web') });
    vi.setSystemTime(start + 31 * 60_000);
    connection.fire('image', 'untag', 'sha256:old');
    await eventually(() => expect(calls).toEqual(['list', 'state web', 'list', 'state web']));
    await eventually(async () => expect(await statuses()).toEqual(['web Up About a minute']));
    connection.fire('image', 'pull', 'busybox:latest');
    await eventually(() => expect(calls.filter((call) => call === 'list').length).toBe(3));
  });
});
