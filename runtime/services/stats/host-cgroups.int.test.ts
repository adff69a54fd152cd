import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeTestSubnets } from '../../../scripts/test-subnets.js';
import { engineStatsSchema, type EngineStats } from '../../engine/json/streams.js';
import { docker, idleCommand, TestContainers, testEngineUrl, testImage } from '../../testing/real-engine.js';
import { allowTrafficWithin, TestNetworks } from '../../testing/test-networks.js';
import { HostCgroups } from './host-cgroups.js';
import { toStatsSample } from './sample.js';

// HostCgroups against the REAL test engine, which runs on this host: what it reads of the
// containers' cgroups and network namespaces agrees with the engine's own stats of them.
const containers = new TestContainers();
const networks = new TestNetworks();
let cgroups: HostCgroups;

beforeAll(() => {
  cgroups = new HostCgroups();
});

afterAll(async () => {
  cgroups.dispose();
  await containers.removeAll();
  await networks.removeAll();
});

interface Inspected {
  name: string;
  id: string;
  pid: number;
  networkMode: string;
}

async function inspect(name: string): Promise<Inspected> {
  const [id = '', pid = '', networkMode = ''] = (await docker('inspect', '-f', '{{.Id}} {{.State.Pid}} {{.HostConfig.NetworkMode}}', name)).split(' ');
  return { name, id, pid: Number(pid), networkMode };
}

/** Runs a container and starts reading it; answers its inspect. */
async function runAndAdd(label: string, ...args: string[]): Promise<Inspected> {
  const container = await inspect(await containers.run(label, ...args));
  expect(cgroups.add(container.id, container.pid, { networkMode: container.networkMode })).toBe(true);
  return container;
}

