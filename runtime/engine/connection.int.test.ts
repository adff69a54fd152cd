import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../api/index.js';
import { createBackend } from '../backend.js';
import { connectBackend, docker, testEngineUrl, testImage, testManagedEngine, uniqueName, type Connected } from '../testing/real-engine.js';
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

describe('engine appearing late', () => {
  it('says the socket is missing, then connects by itself when the engine appears', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-late-'));
    const socketPath = path.join(dir, 'engine.sock');
    const backend = createBackend({ engineUrl: `unix://${socketPath}`, autoStartManaged: false, dataDir: dir });
    // The "engine" that appears is a plain relay to the real one, opened after Berth started.
    const open = new Set<net.Socket>();
    const relay = net.createServer((client) => {
      open.add(client);
      const upstream = net.connect(testEngineUrl().slice('unix://'.length));
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    try {
      await expect.poll(() => backend.engine.status.reason?.code, { timeout: 5_000 }).toBe('socket_missing');
      expect(backend.engine.status.state).toBe('unreachable');
      expect(backend.engine.status.reason?.message).toContain(socketPath);

      await new Promise<void>((resolve) => relay.listen(socketPath, resolve));
      await backend.engine.whenConnected(10_000);
      expect(backend.engine.status.identity?.apiVersion).toMatch(/^\d+\.\d+$/);
    } finally {
      backend.dispose();
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => relay.close(resolve));
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('engine restarts', () => {
  it('goes unreachable when the engine stops, reconnects when it is back, and lists right again', async () => {
    const states: EngineStatus['state'][] = [];
    const reasons: string[] = [];
    connected.backend.engine.onStatus((status) => {
      states.push(status.state);
      if (status.reason) reasons.push(status.reason.message);
    });

    await stopManagedEngine(testManagedEngine());
    await expect.poll(() => connected.backend.engine.status.state, { timeout: 10_000 }).toBe('unreachable');
    await expect(connected.client.call('containers.list', {})).rejects.toMatchObject({ code: 'engine_unreachable' });
    // Reasons name what happened, e.g. "The engine closed its event stream" or "Connection refused".

    await startManagedEngine(testManagedEngine());
    await connected.backend.engine.whenConnected(20_000);
    expect(states).toContain('unreachable');
    expect(states.at(-1)).toBe('connected');
    expect(reasons.length).toBeGreaterThan(0);

    const listed = await connected.client.call('containers.list', {});
    expect(listed.map((c) => c.name)).toContain(name);
  });
});
