import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures/test.js';
import { RunPage } from '../pages/run-page.js';
import { VolumesPage } from '../pages/volumes-page.js';

let dir: string;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-volumes-'));
});

test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('creates a volume, runs a container that writes a file into it, and sees the file and its size when browsing it', async ({ containersPage, docker, names, testEnv, page }) => {
  const volume = names.name('data');
  const writer = names.name('writer');
  try {
    await expect(containersPage.heading).toBeVisible();
    const volumes = new VolumesPage(page);
    await volumes.open();
    await volumes.create(volume, ['team=e2e']);
    await expect(volumes.row(volume)).toContainText('Unused');
    expect((await docker.run(['volume', 'inspect', '-f', '{{json .Labels}}', volume])).trim()).toBe('{"team":"e2e"}');

    await volumes.openVolume(volume);
    await expect(page.getByText('This folder is empty.')).toBeVisible();
    await page.getByRole('link', { name: 'Run a container with this volume', exact: true }).click();
    const run = new RunPage(page);
    await expect(run.heading).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Mount source 1', exact: true })).toHaveValue(volume);
    await expect(page.getByRole('textbox', { name: 'Mount target 1', exact: true })).toHaveValue('/data');
    await run.fill('Image', testEnv.image);
    await run.fill('Name', writer);
    await run.fill('Command', "sh -c 'printf hello-from-a-container > /data/greeting.txt'");
    await run.createAndStart();
    // Berth opens the new container's page; the container writes its file and exits.
    await expect.poll(() => docker.exists(writer), { timeout: 20_000 }).toBe(true);
    await docker.run(['wait', writer]);
    expect((await docker.inspect(writer, '{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}}{{end}}')).trim()).toBe(`volume ${volume} /data`);

    await volumes.open();
    await expect(volumes.row(volume)).toContainText(`${writer} (exited)`);
    await volumes.openVolume(volume);
    const file = volumes.file('greeting.txt');
    await expect(file).toBeVisible();
    await expect(file).toContainText('22 B');
    await expect(file).toContainText('-rw-r--r--');
    await file.getByRole('button', { name: 'Open greeting.txt', exact: true }).click();
    await expect(page.getByLabel('Content of /greeting.txt')).toHaveText('hello-from-a-container');
  } finally {
    await docker.run(['rm', '-f', writer]).catch(() => '');
    await docker.run(['volume', 'rm', '-f', volume]).catch(() => '');
  }
});

test('backs a volume up from the browser and restores the file into a new volume with the same files', async ({ containersPage, docker, names, testEnv, page }) => {
  const source = names.name('source');
  const restored = names.name('restored');
  try {
    await docker.run(['volume', 'create', source]);
    await docker.run(['run', '--rm', '-v', `${source}:/v`, testEnv.image, 'sh', '-c', 'mkdir /v/conf && echo setting=1 > /v/conf/app.ini && head -c 50000 /dev/urandom > /v/blob && chown -R 70:70 /v/conf']);
    await expect(containersPage.heading).toBeVisible();
    const volumes = new VolumesPage(page);
    await volumes.open();
    await volumes.openVolume(source);
    await expect(volumes.file('blob')).toContainText('48.83 KiB');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`${source}.tar.gz`);
    const backup = path.join(dir, download.suggestedFilename());
    await download.saveAs(backup);
    expect(await download.failure()).toBeNull();
    expect(execFileSync('tar', ['tzf', backup]).toString().split('\n').filter(Boolean).sort()).toEqual(['./', './blob', './conf/', './conf/app.ini']);

    await volumes.open();
    await volumes.restore(restored, backup);
    // The new volume's page opens once the restore is done.
    await expect(page.getByRole('heading', { level: 1, name: restored, exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(volumes.file('blob')).toContainText('48.83 KiB');
    await expect(volumes.file('conf')).toBeVisible();
    const sums = (volume: string) => docker.run(['run', '--rm', '-v', `${volume}:/v:ro`, testEnv.image, 'sh', '-c', 'cd /v && find . -type f -exec md5sum {} + | sort && stat -c "%u:%g %a" conf']);
    expect(await sums(restored)).toBe(await sums(source));
  } finally {
    await docker.run(['volume', 'rm', '-f', source, restored]).catch(() => '');
  }
});
