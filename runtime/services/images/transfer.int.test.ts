import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeAddress } from '../../../scripts/test-bridge.js';
import { BerthError, type BerthClient, type StreamName, type TransferProgress } from '../../api/index.js';
import { buildLayeredImage } from '../../testing/layered-image.js';
import { connectBackend, docker, testDataDir, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';
import { SlowRelay } from '../../testing/slow-relay.js';
import { testBridgeName } from '../../testing/test-engine.js';
import { ThrowawayRegistry } from '../../testing/throwaway-registry.js';

/**
 * Pull, push and tag against the real test engine and the real local registry
 * (`BERTH_TEST_REGISTRY`), and against registries of the test's own: a stopped one, one behind
 * basic auth, one with a damaged layer, one on HTTPS with a certificate the engine does not
 * trust, and the local one behind a slow relay. (A full disk is pull-disk-full.int.test.ts:
 * it needs an engine of its own.)
 */
let connected: Connected;
const registry = (): string => {
  const address = process.env.BERTH_TEST_REGISTRY;
  if (!address) throw new Error('BERTH_TEST_REGISTRY is set by the test environment');
  return address;
};
/** A 4-layer image in the local registry, not on the engine: `{ reference, digest }`. */
let layered: { reference: string; repository: string; digest: string };
const tags: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

type TransferStream = Extract<StreamName, 'images.pull' | 'images.push'>;

/** Runs a pull or push to its end; answers every event (with the time it came), or the error. */
function transfer(client: BerthClient, stream: TransferStream, reference: string): Promise<{ events: { at: number; event: TransferProgress }[]; error: unknown }> {
  const events: { at: number; event: TransferProgress }[] = [];
  return new Promise((resolve) => {
    client.subscribe(stream, { reference }, {
      onEvent: (event) => events.push({ at: performance.now(), event }),
      onEnd: () => resolve({ events, error: null }),
      onError: (error) => resolve({ events, error }),
    });
  });
}

/** The layered image off the engine (a test that failed midway may have left it): its layers must be fetched again. */
const removeLayered = async () => {
  for (const reference of [layered.reference, `${layered.repository}@${layered.digest}`]) await docker('rmi', reference).catch(() => undefined);
};

/**
 * A registry on HTTPS whose self-signed certificate the engine does not trust, started once for
 * the pull and the push. On the test engine's bridge address: an address of this machine that
 * is not loopback, for the engine talks plain HTTP to 127.0.0.0/8 and checks no certificate there.
 */
let untrusted: Promise<ThrowawayRegistry> | undefined;
const untrustedRegistry = (): Promise<ThrowawayRegistry> =>
  (untrusted ??= (async () => {
    const started = await ThrowawayRegistry.start({ untrustedTlsOn: await bridgeAddress(testBridgeName(testDataDir())) });
    cleanups.push(() => started.stop());
    return started;
  })());

const isPresent = async (reference: string) => (await connected.client.call('images.list', {})).some((image) => image.repoTags.includes(reference));

beforeAll(async () => {
  connected = await connectBackend();
  const repository = `${registry()}/${uniqueName('layers')}`;
  const reference = `${repository}:1`;
  await buildLayeredImage(reference, testImage(), 4, 1024);
  await docker('push', reference);
  const digest = (await docker('image', 'inspect', '-f', '{{index .RepoDigests 0}}', reference)).split('@')[1] ?? '';
  await docker('rmi', reference);
  layered = { reference, repository, digest };
  tags.push(reference, `${repository}@${digest}`);
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  for (const tag of tags) await docker('rmi', '-f', tag).catch(() => undefined);
  connected.close();
});

describe('images.pull from the local registry', () => {
  it('by tag: per-layer states and bytes up to 100 %, coalesced to at most 20 events a second, and the image is there', async () => {
    await removeLayered();
    const { events, error } = await transfer(connected.client, 'images.pull', layered.reference);
    expect(error).toBeNull();
    const final = events.at(-1)!.event;
    expect(final).toMatchObject({ done: true, percent: 100, layersDone: final.layerCount, digest: layered.digest });
    expect(final.message).toMatch(/^Status: Downloaded newer image for /);
    // Base layer and four of random bytes; the four were downloaded, with sizes.
    expect(final.layerCount).toBe(5);
    expect(final.bytesTotal).toBeGreaterThan(4 * 1024 * 1024);
    expect(final.bytesDone).toBe(final.bytesTotal);
    const states = new Set(events.flatMap(({ event }) => event.layers.map((layer) => layer.state)));
    expect(states).toContain('complete');
    expect(events.every(({ event }, index) => index === events.length - 1 || !event.done)).toBe(true);
    // Apart from the final state, no two events sent closer than the 50 ms a 20-a-second rate
    // allows: by the backend's clock when it sent each (elapsedMs, rounded to the millisecond);
    // when they arrive depends on the machine's load.
    for (let index = 1; index < events.length - 1; index++) expect(events[index]!.event.elapsedMs - events[index - 1]!.event.elapsedMs).toBeGreaterThanOrEqual(49);
    expect(await isPresent(layered.reference)).toBe(true);
    await docker('rmi', layered.reference);
  });

  it('by digest: the image with that digest is there', async () => {
    await removeLayered();
    const byDigest = `${layered.repository}@${layered.digest}`;
    const { events, error } = await transfer(connected.client, 'images.pull', byDigest);
    expect(error).toBeNull();
    expect(events.at(-1)!.event).toMatchObject({ done: true, percent: 100, digest: layered.digest });
    expect(await docker('image', 'inspect', '-f', '{{index .RepoDigests 0}}', byDigest)).toBe(byDigest);
    await docker('rmi', byDigest);
  });

  it('cancelled after the first progress: the engine stops and no tag is left', async () => {
    await removeLayered();
    // The local registry behind a relay that hands on 2 MiB a second: 4 MiB of layers take seconds.
    const relay = await SlowRelay.start(registry(), 2 * 1024 * 1024);
    cleanups.push(() => relay.stop());
    const reference = `${relay.address}/${layered.reference.slice(registry().length + 1)}`;
    tags.push(reference);
    const events: TransferProgress[] = [];
    const failures: unknown[] = [];
    let ended = false;
    const subscription = connected.client.subscribe('images.pull', { reference }, {
      onEvent: (event) => events.push(event),
      onEnd: () => (ended = true),
      onError: (error) => failures.push(error),
    });
    await expect.poll(() => events.some((event) => event.layers.some((layer) => layer.state === 'downloading')), { timeout: 30_000 }).toBe(true);
    expect(ended).toBe(false);
    expect(relay.unfinished.length).toBeGreaterThan(0);
    subscription.dispose();
    // The engine stops the pull: every layer download under way is cut short, none runs on.
    await expect.poll(() => relay.unfinished.length, { timeout: 30_000 }).toBe(0);
    expect(relay.answers.filter((answer) => answer.cutShort && answer.request.includes('/blobs/')).length).toBeGreaterThan(0);
    expect(ended).toBe(false);
    expect(failures).toEqual([]);
    expect(await isPresent(reference)).toBe(false);
    await expect(docker('image', 'inspect', reference)).rejects.toThrow(/No such image/i);
  });

  it('an unknown tag and a repository that does not exist are not_found, in the engine\'s words', async () => {
    const unknownTag = await transfer(connected.client, 'images.pull', `${layered.repository}:no-such-tag`);
    expect(unknownTag.error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/manifest for .*:no-such-tag not found/) as unknown });
    const noRepository = await transfer(connected.client, 'images.pull', `${registry()}/${uniqueName('absent')}:1`);
    expect(noRepository.error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/not found: manifest unknown/) as unknown });
  });

  it('an invalid reference is refused before anything is sent, naming the field', async () => {
    const { error, events } = await transfer(connected.client, 'images.pull', `${registry()}/Team/app:1`);
    expect(events).toEqual([]);
    expect(error).toBeInstanceOf(BerthError);
    expect(error).toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/reference.*must be lowercase/) as unknown });
  });

  it('a stopped registry: one clear line saying the connection was refused, naming the reference', async () => {
    const stopped = await ThrowawayRegistry.start();
    cleanups.push(() => stopped.stop());
    const reference = `${stopped.address}/${uniqueName('gone')}:1`;
    tags.push(reference);
    await docker('tag', testImage(), reference);
    await docker('push', reference);
    await docker('rmi', reference);
    await stopped.halt();
    const { error } = await transfer(connected.client, 'images.pull', reference);
    // The engine's 500 before any progress: the engine refusing the pull (nothing is "not found").
    expect(error).toMatchObject({ code: 'conflict', details: { status: 500, field: 'reference' } });
    const message = (error as BerthError).message;
    expect(message).toContain(stopped.address);
    expect(message).toMatch(/connection refused/);
    expect(message).not.toContain('\n');
    expect(await isPresent(reference)).toBe(false);
  });

  it('a registry that wants credentials: refused, in the engine\'s words', async () => {
    const guarded = await ThrowawayRegistry.start({ auth: true });
    cleanups.push(() => guarded.stop());
    const { error } = await transfer(connected.client, 'images.pull', `${guarded.address}/team/app:1`);
    expect(error).toMatchObject({ message: expect.stringMatching(/no basic auth credentials/) as unknown });
    expect((error as BerthError).message).not.toContain('\n');
  });

  it('a registry whose certificate the engine does not trust: one clear line naming the certificate, before any progress, and no tag', async () => {
    const untrusted = await untrustedRegistry();
    const reference = `${untrusted.address}/${uniqueName('untrusted')}:1`;
    tags.push(reference);
    const { error, events } = await transfer(connected.client, 'images.pull', reference);
    expect(events).toEqual([]);
    // Like a registry that is down: the engine's 500 before any progress, naming the reference.
    expect(error).toMatchObject({ code: 'conflict', details: { status: 500, field: 'reference' } });
    const message = (error as BerthError).message;
    expect(message).toContain(`https://${untrusted.address}/v2/`);
    expect(message).toMatch(/x509: certificate signed by unknown authority$/);
    expect(message).not.toContain('\n');
    expect(await isPresent(reference)).toBe(false);
  });

  it('a layer that fails to download: the pull fails with the engine\'s words, after the progress so far, and leaves no tag', async () => {
    const damaged = await ThrowawayRegistry.start();
    cleanups.push(() => damaged.stop());
    const reference = `${damaged.address}/${uniqueName('damaged')}:1`;
    tags.push(reference);
    // An image of its own: no layer of it is on the engine.
    await buildLayeredImage(reference, testImage(), 1, 3072);
    await docker('push', reference);
    await docker('rmi', reference);
    // The biggest blob is the 3 MiB layer of random bytes (busybox is smaller): same size, other bytes.
    const [layer] = await damaged.blobs();
    await writeFile(layer!.file, Buffer.alloc(layer!.size, 7));
    const { error, events } = await transfer(connected.client, 'images.pull', reference);
    expect(events.length).toBeGreaterThan(0);
    expect(error).toMatchObject({ code: 'conflict', details: { step: 'pull' } });
    expect((error as BerthError).message).toMatch(/verification failed|digest/i);
    expect(await isPresent(reference)).toBe(false);
  });
});

