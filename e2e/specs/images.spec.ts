import { test, expect } from '../fixtures/test.js';
import type { DockerCli } from '../fixtures/docker-cli.js';
import { ContainerDetailsPage } from '../pages/container-details-page.js';
import { ImagesPage } from '../pages/images-page.js';
import { RunPage } from '../pages/run-page.js';

/** Tags of the test image made by one test; `docker rmi` of a tag never removes the image itself. */
async function removeTags(docker: DockerCli, tags: readonly string[]): Promise<void> {
  for (const tag of tags) {
    if ((await docker.run(['images', '-q', tag])).trim() !== '') await docker.run(['rmi', tag]);
  }
}

test('an image tagged and untagged from the command line comes and goes without a reload', async ({ containersPage, docker, names, testEnv, page }) => {
  await expect(containersPage.heading).toBeVisible();
  const images = new ImagesPage(page);
  await images.open();
  await expect(images.row(testEnv.image)).toBeVisible();

  const tag = `${names.name('tagged')}:e2e`;
  try {
    await expect(images.row(tag)).toHaveCount(0);
    await docker.run(['tag', testEnv.image, tag]);
    await expect(images.row(tag)).toBeVisible();
    const shortId = (await docker.run(['images', '-q', tag])).trim();
    await expect(images.row(tag)).toContainText(shortId);

    await docker.run(['rmi', tag]);
    await expect(images.row(tag)).toHaveCount(0);
    await expect(images.row(testEnv.image)).toBeVisible();
  } finally {
    await removeTags(docker, [tag]);
  }
});

test('Run on an image opens the Run form with that image, and the container it starts runs', async ({ containersPage, docker, names, testEnv, page }) => {
  await expect(containersPage.heading).toBeVisible();
  const images = new ImagesPage(page);
  await images.open();
  await images.runLink(testEnv.image).click();

  const run = new RunPage(page);
  await expect(run.heading).toBeVisible();
  await expect(run.field('Image')).toHaveValue(testEnv.image);
  const name = names.name('from-image');
  await run.fill('Name', name);
  // A shell that exits on SIGTERM, so cleanup is prompt (busybox sleep as PID 1 ignores it).
  await run.fill('Command', `sh -c 'trap "exit 0" TERM; while :; do sleep 0.2; done'`);
  await run.createAndStart();

  await new ContainerDetailsPage(page).expectOn(name);
  await expect.poll(() => docker.isRunning(name)).toBe(true);
  expect(await docker.inspect(name, '{{.Config.Image}}')).toBe(testEnv.image);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Containers', exact: true }).click();
  await expect(containersPage.row(name)).toContainText('running');
});

test('removing a tag from its row asks first, then removes only that tag', async ({ containersPage, docker, names, testEnv, page }) => {
  await expect(containersPage.heading).toBeVisible();
  const images = new ImagesPage(page);
  await images.open();
  const tag = `${names.name('spare')}:e2e`;
  try {
    await docker.run(['tag', testEnv.image, tag]);
    await images.filter(names.prefix);
    await expect(images.row(tag)).toBeVisible();
    await expect(images.row(testEnv.image)).toHaveCount(0);

    await images.remove(tag);
    await expect(images.row(tag)).toHaveCount(0);
    await expect(images.errors).toHaveCount(0);
    expect((await docker.run(['images', '-q', tag])).trim()).toBe('');
    expect((await docker.run(['images', '-q', testEnv.image])).trim()).not.toBe('');
  } finally {
    await removeTags(docker, [tag]);
  }
});
