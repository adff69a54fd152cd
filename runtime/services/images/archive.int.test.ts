import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError, type BerthClient, type ImageLoadEvent, type ImageSaveEvent, type StreamParams } from '../../api/index.js';
import { EngineRelay } from '../../testing/engine-relay.js';
import { shell } from '../../testing/log-helpers.js';
import { archiveContent, manifestInOrder } from '../../testing/tar-entries.js';
import { connectBackend, docker, testEngineUrl, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';
import { TestImages } from '../../testing/test-images.js';

// images.save and images.load against the REAL engine: the file is what `docker save` writes,
// and loading it back gives the same images.

let connected: Connected;
let dir: string;
const images = new TestImages();

beforeAll(async () => {
  connected = await connectBackend();
  dir = await mkdtemp(path.join(os.tmpdir(), 'berth-archive-'));
});

afterAll(async () => {
  await images.removeAll();
  connected.close();
  await rm(dir, { recursive: true, force: true });
});

/** Every event of one stream until it ends; rejects with its error. */
function eventsOf<S extends 'images.save' | 'images.load'>(
  client: BerthClient,
  name: S,
  params: StreamParams<S>,
): Promise<(S extends 'images.save' ? ImageSaveEvent : ImageLoadEvent)[]> {
  type Event = S extends 'images.save' ? ImageSaveEvent : ImageLoadEvent;
  return new Promise((resolve, reject) => {
    const events: Event[] = [];
    client.subscribe(name, params as never, {
      onEvent: (event) => events.push(event as Event),
      onEnd: () => resolve(events),
      onError: reject,
    });
  });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('images.save and images.load', () => {
  it('saves a tagged and an untagged image as docker save does, then loads them back to the same ids and tag', async () => {
    const tagged = await images.make('saved', 300_000);
    const untagged = await images.make('untagged', 100_000, { tag: false });
    const file = path.join(dir, 'both.tar');
    const saved = await eventsOf(connected.client, 'images.save', { ids: [tagged.tag, untagged.id], path: file });

    const sizes = Number(await docker('image', 'inspect', '-f', '{{.Size}}', tagged.id)) + Number(await docker('image', 'inspect', '-f', '{{.Size}}', untagged.id));
    expect(saved[0]).toEqual({ type: 'started', path: file, totalBytes: sizes, isEstimate: true });
    const written = await readFile(file);
    expect(saved.at(-1)).toEqual({ type: 'saved', path: file, bytes: written.length });
    const progress = saved.filter((event) => event.type === 'progress').map((event) => event.bytes);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBeLessThanOrEqual(written.length);
    // The same entries with the same content as docker save's. Not the same bytes: when images
    // share a layer, docker save stamps that layer's entries with the creation time of whichever
    // image it meets first, in an order that changes from call to call (two docker saves of
    // these two images differ about one time in three), and lists the images in manifest.json in
    // an order that changes too. A save of one image is byte-stable.
    const expected = await shell(`docker save ${tagged.tag} ${untagged.id}`);
    expect(archiveContent(written)).toEqual(archiveContent(expected));
    expect(archiveContent(written).manifest).toHaveLength(2);
    const single = path.join(dir, 'single.tar');
    await eventsOf(connected.client, 'images.save', { ids: [tagged.tag], path: single });
    expect(sha256(await readFile(single))).toBe(sha256(await shell(`docker save ${tagged.tag}`)));
    await rm(single);
    expect(await readdir(dir)).toEqual(['both.tar']);

    await docker('rmi', tagged.tag, untagged.id);
    await expect(docker('image', 'inspect', tagged.id)).rejects.toThrow(/No such image/i);

    const loaded = await eventsOf(connected.client, 'images.load', { path: file });
    expect(loaded[0]).toEqual({ type: 'started', path: file, totalBytes: written.length, isEstimate: false });
    // The engine (20.10) names the images it loaded by id only when the last image in the
    // archive's manifest.json has no tag, and then every one of them; docker save lists the
    // images in an order that changes from call to call, so the archive says which it is.
    const last = loaded.at(-1);
    expect(last).toMatchObject({ type: 'loaded', path: file, bytes: written.length, references: [tagged.tag] });
    const lastInArchive = manifestInOrder(written).at(-1);
    const namesIds = (lastInArchive?.RepoTags ?? []).length === 0;
    expect(last?.type === 'loaded' ? [...last.ids].sort() : []).toEqual(namesIds ? [tagged.id, untagged.id].sort() : []);
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', tagged.tag)).toBe(tagged.id);
    expect(await docker('image', 'inspect', '-f', '{{.Id}} {{len .RepoTags}}', untagged.id)).toBe(`${untagged.id} 0`);
  });

  it('names a missing image before writing anything, and refuses a path it cannot write', async () => {
    const missing = `${uniqueName('missing')}:none`;
    const file = path.join(dir, 'missing.tar');
    const refused = await eventsOf(connected.client, 'images.save', { ids: [testImage(), missing], path: file }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BerthError);
    expect(refused).toMatchObject({ code: 'not_found', details: { field: 'ids', missing: [missing] } });
    expect((refused as Error).message).toContain(missing);
    expect(existsSync(file)).toBe(false);

    const nowhere = path.join(dir, 'no-such-folder', 'x.tar');
    await expect(eventsOf(connected.client, 'images.save', { ids: [testImage()], path: nowhere })).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'path' } });
  });

  it('a file that is no image archive gives the engine\'s own reason; a missing file names the path', async () => {
    const notTar = path.join(dir, 'not-a-tar.tar');
    await writeFile(notTar, 'this is not a tar file\n'.repeat(100));
    const refused = await eventsOf(connected.client, 'images.load', { path: notTar }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'invalid_argument', details: { step: 'load' } });
    expect((refused as Error).message).toMatch(/^The engine could not load the archive: .*tar/i);

    const absent = path.join(dir, 'absent.tar');
    await expect(eventsOf(connected.client, 'images.load', { path: absent })).rejects.toThrow(`path: cannot read ${absent}: it does not exist.`);
    await expect(eventsOf(connected.client, 'images.load', { path: dir })).rejects.toThrow(`path: cannot read ${dir}: it is a folder.`);
  });

  it('takes a path only from berth api: the desktop app asks with its dialogs, berth serve refuses', async () => {
    const asked: string[] = [];
    const chosen = path.join(dir, 'from-dialog.tar');
    let answer: string | null = chosen;
    const desktop = await connectBackend(testEngineUrl(), {
      acceptsPaths: false,
      chooseSavePath: (suggestedName) => {
        asked.push(`save ${suggestedName}`);
        return Promise.resolve(answer);
      },
      chooseOpenPath: (request) => {
        asked.push(`open ${request.title} ${request.filters.map((filter) => filter.extensions.join(',')).join(';')}`);
        return Promise.resolve(answer);
      },
    });
    const served = await connectBackend(testEngineUrl(), { acceptsPaths: false });
    try {
      await expect(eventsOf(desktop.client, 'images.save', { ids: [testImage()], path: '/tmp/x.tar' })).rejects.toThrow(/path: leave it out: the app asks with its save dialog/);
      await expect(eventsOf(desktop.client, 'images.load', { path: '/tmp/x.tar' })).rejects.toThrow(/path: leave it out: the app asks with its open dialog/);
      await expect(eventsOf(served.client, 'images.save', { ids: [testImage()], path: '/tmp/x.tar' })).rejects.toThrow(/download the archive instead/);
      await expect(eventsOf(served.client, 'images.save', { ids: [testImage()] })).rejects.toThrow(/path: is required here/);
      await expect(eventsOf(served.client, 'images.load', {})).rejects.toThrow(/path: is required here/);
      expect(asked).toEqual([]);

      const saved = await eventsOf(desktop.client, 'images.save', { ids: [testImage()] });
      expect(asked).toEqual([`save ${testImage().replace(/[/:]/g, '_')}.tar`]);
      expect(saved.at(-1)).toEqual({ type: 'saved', path: chosen, bytes: (await stat(chosen)).size });
      const loaded = await eventsOf(desktop.client, 'images.load', {});
      expect(asked.at(-1)).toBe('open Load images tar');
      expect(loaded.at(-1)).toMatchObject({ type: 'loaded', path: chosen, references: [testImage()] });

      answer = null;
      expect(await eventsOf(desktop.client, 'images.save', { ids: [testImage()] })).toEqual([{ type: 'saved', path: null, bytes: 0 }]);
      expect(await eventsOf(desktop.client, 'images.load', {})).toEqual([{ type: 'loaded', path: null, bytes: 0, references: [], ids: [] }]);
    } finally {
      desktop.close();
      served.close();
    }
  });

  it('cancelling a save aborts the engine request and leaves no file', async () => {
    const big = await images.make('big', 8_000_000);
    const relay = await EngineRelay.start();
    const through = await connectBackend(relay.url);
    const sub = await mkdtemp(path.join(dir, 'cancel-'));
    try {
      relay.holdAnswers('GET /images/get', 1_000_000);
      let started = false;
      const subscription = await new Promise<{ dispose(): void }>((resolve, reject) => {
        const handle = through.client.subscribe('images.save', { ids: [big.tag], path: path.join(sub, 'big.tar') }, {
          onEvent: (event) => {
            if (event.type === 'progress' && !started) {
              started = true;
              resolve(handle);
            }
          },
          onEnd: () => reject(new Error('the save ended although the engine was held')),
          onError: reject,
        });
      });
      subscription.dispose();
      const carrying = relay.allCarrying('GET /images/get');
      expect(carrying).toHaveLength(1);
      await expect.poll(() => carrying[0]?.closed, { timeout: 10_000 }).toBe(true);
      await expect.poll(() => readdir(sub), { timeout: 10_000 }).toEqual([]);
    } finally {
      through.close();
      await relay.stop();
    }
  });
});
