import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../api/index.js';
import { EngineRelay } from '../testing/engine-relay.js';
import { connectBackend, docker, testImage, uniqueName, type Connected } from '../testing/real-engine.js';
import type { EngineEvent } from './json/streams.js';

// An engine may end its /events stream while it is fine (Podman does when it rotates its events
// log). Through a relay in front of the REAL test engine, the stream is ended and its next
// request held back while the engine makes an event no stream is open for: Berth stays
// connected, asks again from its last event, and gets that event, once.

let relay: EngineRelay;
let connected: Connected;
const names: string[] = [];

beforeAll(async () => {
  relay = await EngineRelay.start();
  connected = await connectBackend(relay.url);
});

afterAll(async () => {
  await docker('rm', '-f', ...names).catch(() => undefined);
  connected.close();
  await relay.stop();
});

describe('an events stream that ends while the engine is fine', () => {
  it('is asked for again from the last event seen: no disconnect, the event made meanwhile arrives, nothing comes twice', async () => {
    const { engine } = connected.backend;
    const statuses: EngineStatus['state'][] = [];
    const events: EngineEvent[] = [];
    const subscriptions = [engine.onStatus((status) => statuses.push(status.state)), engine.onEngineEvent((event) => events.push(event))];
    try {
      const first = uniqueName('resume-first');
      names.push(first);
      await docker('create', '--name', first, testImage(), 'true');
      await expect.poll(() => events.some((event) => event.Action === 'create' && event.Actor.Attributes?.name === first), { timeout: 5_000 }).toBe(true);

      const gate = relay.gate('GET /events');
      relay.drop('GET /events');
      await expect.poll(() => gate.waiting, { timeout: 5_000 }).toBe(1);
      // Made while no events stream is open on the engine.
      const meanwhile = uniqueName('resume-meanwhile');
      names.push(meanwhile);
      await docker('create', '--name', meanwhile, testImage(), 'true');
      gate.release();

      await expect.poll(() => events.filter((event) => event.Action === 'create' && event.Actor.Attributes?.name === meanwhile).length, { timeout: 5_000 }).toBe(1);
      expect(events.filter((event) => event.Action === 'create' && event.Actor.Attributes?.name === first)).toHaveLength(1);
      expect(statuses).not.toContain('unreachable');
      expect(engine.status.state).toBe('connected');
      expect(relay.requests.filter((request) => /^GET \/(v[\d.]+\/)?events\?since=\d+$/.test(request))).toHaveLength(1);
    } finally {
      for (const subscription of subscriptions) subscription.dispose();
    }
  });
});
