import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineRelay } from '../testing/engine-relay.js';
import { connectBackend, type Connected } from '../testing/real-engine.js';

// Berth reaches the real engine through a relay, which shows which connection carries which
// request, so a test can see the engine request end when its stream is unsubscribed.
let relay: EngineRelay;
let connected: Connected;

beforeAll(async () => {
  relay = await EngineRelay.start();
  connected = await connectBackend(relay.url);
});

afterAll(async () => {
  connected.close();
  await relay.stop();
});

// Stats streams read from the keeper, which holds the engine's stats requests itself: when
// those end is tested in stats/keeper.int.test.ts.
describe('unsubscribing aborts the engine request', () => {
  it('a pull in progress: the connection carrying POST /images/create closes', async () => {
    // A "registry" on 127.0.0.1 that accepts and never answers, so the pull stays in progress.
    const registryConnections: net.Socket[] = [];
    const registry = net.createServer((socket) => {
      registryConnections.push(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    const address = registry.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const failures: unknown[] = [];
      const subscription = connected.client.subscribe(
        'images.pull',
        { reference: `127.0.0.1:${port}/berth-test/never:1` },
        { onEvent: () => undefined, onError: (error) => failures.push(error) },
      );
      await expect.poll(() => registryConnections.length, { timeout: 10_000 }).toBeGreaterThan(0);
      const carrying = relay.carrying('POST /images/create?fromImage=127.0.0.1');
      expect(carrying?.closed).toBe(false);

      subscription.dispose();
      await expect.poll(() => carrying?.closed, { timeout: 5_000 }).toBe(true);
      expect(failures).toEqual([]);
    } finally {
      for (const socket of registryConnections) socket.destroy();
      await new Promise((resolve) => registry.close(resolve));
    }
  });
});
