import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures/test.js';
import { ImageArchiveActions } from '../pages/image-archive.js';
import { ImagesPage } from '../pages/images-page.js';

let dir: string;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-archive-'));
});

test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('saves an image from the browser, removes it, and loads the file back into the list', async ({ containersPage, docker, names, testEnv, page }) => {
  // An image of this test's own: the test image plus one layer, under one tag.
  const tag = `${names.name('archive')}:e2e`;
  const source = names.name('archive-source');
  await docker.run(['run', '--name', source, testEnv.image, 'sh', '-c', `echo ${tag} > /label`]);
  const imageId = (await docker.run(['commit', source, tag])).trim();
  await docker.run(['rm', source]);
  try {
    await expect(containersPage.heading).toBeVisible();
    const images = new ImagesPage(page);
    const archive = new ImageArchiveActions(page);
    await images.open();
    await expect(images.row(tag)).toBeVisible();

    const download = await archive.download([tag]);
    expect(download.suggestedFilename()).toBe(`${tag.replace(':', '_')}.tar`);
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(await download.failure()).toBeNull();
    await expect(archive.status).toContainText(`Downloading ${download.suggestedFilename()}`);
    // What docker save writes for the same image, byte for byte.
    const expected = path.join(dir, 'docker-save.tar');
    await docker.run(['save', '-o', expected, tag]);
    expect((await readFile(saved)).equals(await readFile(expected))).toBe(true);

    await images.remove(tag);
    await expect(images.row(tag)).toHaveCount(0);
    expect((await docker.run(['images', '-q', imageId])).trim()).toBe('');

    // The upload slowed to 512 KiB/s (Chromium's own network emulation), so its progress is
    // there to be seen for a few seconds: the bytes sent of the file's size, and a bar.
    const network = await page.context().newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 512 * 1024 });
    const size = (await readFile(saved)).length;
    await archive.load(saved);
    await expect(archive.progress).toBeVisible();
    await expect(archive.progress).toHaveAttribute('max', String(size));
    await expect(archive.status).toContainText(/Loading [1-9][\d.]* (B|KiB|MiB) of [\d.]+ MiB/);
    await expect(archive.status).toContainText(`Loaded ${tag}`, { timeout: 30_000 });
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await expect(images.row(tag)).toBeVisible();
    await expect(images.row(tag)).toContainText(imageId.replace('sha256:', '').slice(0, 12));
    expect((await docker.run(['image', 'inspect', '-f', '{{.Id}}', tag])).trim()).toBe(imageId);
  } finally {
    if ((await docker.run(['images', '-q', tag])).trim() !== '') await docker.run(['rmi', tag]);
  }
});

test('a file that is no image archive is refused beside Load…, in the engine\'s words', async ({ containersPage, page }) => {
  await expect(containersPage.heading).toBeVisible();
  const images = new ImagesPage(page);
  const archive = new ImageArchiveActions(page);
  await images.open();
  const notTar = path.join(dir, 'notes.tar');
  await writeFile(notTar, 'these are notes, not an image archive\n'.repeat(200));
  await archive.load(notTar);
  await expect(archive.error).toContainText('Could not load notes.tar: The engine could not load the archive:');
  await expect(archive.loadButton).toBeEnabled();
});