/** The engine's own one-shot stats (`GET /containers/{id}/stats?stream=false`), in the shape the sample is made from. */
function engineStats(id: string): Promise<EngineStats> {
  const socketPath = new URL(testEngineUrl()).pathname;
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: `/containers/${id}/stats?stream=false`, method: 'GET' }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve(engineStatsSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function reading(id: string): EngineStats {
  const found = cgroups.read().get(id);
  if (!found) throw new Error(`no reading of ${id}`);
  return found;
}

const sampleOf = (stats: EngineStats) => toStatsSample(stats, Date.now(), { cpuLimitCpus: 0, pidsLimit: 0, previous: null });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('HostCgroups on the real engine', () => {
  it('adds a running container and refuses a wrong id for its pid, or pid 0', async () => {
    const idle = await runAndAdd('cg-idle', testImage(), ...idleCommand);
    const other = await inspect(await containers.run('cg-other', testImage(), ...idleCommand));
    expect(cgroups.add(other.id, idle.pid, { networkMode: 'bridge' })).toBe(false);
    expect(cgroups.add(other.id, 0, { networkMode: 'bridge' })).toBe(false);
    expect(cgroups.has(other.id)).toBe(false);
    const stats = reading(idle.id);
    expect(stats.cpu_stats?.cpu_usage?.total_usage).toBeGreaterThan(0);
    expect(stats.memory_stats?.usage).toBeGreaterThan(0);
    expect(Object.keys(stats.networks ?? {})).toEqual(['eth0']);
    expect(stats.pids_stats?.current).toBeGreaterThanOrEqual(1);
  });

  it('a CPU hog under --cpus 0.5 reads about 50 % of one CPU, within 5 points of docker stats', async () => {
    const hog = await runAndAdd('cg-hog', '--cpus', '0.5', testImage(), 'sh', '-c', 'while :; do :; done');
    // Let it settle into its quota.
    await sleep(2000);
    const samples: number[] = [];
    let cliDone = false;
    const cli = docker('stats', '--no-stream', '--format', '{{.CPUPerc}}', hog.id).finally(() => (cliDone = true));
    cgroups.read();
    while (!cliDone || samples.length < 3) {
      await sleep(1000);
      samples.push(sampleOf(reading(hog.id)).cpuPercent);
    }
    const cliPercent = Number.parseFloat(await cli);
    const ours = mean(samples.slice(-3));
    expect(ours).toBeGreaterThan(40);
    expect(ours).toBeLessThan(56);
    expect(Math.abs(ours - cliPercent)).toBeLessThanOrEqual(5);
  });

  it('a container holding 12 MiB under -m 16m: memory within 5 % of the engine\'s stats, the limit exactly; no limit is the engine\'s too', async () => {
    // /dev/shm is a tmpfs: its pages are charged to the container and are not inactive file cache.
    const held = await runAndAdd('cg-mem', '-m', '16m', testImage(), 'sh', '-c', 'dd if=/dev/zero of=/dev/shm/fill bs=1048576 count=12 2>/dev/null; trap "exit 0" TERM; while :; do sleep 0.2; done');
    const mib = 1024 * 1024;
    await expect.poll(() => sampleOf(reading(held.id)).memoryUsageBytes, { timeout: 20_000, interval: 500 }).toBeGreaterThan(12 * mib);
    const engine = await engineStats(held.id);
    const ours = reading(held.id);
    expect(ours.memory_stats?.limit).toBe(16 * mib);
    expect(ours.memory_stats?.limit).toBe(engine.memory_stats?.limit);
    const engineMemory = sampleOf(engine).memoryUsageBytes;
    expect(Math.abs(sampleOf(ours).memoryUsageBytes - engineMemory) / engineMemory).toBeLessThanOrEqual(0.05);

    const unlimited = await runAndAdd('cg-nolimit', testImage(), ...idleCommand);
    expect(reading(unlimited.id).memory_stats?.limit).toBe((await engineStats(unlimited.id)).memory_stats?.limit);
  });

  it('pids under --pids-limit 50: current and limit equal the engine\'s', async () => {
    const three = await runAndAdd('cg-pids', '--pids-limit', '50', testImage(), 'sh', '-c', 'trap "exit 0" TERM; sleep 3600 & sleep 3600 & wait');
    await expect.poll(() => reading(three.id).pids_stats?.current, { timeout: 10_000 }).toBe(3);
    const engine = await engineStats(three.id);
    expect(reading(three.id).pids_stats).toEqual({ current: 3, limit: 50 });
    expect(engine.pids_stats).toEqual({ current: 3, limit: 50 });
  });

  it('network bytes between two containers on a user network agree with the engine\'s; host networking has none', async () => {
    const [subnet = ''] = await freeTestSubnets(1);
    const network = networks.name('cg-net');
    const bridge = `brt-${network.slice(3, 9)}`;
    await docker('network', 'create', '--subnet', subnet, '-o', `com.docker.network.bridge.name=${bridge}`, network);
    const allowed = await allowTrafficWithin(bridge);
    try {
      const server = await runAndAdd('cg-httpd', '--network', network, testImage(), 'sh', '-c', 'dd if=/dev/zero of=/tmp/big bs=1024 count=256 2>/dev/null && exec httpd -f -p 8080 -h /tmp');
      const client = await runAndAdd('cg-wget', '--network', network, testImage(), 'sh', '-c', `sleep 1; for i in 1 2 3; do wget -q -O /dev/null http://${server.name}:8080/big; done; trap "exit 0" TERM; while :; do sleep 0.2; done`);
      const sent = 3 * 256 * 1024;
      await expect.poll(() => reading(client.id).networks?.eth0?.rx_bytes ?? 0, { timeout: 20_000, interval: 500 }).toBeGreaterThan(sent);
      await sleep(500);
      for (const container of [server, client]) {
        const engine = await engineStats(container.id);
        const ours = reading(container.id);
        expect(Object.keys(ours.networks ?? {})).toEqual(Object.keys(engine.networks ?? {}));
        for (const [name, counters] of Object.entries(engine.networks ?? {})) {
          // A stray ARP or neighbour message may come between the two readings.
          expect(Math.abs((ours.networks?.[name]?.rx_bytes ?? 0) - (counters.rx_bytes ?? 0))).toBeLessThanOrEqual(1024);
          expect(Math.abs((ours.networks?.[name]?.tx_bytes ?? 0) - (counters.tx_bytes ?? 0))).toBeLessThanOrEqual(1024);
        }
      }
      expect(reading(server.id).networks?.eth0?.tx_bytes).toBeGreaterThan(sent);
    } finally {
      await allowed();
    }

    const onHost = await runAndAdd('cg-hostnet', '--network', 'host', testImage(), ...idleCommand);
    expect(onHost.networkMode).toBe('host');
    expect(reading(onHost.id)).not.toHaveProperty('networks');
    expect((await engineStats(onHost.id)).networks ?? undefined).toBeUndefined();
  });

  it('leaves out and forgets a container once it stopped', async () => {
    const stopping = await runAndAdd('cg-stop', testImage(), ...idleCommand);
    expect(cgroups.read().has(stopping.id)).toBe(true);
    await docker('stop', '-t', '1', stopping.id);
    expect(cgroups.read().has(stopping.id)).toBe(false);
    expect(cgroups.has(stopping.id)).toBe(false);
  });
});
