import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../api/index.js';
import { EngineRelay } from '../testing/engine-relay.js';
import { connectBackend, docker, idleCommand, testImage, TestContainers, uniqueName, type Connected } from '../testing/real-engine.js';
import { ContainersService } from './containers.js';

// containers.list (every container) answers from a live list kept from the REAL engine's events
// (container-store.ts), writing each status line ("Up 3 seconds") afresh from the container's
// times. Through a relay in front of the test engine that sees every request: the list equals
// the engine's own list, field for field and in its order, also after time has moved the status
// lines on; a list with no change since asks the engine nothing; changes from a shell and from
// Berth show; and while the events stream is down a list is not answered from the store.

let relay: EngineRelay;
let connected: Connected;
const containers = new TestContainers();
const images: string[] = [];

beforeAll(async () => {
  relay = await EngineRelay.start();
  connected = await connectBackend(relay.url);
});

afterAll(async () => {
  await containers.removeAll();
  if (images.length > 0) await docker('rmi', '-f', ...images).catch(() => undefined);
  connected.close();
  await relay.stop();
});

const mark = () => relay.connections.map((connection) => connection.requests.length);
const requestsSince = (from: number[]) =>
  relay.connections
    .flatMap((connection, index) => connection.requests.slice(from[index] ?? 0))
    .filter((line) => /^\w+ \/(v[\d.]+\/)?containers\//.test(line));

const list = () => connected.client.call('containers.list', { all: true });
/** The engine's own list, read as Berth reads it, with no store in between. */
const engineList = () => new ContainersService(connected.backend.engine).list({ all: true });

/** Lists until a list asks the engine nothing (the store has every container's times). */
async function untilAnsweredFromStore(): Promise<void> {
  await expect
    .poll(async () => {
      const from = mark();
      await list();
      return requestsSince(from);
    }, { timeout: 10_000 })
    .toEqual([]);
}

/**
 * Berth's list equals the engine's, container for container and in its order; each status line
 * equals what the engine wrote just before or just after (a second may turn between them).
 */
async function expectAsTheEngineLists(): Promise<ContainerSummary[]> {
  const before = await engineList();
  const ours = await list();
  const after = await engineList();
  expect(ours.map((item) => item.id)).toEqual(after.map((item) => item.id));
  for (const { statusSince: _since, ...item } of ours) {
    const candidates = [before, after].map((answer) => answer.find((each) => each.id === item.id));
    expect(candidates, `${JSON.stringify(item)} is neither of ${JSON.stringify(candidates)}`).toContainEqual(item);
  }
  return ours;
}

describe('containers.list from the live containers list', () => {
  it('lists containers in every state as the engine does, writes their status lines afresh as time passes, and asks the engine nothing when nothing changed', async () => {
    const up = await containers.run('up', testImage(), ...idleCommand);
    const exitedName = containers.name('exited');
    await docker('run', '--name', exitedName, testImage(), 'sh', '-c', 'exit 3').catch(() => undefined);
    const createdName = containers.name('created');
    await docker('create', '--name', createdName, testImage(), 'true');
    const paused = await containers.run('paused', testImage(), ...idleCommand);
    await docker('pause', paused);
    const healthy = await containers.run('healthy', '--health-cmd', 'true', '--health-interval', '1s', testImage(), ...idleCommand);
    await expect.poll(async () => (await docker('inspect', '-f', '{{.State.Health.Status}}', healthy)).trim(), { timeout: 15_000 }).toBe('healthy');

    await untilAnsweredFromStore();
    const first = await expectAsTheEngineLists();
    const statusOf = (answer: readonly ContainerSummary[], name: string) => answer.find((item) => item.name === name)?.status;
    // Each line says when its duration counts from: the start while up, the finish once exited.
    const sinceOf = (name: string) => first.find((item) => item.name === name)?.statusSince ?? Number.NaN;
    const inspected = async (name: string, field: string) => Date.parse((await docker('inspect', '-f', `{{.State.${field}}}`, name)).trim());
    expect(Math.abs(sinceOf(up) - (await inspected(up, 'StartedAt')))).toBeLessThan(50);
    expect(Math.abs(sinceOf(exitedName) - (await inspected(exitedName, 'FinishedAt')))).toBeLessThan(50);
    expect(first.find((item) => item.name === createdName)?.statusSince).toBeUndefined();
    expect(statusOf(first, exitedName)).toMatch(/^Exited \(3\) /);
    expect(statusOf(first, createdName)).toBe('Created');
    expect(statusOf(first, paused)).toMatch(/^Up .* \(Paused\)$/);
    expect(statusOf(first, healthy)).toMatch(/^Up .* \(healthy\)$/);

    // One made since, read from its own inspect as the list reads it: ports, a quoted command.
    const late = await containers.run('late', '-p', '127.0.0.1::80', '--expose', '81', testImage(), ...idleCommand);
    await expect.poll(async () => (await list()).some((item) => item.name === late), { timeout: 5_000 }).toBe(true);
    const withPorts = (await expectAsTheEngineLists()).find((item) => item.name === late);
    expect(withPorts?.ports.length).toBeGreaterThan(1);
    expect(withPorts?.command).toContain("'trap");
    await docker('stop', late);
    await expect.poll(async () => (await list()).find((item) => item.name === late)?.state, { timeout: 5_000 }).toBe('exited');
    await expectAsTheEngineLists();

    // Time moves the engine's lines on with no event: the store's lines follow, still with no engine call.
    const seen = statusOf(first, up);
    await expect.poll(async () => statusOf(await engineList(), up), { timeout: 10_000 }).not.toBe(seen);
    const from = mark();
    const ours = await list();
    expect(requestsSince(from)).toEqual([]);
    expect(statusOf(ours, up)).not.toBe(seen);
    await expectAsTheEngineLists();
  });

  it("shows a stop and a removal from a shell, and Berth's own stop, start and removal in the very next list", async () => {
    const shell = await containers.run('shell', testImage(), ...idleCommand);
    const own = await containers.run('own', testImage(), ...idleCommand);
    await untilAnsweredFromStore();
    const find = async (name: string) => (await list()).find((item) => item.name === name);

    await docker('stop', shell);
    await expect.poll(async () => (await find(shell))?.state, { timeout: 5_000 }).toBe('exited');
    expect((await find(shell))?.exitCode).toBe(0);
    await docker('rm', shell);
    await expect.poll(async () => (await find(shell)) === undefined, { timeout: 5_000 }).toBe(true);

    // Berth's own writes, named as a script would name them: no waiting for their events.
    await connected.client.call('containers.stop', { id: own, timeoutSeconds: 5 });
    expect((await find(own))?.state).toBe('exited');
    await connected.client.call('containers.start', { id: own });
    expect((await find(own))?.status).toMatch(/^Up /);
    await connected.client.call('containers.remove', { id: own, force: true });
    expect(await find(own)).toBeUndefined();
    await expectAsTheEngineLists();
  });

  it("reads a container's image as the engine does once its image name points to another image", async () => {
    const tag = `${uniqueName('retag')}:it`;
    images.push(tag);
    await docker('tag', testImage(), tag);
    const user = await containers.run('retag-user', tag, ...idleCommand);
    await untilAnsweredFromStore();
    expect((await list()).find((item) => item.name === user)?.image).toBe(tag);
    // A commit under the same name moves it to a new image (an image `tag` event).
    const source = await containers.run('retag-source', testImage(), 'sh', '-c', 'echo changed > /changed; exec sleep 1000');
    await docker('commit', source, tag);
    await expect.poll(async () => (await list()).find((item) => item.name === user)?.image, { timeout: 5_000 }).not.toBe(tag);
    await expectAsTheEngineLists();
  });

  it('does not answer from the store while the events stream is being asked for again: a container made meanwhile is listed', async () => {
    const { backend } = connected;
    await untilAnsweredFromStore();
    const gate = relay.gate('GET /events');
    relay.drop('GET /events');
    try {
      await expect.poll(() => gate.waiting, { timeout: 5_000 }).toBe(1);
      expect(backend.engine.isEventStreamLive).toBe(false);
      const meanwhile = containers.name('meanwhile');
      await docker('create', '--name', meanwhile, testImage(), 'true');
      expect((await list()).map((item) => item.name)).toContain(meanwhile);
    } finally {
      gate.release();
    }
    await expect.poll(() => backend.engine.isEventStreamLive, { timeout: 5_000 }).toBe(true);
  });
});
