import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationKind, NotificationRecord } from '../../api/index.js';
import { connectBackend, docker, idleCommand, testEngineUrl, testImage, TestContainers, type Connected } from '../../testing/real-engine.js';

let connected: Connected;
let dataDir: string;
const records: NotificationRecord[] = [];
const containers = new TestContainers();

beforeAll(async () => {
  // A data directory of its own: the settings this file turns off must not reach other test files.
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-notifications-'));
  connected = await connectBackend(testEngineUrl(), { dataDir });
  connected.client.subscribe('notifications.watch', {}, { onEvent: (batch) => records.push(...batch.records) });
});

afterAll(async () => {
  await containers.removeAll();
  connected.close();
  await rm(dataDir, { recursive: true, force: true });
});

const of = (name: string, kind?: NotificationKind) => records.filter((record) => record.containerName === name && (kind === undefined || record.kind === kind));

async function waitForRecord(name: string, kind: NotificationKind, timeoutMs = 20_000): Promise<NotificationRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = of(name, kind)[0];
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no ${kind} notification for ${name} within ${timeoutMs} ms; have ${JSON.stringify(records.map((r) => `${r.kind}:${r.containerName}`))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The kinds of the records the backend's center holds for a container. The rules run on each
 * engine event as the event log takes it, so once an event is in the log its records are here.
 */
async function recordsOf(name: string): Promise<NotificationKind[]> {
  return (await connected.client.call('notifications.list', {})).filter((record) => record.containerName === name).map((record) => record.kind);
}

/** Waits until the engine event log has seen an action of a container, so what the rules would do with it is done. */
async function waitForEngineEvent(name: string, action: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await connected.client.call('eventlog.list', { name, actions: [action] })).some((event) => event.name === name)) {
    if (Date.now() > deadline) throw new Error(`no ${action} event of ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('notifications from the real engine', () => {
  it('a container that exits with code 3 makes a died record naming it and the code', async () => {
    const name = await containers.run('exits-3', testImage(), 'sh', '-c', 'sleep 0.3; exit 3');
    const id = await docker('inspect', '--format', '{{.Id}}', name);
    const record = await waitForRecord(name, 'died');
    expect(record).toMatchObject({ kind: 'died', containerId: id, containerName: name, exitCode: 3, title: `${name} died`, text: `${name} exited with code 3.` });
    expect(record.engineId).toBe((await connected.client.call('engine.info', {})).engineId);
    expect(await connected.client.call('notifications.list', {})).toContainEqual(record);
  });

  it('a memory hog under -m 16m is OOM-killed: one oom record, and no died record for the same death', async () => {
    // `tail /dev/zero` holds one ever-growing "line" in memory: the kernel kills it at the limit (no swap to spill into).
    const name = await containers.run('oom', '-m', '16m', '--memory-swap', '16m', testImage(), 'tail', '/dev/zero');
    const record = await waitForRecord(name, 'oom');
    expect(record).toMatchObject({ kind: 'oom', containerName: name, title: `${name} ran out of memory` });
    expect(await docker('inspect', '--format', '{{.State.OOMKilled}}', name)).toBe('true');
    await waitForEngineEvent(name, 'die');
    expect(of(name).map((each) => each.kind)).toEqual(['oom']);
  });

  it('a healthcheck that starts failing makes one unhealthy record', async () => {
    const name = await containers.run(
      'unhealthy',
      '--health-cmd',
      'test ! -e /tmp/broken',
      '--health-interval',
      '300ms',
      '--health-retries',
      '1',
      '--health-start-period',
      '0s',
      testImage(),
      'sh',
      '-c',
      'sleep 1.5; touch /tmp/broken; trap "exit 0" TERM; while :; do sleep 0.2; done',
    );
    const record = await waitForRecord(name, 'unhealthy');
    expect(record).toMatchObject({ kind: 'unhealthy', containerName: name, title: `${name} is unhealthy` });
    // It stays unhealthy and is checked again (each check is an exec the engine announces): still one record.
    const checks = async () => (await connected.client.call('eventlog.list', { name, actions: ['exec_start'] })).length;
    const checksAtRecord = await checks();
    await expect.poll(checks, { timeout: 10_000 }).toBeGreaterThanOrEqual(checksAtRecord + 3);
    expect(await recordsOf(name)).toEqual(['unhealthy']);
    expect(of(name, 'unhealthy')).toHaveLength(1);
  });

  it('docker restart four times within a minute makes exactly one restart-loop record, and no died records', async () => {
    const name = await containers.run('restarts', testImage(), ...idleCommand);
    for (let i = 0; i < 3; i++) await docker('restart', '-t', '1', name);
    await waitForEngineEvent(name, 'restart');
    expect(of(name)).toEqual([]);
    await docker('restart', '-t', '1', name);
    const record = await waitForRecord(name, 'restartLoop');
    expect(record).toMatchObject({ kind: 'restartLoop', containerName: name, restarts: 4, text: `${name} restarted 4 times within a minute.` });
    // A fifth restart in the same minute is the same loop.
    await docker('restart', '-t', '1', name);
    const restarts = (await connected.client.call('eventlog.list', { name, actions: ['restart'] })).length;
    expect(restarts).toBe(5);
    // The rules see each event as the event log does: with the fifth restart logged, what it makes is made.
    expect(await recordsOf(name)).toEqual(['restartLoop']);
    expect(of(name).map((each) => each.kind)).toEqual(['restartLoop']);
  });

  it('a kind turned off in the settings makes no record; turned on again, it does', async () => {
    await connected.client.call('settings.update', { notifications: { died: false } });
    try {
      const name = await containers.run('off', testImage(), 'sh', '-c', 'exit 5');
      await waitForEngineEvent(name, 'die');
      // The rules see each event as the event log does: with the die logged, a record would be made.
      expect(await recordsOf(name)).toEqual([]);
      expect(of(name)).toEqual([]);
    } finally {
      await connected.client.call('settings.update', { notifications: { died: true } });
    }
    const name = await containers.run('on-again', testImage(), 'sh', '-c', 'exit 6');
    expect(await waitForRecord(name, 'died')).toMatchObject({ exitCode: 6 });
  });
});
