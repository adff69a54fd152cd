import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageLoadEvent, ImageSaveEvent } from './api/index.js';
import { docker } from './testing/real-engine.js';
import { TestImages } from './testing/test-images.js';
import { BerthCli, eventsIn } from './testing/berth-cli.js';

/**
 * `berth api images.save` and `images.load` as a user runs them from a shell: the built command
 * (bin/berth.js, after `npm run build`) against the real test engine, as the README writes them.
 */
const images = new TestImages();
let dir: string;

const cli = new BerthCli();
const berth = (...args: string[]) => cli.run(...args);

beforeAll(async () => {
  await cli.setUp();
  dir = await mkdtemp(path.join(os.tmpdir(), 'berth-cli-archive-'));
});

afterAll(async () => {
  await images.removeAll();
  await cli.tearDown();
  await rm(dir, { recursive: true, force: true });
});

describe('berth api images.save and images.load from a shell', () => {
  it('images.save {"ids":[...],"path":...} writes the tar and images.load {"path":...} loads it back, one JSON event a line', async () => {
    const image = await images.make('cli-archive', 200_000);
    const file = path.join(dir, 'app.tar');
    const saved = await berth('api', 'images.save', JSON.stringify({ ids: [image.tag], path: file }));
    expect(saved.code, saved.stderr).toBe(0);
    const saveEvents = eventsIn<ImageSaveEvent>(saved.stdout);
    expect(saveEvents[0]).toMatchObject({ type: 'started', path: file, isEstimate: true });
    expect(saveEvents.at(-1)).toEqual({ type: 'saved', path: file, bytes: (await readFile(file)).length });

    await docker('rmi', image.tag);
    const loaded = await berth('api', 'images.load', JSON.stringify({ path: file }));
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(eventsIn<ImageLoadEvent>(loaded.stdout).at(-1)).toEqual({ type: 'loaded', path: file, bytes: (await readFile(file)).length, references: [image.tag], ids: [] });
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', image.tag)).toBe(image.id);
  });

  it('refuses a relative path and a missing image naming the field, with a non-zero exit', async () => {
    const relative = await berth('api', 'images.save', JSON.stringify({ ids: ['x:1'], path: 'x.tar' }));
    expect(relative.code).not.toBe(0);
    expect(relative.stderr).toMatch(/invalid_argument.*path: must be an absolute path/);
    const missing = await berth('api', 'images.save', JSON.stringify({ ids: ['it-no-such-image:1'], path: path.join(dir, 'none.tar') }));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/not_found: ids: no image "it-no-such-image:1"/);
    expect(existsSync(path.join(dir, 'none.tar'))).toBe(false);
  });
});
