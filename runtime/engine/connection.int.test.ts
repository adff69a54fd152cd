import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../api/index.js';
import { connectBackend, docker, testDataDir, testImage, uniqueName, type Connected } from '../testing/real-engine.js';
import { startManagedEngine, stopManagedEngine } from './managed.js';

// Stops and starts the shared private engine: this file runs on its own (fileParallelism off).
let connected: Connected;
const name = uniqueName('survivor');

beforeAll(async () => {
  connected = await connectBackend();
  await docker('create', '--name', name, testImage(), 'sleep', '300');
});

afterAll(async () => {
  await docker('rm', '-f', name).catch(() => undefined);
  connected.close();
});

describe('engine restarts', () => {
  it('goes unreachable when the engine stops, reconnects when it is back, and lists right again', async () => {
    const states: EngineStatus['state'][] = [];
    const reasons: string[] = [];
    connected.backend.engine.onStatus((status) => {
      states.push(status.state);
      if (status.reason) reasons.push(status.reason.message);
    });

    await stopManagedEngine({ dataDir: testDataDir() });
    await expect.poll(() => connected.backend.engine.status.state, { timeout: 10_000 }).toBe('unreachable');
    await expect(connected.client.call('containers.list', {})).rejects.toMatchObject({ code: 'engine_unreachable' });
    // Reasons name what happened, e.g. "The engine closed its event stream" or "Connection refused".

    await startManagedEngine({ dataDir: testDataDir(), ipMasq: false });
    await connected.backend.engine.whenConnected(20_000);
    expect(states).toContain('unreachable');
    expect(states.at(-1)).toBe('connected');
    expect(reasons.length).toBeGreaterThan(0);

    const listed = await connected.client.call('containers.list', {});
    expect(listed.map((c) => c.name)).toContain(name);
  });
});
