import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsBatch, StatsSample } from '../../api/index.js';
import { EngineRelay, type RelayedConnection } from '../../testing/engine-relay.js';
import { connectBackend, docker, idleCommand, TestContainers, testImage, type Connected } from '../../testing/real-engine.js';

// The stats keeper on the REAL test engine, twice: reading the engine's stats streams (as for
// an engine on another machine), and reading this machine's cgroups (the engine here runs on
// it). Each backend reaches the engine through a relay of its own that sees every connection
// Berth opens to the engine's socket and which request each carries, so a test can tell when
// an engine stats request is open and when it ended.
type Source = 'engine' | 'host';
const relays = {} as Record<Source, EngineRelay>;
const backends = {} as Record<Source, Connected>;
const containers = new TestContainers();

beforeAll(async () => {
  for (const source of ['engine', 'host'] as const) {
    relays[source] = await EngineRelay.start();
    backends[source] = await connectBackend(relays[source].url, { statsFromEngineOnly: source === 'engine' });
  }
});

afterAll(async () => {
  await containers.removeAll();
  for (const source of ['engine', 'host'] as const) {
    backends[source].close();
    await relays[source].stop();
  }
});

const fullId = (name: string) => docker('inspect', '-f', '{{.Id}}', name);

/** Stats requests for this container still open on the engine (an answer that ended leaves its connection idle, not open). */
function openStatsRequests(source: Source, containerId: string): RelayedConnection[] {
  return relays[source].allCarrying(`GET /containers/${containerId}/stats`).filter((connection) => !connection.closed && !connection.answered);
}

/** `docker stats --no-stream` for one container: CPU % and memory bytes as the CLI prints them. */
async function cliStats(name: string): Promise<{ cpuPercent: number; memoryBytes: number }> {
  const line = await docker('stats', '--no-stream', '--format', '{{.CPUPerc}}|{{.MemUsage}}', name);
  const [cpu = '', memory = ''] = line.split('|');
  return { cpuPercent: Number.parseFloat(cpu), memoryBytes: cliBytes(memory.split('/')[0]?.trim() ?? '') };
}