describe('images.tag and images.push', () => {
  it('tag then push: the registry lists the tag, and the push reported its layers to 100 %', async () => {
    const repository = uniqueName('pushed');
    const target = `${registry()}/${repository}:v1`;
    tags.push(target);
    await expect(connected.client.call('images.tag', { source: testImage(), target })).resolves.toEqual({ target });
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', target)).toBe(await docker('image', 'inspect', '-f', '{{.Id}}', testImage()));

    const { events, error } = await transfer(connected.client, 'images.push', target);
    expect(error).toBeNull();
    const final = events.at(-1)!.event;
    expect(final).toMatchObject({ done: true, percent: 100, layersDone: final.layerCount, digest: expect.stringMatching(/^sha256:/) as unknown });
    expect(final.layerCount).toBeGreaterThan(0);
    const listed = (await (await fetch(`http://${registry()}/v2/${repository}/tags/list`)).json()) as { tags: string[] };
    expect(listed.tags).toEqual(['v1']);
  });

  it('tag refuses a bad target naming the field, and a missing source naming it', async () => {
    await expect(connected.client.call('images.tag', { source: testImage(), target: 'Team/app:1' })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/target.*must be lowercase/) as unknown,
    });
    await expect(connected.client.call('images.tag', { source: testImage(), target: `app@sha256:${'a'.repeat(64)}` })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/target.*digest/) as unknown,
    });
    await expect(connected.client.call('images.tag', { source: `${uniqueName('missing')}:1`, target: `${uniqueName('x')}:1` })).rejects.toMatchObject({
      code: 'not_found',
      details: { field: 'source' },
    });
  });

  it('push of a tag the engine does not have is not_found before anything is sent', async () => {
    const { error, events } = await transfer(connected.client, 'images.push', `${registry()}/${uniqueName('nothing')}:1`);
    expect(events).toEqual([]);
    expect(error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/No such image/i) as unknown });
  });

  it('push to a stopped registry and to one that wants credentials: one line each, in the engine\'s words', async () => {
    const stopped = await ThrowawayRegistry.start();
    cleanups.push(() => stopped.stop());
    await stopped.halt();
    const toStopped = `${stopped.address}/${uniqueName('app')}:1`;
    const guarded = await ThrowawayRegistry.start({ auth: true });
    cleanups.push(() => guarded.stop());
    const toGuarded = `${guarded.address}/${uniqueName('app')}:1`;
    tags.push(toStopped, toGuarded);
    await connected.client.call('images.tag', { source: testImage(), target: toStopped });
    await connected.client.call('images.tag', { source: testImage(), target: toGuarded });
    const refused = await transfer(connected.client, 'images.push', toStopped);
    expect(refused.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/connection refused/) as unknown });
    const denied = await transfer(connected.client, 'images.push', toGuarded);
    expect(denied.error).toMatchObject({ code: 'conflict', message: 'no basic auth credentials' });
  });

  it('push to a registry whose certificate the engine does not trust: one line naming the certificate', async () => {
    const untrusted = await untrustedRegistry();
    const target = `${untrusted.address}/${uniqueName('app')}:1`;
    tags.push(target);
    await connected.client.call('images.tag', { source: testImage(), target });
    const { error } = await transfer(connected.client, 'images.push', target);
    expect(error).toMatchObject({ code: 'conflict', details: { step: 'push' } });
    const message = (error as BerthError).message;
    expect(message).toContain(`https://${untrusted.address}/v2/`);
    expect(message).toMatch(/x509: certificate signed by unknown authority$/);
    expect(message).not.toContain('\n');
  });
});
