import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures/test.js';
import type { DockerCli } from '../fixtures/docker-cli.js';
import { ImageDetailsPage } from '../pages/image-details-page.js';
import { ImagesPage } from '../pages/images-page.js';
import { RunPage } from '../pages/run-page.js';

/** `docker build` of `FROM <test image>` plus `steps`, from a shell; answers the image id. */
async function buildImage(docker: DockerCli, baseImage: string, steps: string, tag?: string): Promise<string> {
  const context = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-image-'));
  try {
    await writeFile(path.join(context, 'Dockerfile'), `FROM ${baseImage}\n${steps}\n`);
    return (await docker.run(['build', '-q', ...(tag === undefined ? [] : ['-t', tag]), context])).trim().split('\n').pop() ?? '';
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

const longRun = `RUN echo ${'layer-of-its-own '.repeat(12)}> /note && head -c 4096 /dev/urandom > /noise`;

test("opens an image's details, sees its layers and who uses it, and runs it with its port offered", async ({ containersPage, docker, names, testEnv, page }) => {
  await expect(containersPage.heading).toBeVisible();
  const tag = `${names.name('detailed')}:e2e`;
  try {
    await buildImage(docker, testEnv.image, `LABEL berth.e2e=details\n${longRun}\nEXPOSE 8080\nVOLUME /data\nCMD ["sh"]`, tag);
    const steps = (await docker.run(['history', '-q', tag])).trim().split('\n').length;
    const user = names.name('user');
    await docker.run(['create', '--name', user, tag]);

    const images = new ImagesPage(page);
    await images.open();
    await images.row(tag).getByRole('link', { name: tag, exact: true }).click();

    const details = new ImageDetailsPage(page);
    await details.expectOn(tag);
    await expect(details.layerRows()).toHaveCount(steps);
    // Newest first: CMD, VOLUME, EXPOSE, then the RUN (step 3 of the image's own, counted from the base).
    const runRow = details.layerRows().filter({ hasText: 'layer-of-its-own' });
    await expect(runRow).toHaveCount(1);
    await expect(runRow).toContainText(/\d(\.\d+)? KiB/);
    const step = Number((await runRow.getAttribute('aria-label'))?.replace('Step ', ''));
    await details.showFullStep(step).click();
    await expect(runRow.locator('pre')).toHaveText(`/bin/sh -c echo ${'layer-of-its-own '.repeat(12)}> /note && head -c 4096 /dev/urandom > /noise`);
    await expect(details.users.getByRole('link', { name: user, exact: true })).toBeVisible();

    await details.runLink(tag).click();
    const run = new RunPage(page);
    await expect(run.heading).toBeVisible();
    await expect(run.field('Image')).toHaveValue(tag);
    const publish = page.getByRole('checkbox', { name: 'Publish 8080/tcp', exact: true });
    await expect(publish).not.toBeChecked();
    await expect(page.getByRole('textbox', { name: 'Container port 1', exact: true })).toHaveCount(0);
    await publish.check();
    await expect(page.getByRole('textbox', { name: 'Container port 1', exact: true })).toHaveValue('8080');
    await expect(page.getByRole('checkbox', { name: 'Mount a named volume at /data', exact: true })).not.toBeChecked();
  } finally {
    await docker.removeContainersStartingWith(names.prefix);
    await docker.run(['rmi', '-f', tag]).catch(() => undefined);
  }
});

test('prunes labelled dangling images after seeing what would go and the space, then sees what was reclaimed', async ({ containersPage, docker, names, testEnv, page }) => {
  await expect(containersPage.heading).toBeVisible();
  // Only images with this label are pruned: the engine is shared with every other spec.
  const label = `berth.e2e.prune=${names.name('prune')}`;
  const ids: string[] = [];
  try {
    for (const size of [8, 16]) ids.push(await buildImage(docker, testEnv.image, `LABEL ${label}\nRUN head -c ${size * 1024} /dev/urandom > /noise`));
    const images = new ImagesPage(page);
    await images.open();
    await page.getByRole('button', { name: 'Prune…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Prune images' });
    await dialog.getByRole('textbox', { name: 'Filters (optional)' }).fill(`label=${label}`);
    const list = dialog.getByRole('table', { name: 'Images that would be deleted' });
    for (const id of ids) await expect(list).toContainText(`<none> ${id.replace('sha256:', '').slice(0, 12)}`);
    await expect(list.getByRole('row')).toHaveCount(3);
    await expect(dialog).toContainText(/freeing about 2\d(\.\d+)? KiB/);
    // Both builds share the classic builder's cached LABEL step, an untagged intermediate image that goes with them.
    await expect(dialog).toContainText('(with 1 intermediate build image)');

    await dialog.getByRole('button', { name: 'Delete 2 images', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toHaveText(/^Deleted 2 images \(and 1 intermediate build image\), reclaimed 2\d(\.\d+)? KiB\.$/);
    for (const id of ids) await expect(docker.run(['image', 'inspect', id])).rejects.toThrow(/No such image/i);
    await expect(images.row(testEnv.image)).toBeVisible();
  } finally {
    for (const id of ids) await docker.run(['rmi', '-f', id]).catch(() => undefined);
  }
});
