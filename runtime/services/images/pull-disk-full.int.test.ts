import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BerthError, TransferProgress } from '../../api/index.js';
import { buildLayeredImage } from '../../testing/layered-image.js';
import { connectBackend, docker, testDataDir, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';
import { SmallDiskEngine } from '../../testing/small-disk-engine.js';

/**
 * A pull that fills the engine's disk, on a throwaway dockerd whose data root is an 8 MiB
 * tmpfs (runtime/testing/small-disk-engine.ts), from the local registry (`BERTH_TEST_REGISTRY`):
 * an image with a 16 MiB layer of random bytes, which cannot fit however it is stored.
 */
const diskMiB = 8;
const layerKiB = 16 * 1024;

let engine: SmallDiskEngine | undefined;
let connected: Connected | undefined;
let reference: string;

beforeAll(async () => {
  const registry = process.env.BERTH_TEST_REGISTRY;
  if (!registry) throw new Error('BERTH_TEST_REGISTRY is set by the test environment');
  reference = `${registry}/${uniqueName('too-big')}:1`;
  // Made on the test engine and pushed; the small engine has nothing but what it pulls.
  await buildLayeredImage(reference, testImage(), 1, layerKiB);
  await docker('push', reference);
  await docker('rmi', reference);
  engine = await SmallDiskEngine.start(testDataDir(), diskMiB);
  connected = await connectBackend(engine.url);
});

afterAll(async () => {
  connected?.close();
  await engine?.stop();
  await docker('rmi', reference).catch(() => undefined);
});

describe('images.pull onto a full disk', () => {
  it('fails with one line saying no space is left, after the progress so far, and leaves no image', async () => {
    const client = connected!.client;
    const events: TransferProgress[] = [];
    const error = await new Promise<unknown>((resolve) => {
      client.subscribe('images.pull', { reference }, {
        onEvent: (event) => events.push(event),
        onEnd: () => resolve(null),
        onError: resolve,
      });
    });
    // The engine reports it inside its 200 answer, after layers started coming: the engine
    // refusing to go on in its present state.
    expect(error).toMatchObject({ code: 'conflict', details: { step: 'pull' } });
    const message = (error as BerthError).message;
    expect(message).toMatch(/: no space left on device$/);
    expect(message).not.toContain('\n');
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((event) => event.done)).toBe(false);
    // Not tagged, and no image at all: the engine had none before.
    expect(await client.call('images.list', {})).toEqual([]);
  });
});
