import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEventRecord, EngineEventsBatch } from '../../api/index.js';
import { connectBackend, docker, idleCommand, testImage, TestContainers, type Connected } from '../../testing/real-engine.js';

let connected: Connected;
const containers = new TestContainers();

beforeAll(async () => {
  connected = await connectBackend();
});

afterAll(async () => {
  await containers.removeAll();
  connected.close();
});

/** Every batch of one `eventlog.watch`, with when it arrived. */
function watch(params: Parameters<Connected['client']['subscribe']>[1]) {
  const batches: { at: number; batch: EngineEventsBatch }[] = [];
  const subscription = connected.client.subscribe('eventlog.watch', params as never, {
    onEvent: (batch: EngineEventsBatch) => batches.push({ at: performance.now(), batch }),
  });
  const events = () => batches.flatMap((entry) => entry.batch.events);
  const waitFor = async (predicate: (event: EngineEventRecord) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = batches.find((entry) => entry.batch.events.some(predicate));
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no matching engine event within ${timeoutMs} ms; saw ${JSON.stringify(events().map((e) => `${e.type}/${e.action}/${e.name}`))}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { batches, events, waitFor, dispose: () => subscription.dispose() };
}

describe('engine events on the real engine', () => {
  it('streams a container killed from the CLI live, with its name, exit code and time', async () => {
    const name = containers.name('killed');
    const id = await docker('run', '-d', '--name', name, testImage(), ...idleCommand);
    const stream = watch({ types: ['container'], name });
    await stream.waitFor((event) => event.action === 'start');
    expect(stream.batches[0]?.batch.replay).toBe(true);
    const before = Date.now();
    await docker('kill', name);
    const returnedAt = performance.now();
    const die = await stream.waitFor((event) => event.action === 'die');
    const event = die.batch.events.find((each) => each.action === 'die');
    expect(event).toMatchObject({ type: 'container', actorId: id, name, attributes: expect.objectContaining({ exitCode: '137', name }) as unknown });
    expect(event?.timeMs).toBeGreaterThanOrEqual(before - 1000);
    expect(event?.timeMs).toBeLessThanOrEqual(Date.now() + 1000);
    expect(die.batch.replay).toBe(false);
    // Live: the batch crossed within the design's 150 ms of the CLI returning (usually before it).
    expect(die.at - returnedAt).toBeLessThan(150);
    // The filter held: nothing of another type or another object.
    expect(stream.events().every((each) => each.type === 'container' && each.name === name)).toBe(true);
    stream.dispose();
  });

  it('starts a watch with the kept events, and lists them, filtered by action', async () => {
    const name = await containers.run('kept', testImage(), 'sh', '-c', 'exit 3');
    await docker('wait', name);
    const listed = await waitForList(name);
    expect(listed.map((event) => event.action)).toEqual(expect.arrayContaining(['create', 'start', 'die']));
    const seqs = listed.map((event) => event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    const stream = watch({ actions: ['die'], name });
    await stream.waitFor((event) => event.action === 'die');
    expect(stream.batches[0]?.batch).toMatchObject({ replay: true, events: [expect.objectContaining({ action: 'die', attributes: expect.objectContaining({ exitCode: '3' }) as unknown })] });
    stream.dispose();
  });

  it('shows network and volume events too, and refuses a bad filter by field', async () => {
    const volume = `it-events-vol-${Date.now()}`;
    const stream = watch({ types: ['volume'], name: volume });
    await docker('volume', 'create', volume);
    await stream.waitFor((event) => event.action === 'create' && event.actorId === volume);
    await docker('volume', 'rm', volume);
    await stream.waitFor((event) => event.action === 'destroy');
    stream.dispose();
    await expect(connected.client.call('eventlog.list', { types: [''] })).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('types.0') as unknown });
    await expect(connected.client.call('eventlog.list', { kinds: ['container'] } as never)).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('kinds') as unknown });
  });
});

async function waitForList(name: string): Promise<EngineEventRecord[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const listed = await connected.client.call('eventlog.list', { name });
    if (listed.some((event) => event.action === 'die') || Date.now() > deadline) return listed;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