/** `12.5MiB` -> bytes, as the CLI's binary units write them. */
function cliBytes(text: string): number {
  const match = /^([\d.]+)\s*([KMGT]?i?B)$/.exec(text);
  if (!match) throw new Error(`cannot read ${JSON.stringify(text)} from docker stats`);
  const power = { B: 0, KiB: 1, MiB: 2, GiB: 3, TiB: 4, kB: 1, KB: 1, MB: 2, GB: 3 }[match[2] ?? 'B'] ?? 0;
  return Number(match[1]) * 1024 ** power;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Berth's samples from the seconds the CLI took: its one reading spans the last of them. */
async function samplesAround<T>(connected: Connected, id: string, during: () => Promise<T>): Promise<{ samples: StatsSample[]; result: T }> {
  const seen: StatsSample[] = [];
  const subscription = connected.client.subscribe('containers.stats', { id }, { onEvent: (sample) => seen.push(sample) });
  try {
    const result = await during();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    return { samples: seen, result };
  } finally {
    subscription.dispose();
  }
}

/** One backend's client, and its `stats.history` of a container. */
function backendOf(source: Source) {
  const connected = () => backends[source];
  return { connected, history: (id: string) => connected().client.call('stats.history', { id }) };
}

describe.each(['engine', 'host'] as const)('the stats keeper on the real engine, reading from the %s', (source) => {
  const { connected, history } = backendOf(source);

  it('a CPU hog under --cpus 0.5 shows about 50 % of one CPU, within 5 points of docker stats, and its limit of 0.5 CPUs', async () => {
    const name = await containers.run('cpu-hog', '--cpus', '0.5', testImage(), 'sh', '-c', 'yes > /dev/null');
    const id = await fullId(name);
    // Let it settle into its quota, with samples kept meanwhile.
    await expect.poll(async () => (await history(id)).seconds.time.length, { timeout: 20_000, interval: 500 }).toBeGreaterThanOrEqual(5);
    const { samples, result: cli } = await samplesAround(connected(), id, () => cliStats(name));
    const berth = mean(samples.slice(-3).map((sample) => sample.cpuPercent));
    expect(berth).toBeGreaterThan(40);
    expect(berth).toBeLessThan(56);
    expect(Math.abs(berth - cli.cpuPercent)).toBeLessThanOrEqual(5);
    expect(samples.at(-1)).toMatchObject({ cpuLimitCpus: 0.5 });
  });

  it('a container holding 12 MiB under -m 16m shows memory near its limit, within 5 % of docker stats', async () => {
    // /dev/shm is a tmpfs: its pages are charged to the container and are not inactive file cache.
    const name = await containers.run('mem-hog', '-m', '16m', testImage(), 'sh', '-c', 'dd if=/dev/zero of=/dev/shm/fill bs=1048576 count=12 2>/dev/null; trap "exit 0" TERM; while :; do sleep 0.2; done');
    const id = await fullId(name);
    const mib = 1024 * 1024;
    await expect.poll(async () => (await history(id)).latest?.memoryUsageBytes ?? 0, { timeout: 20_000, interval: 500 }).toBeGreaterThan(12 * mib);
    const { samples, result: cli } = await samplesAround(connected(), id, () => cliStats(name));
    const berth = samples.at(-1);
    expect(berth?.memoryLimitBytes).toBe(16 * mib);
    expect(berth?.memoryUsageBytes).toBeGreaterThan(12 * mib);
    expect(berth?.memoryUsageBytes).toBeLessThan(16 * mib);
    expect(Math.abs((berth?.memoryUsageBytes ?? 0) - cli.memoryBytes) / cli.memoryBytes).toBeLessThanOrEqual(0.05);
  });

  it('keeps the history of a running container nothing watches, one point a second', async () => {
    const name = await containers.run('kept', testImage(), ...idleCommand);
    const id = await fullId(name);
    await new Promise((resolve) => setTimeout(resolve, 4500));
    const kept = await history(name);
    expect(kept.containerId).toBe(id);
    expect(kept.isLive).toBe(true);
    expect(kept.seconds.time.length).toBeGreaterThanOrEqual(3);
    expect(kept.seconds.pids.every((pids) => pids >= 1)).toBe(true);
    expect(kept.minutes.time.length).toBeGreaterThanOrEqual(1);
    const gaps = kept.seconds.time.slice(1).map((time, index) => time - (kept.seconds.time[index] ?? 0));
    expect(gaps.every((gap) => gap > 500 && gap < 2500)).toBe(true);
  });

  it('stats.watch sends at most two messages a second, each holding every watched container with a new sample', async () => {
    const names = await Promise.all(['w1', 'w2', 'w3'].map((label) => containers.run(label, testImage(), ...idleCommand)));
    const batches: { at: number; batch: StatsBatch }[] = [];
    const watch = connected().client.subscribe('stats.watch', { ids: names }, { onEvent: (batch) => batches.push({ at: performance.now(), batch }) });
    try {
      await new Promise((resolve) => setTimeout(resolve, 5000));
    } finally {
      watch.dispose();
    }
    const afterFirst = batches.slice(1);
    const gaps = afterFirst.slice(1).map((entry, index) => entry.at - (afterFirst[index]?.at ?? 0));
    expect(afterFirst.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(450);
    const seen = new Set(batches.flatMap((entry) => entry.batch.samples.map((sample) => sample.id)));
    expect([...seen].sort()).toEqual([...names].sort());
    // Three containers at one sample a second each, in messages of several: never one message per sample.
    const sampleCount = batches.reduce((sum, entry) => sum + entry.batch.samples.length, 0);
    expect(batches.length).toBeLessThan(sampleCount);
  });
});

describe('the stats keeper reading the engine streams', () => {
  const source: Source = 'engine';
  const { connected, history } = backendOf(source);

  it('viewers open no engine stream of their own; stopping the container ends its one stats request, and removing it drops its history', async () => {
    const name = await containers.run('one-stream', testImage(), ...idleCommand);
    const id = await fullId(name);
    await expect.poll(() => openStatsRequests(source, id).length, { timeout: 10_000 }).toBe(1);

    const samples: StatsSample[] = [];
    const batches: StatsBatch[] = [];
    const one = connected().client.subscribe('containers.stats', { id: name }, { onEvent: (sample) => samples.push(sample) });
    const many = connected().client.subscribe('stats.watch', { ids: [id, name] }, { onEvent: (batch) => batches.push(batch) });
    await expect.poll(() => samples.length > 1 && batches.length > 1, { timeout: 10_000 }).toBe(true);
    expect(openStatsRequests(source, id)).toHaveLength(1);
    expect(relays[source].allCarrying(`GET /containers/${name}/stats`)).toEqual([]);
    one.dispose();
    many.dispose();
    expect(openStatsRequests(source, id)).toHaveLength(1); // the keeper's, for the history

    await docker('stop', '-t', '1', name);
    await expect.poll(() => openStatsRequests(source, id).length, { timeout: 5_000 }).toBe(0);
    expect((await history(id)).isLive).toBe(false);

    await docker('start', name);
    await expect.poll(() => openStatsRequests(source, id).length, { timeout: 10_000 }).toBe(1);
    await docker('rm', '-f', name);
    await expect.poll(() => openStatsRequests(source, id).length, { timeout: 5_000 }).toBe(0);
    // The stream ends as the container stops; its history goes with the `destroy` event that follows.
    await expect.poll(() => history(id).then(() => 'kept', (error: { code?: string }) => error.code), { timeout: 5_000 }).toBe('not_found');
  });
});

describe('the stats keeper reading this machine', () => {
  const source: Source = 'host';
  const { connected, history } = backendOf(source);

  it('reads a container on this machine from its cgroups with no engine stats request; stopping it ends the reading, starting it reads again, removing it drops its history', async () => {
    const name = await containers.run('from-host', testImage(), ...idleCommand);
    const id = await fullId(name);
    await expect.poll(async () => (await history(id)).seconds.time.length, { timeout: 10_000, interval: 500 }).toBeGreaterThanOrEqual(2);
    const samples: StatsSample[] = [];
    const one = connected().client.subscribe('containers.stats', { id: name }, { onEvent: (sample) => samples.push(sample) });
    await expect.poll(() => samples.length, { timeout: 10_000 }).toBeGreaterThan(1);
    one.dispose();
    expect(samples.at(-1)?.pids).toBeGreaterThanOrEqual(1);
    expect(relays[source].allCarrying(`GET /containers/${id}/stats`)).toEqual([]);

    await docker('stop', '-t', '1', name);
    await expect.poll(async () => (await history(id)).isLive, { timeout: 5_000 }).toBe(false);
    const stoppedAt = (await history(id)).seconds.time.length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await history(id)).seconds.time.length).toBe(stoppedAt);

    // The live containers list is made (its first read): it looks a started container up too.
    await connected().client.call('containers.list', { all: true });
    const inspectsBefore = relays[source].requests.filter((request) => request.includes(`/containers/${id}/json`)).length;
    await docker('start', name);
    await expect.poll(async () => (await history(id)).seconds.time.length, { timeout: 10_000, interval: 500 }).toBeGreaterThan(stoppedAt + 1);
    // The start made one inspect, shared by the keeper with the connection's other services that look the container up.
    expect(relays[source].requests.filter((request) => request.includes(`/containers/${id}/json`)).length - inspectsBefore).toBe(1);
    expect((await history(id)).isLive).toBe(true);
    await docker('rm', '-f', name);
    await expect.poll(() => history(id).then(() => 'kept', (error: { code?: string }) => error.code), { timeout: 5_000 }).toBe('not_found');
    expect(relays[source].allCarrying(`GET /containers/${id}/stats`)).toEqual([]);
  });
});
