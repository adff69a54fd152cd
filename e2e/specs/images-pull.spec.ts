import { buildLayeredImage } from '../fixtures/layered-image.js';
import { test, expect } from '../fixtures/test.js';
import { ContainerDetailsPage } from '../pages/container-details-page.js';
import { ImagesPage } from '../pages/images-page.js';
import { RunPage } from '../pages/run-page.js';
import { TaskArea } from '../pages/task-area.js';

test('pulls an image from the local registry watching each layer to 100 %, then runs it from the finished pull', async ({ containersPage, docker, names, testEnv, page }) => {
  // An image of three layers (busybox and two of random bytes) in the registry, not on the engine.
  const reference = `${testEnv.registry}/${names.name('pulled')}:1`;
  await buildLayeredImage(docker, reference, testEnv.image, 2, 2048);
  await docker.run(['push', reference]);
  await docker.run(['rmi', reference]);
  try {
    await expect(containersPage.heading).toBeVisible();
    const images = new ImagesPage(page);
    await images.open();
    await expect(images.row(reference)).toHaveCount(0);
    await images.pull(reference);

    const tasks = new TaskArea(page);
    await tasks.open();
    await expect(tasks.task('Pull', reference)).toBeVisible();
    await tasks.showLayers('Pull', reference);
    await expect(tasks.overall('Pull', reference)).toHaveAttribute('value', '100', { timeout: 60_000 });
    await expect(tasks.task('Pull', reference)).toContainText('Done');
    // Every layer ends complete (or was there already: the busybox one), with its bar full.
    const layers = tasks.layers('Pull', reference);
    await expect(layers).toHaveCount(3);
    for (const layer of await layers.all()) {
      await expect(layer).toHaveAccessibleName(/: (Complete|Already exists)$/);
      const bar = layer.getByRole('progressbar');
      await expect(bar).toHaveAttribute('value', '1');
      await expect(bar).toHaveAttribute('max', '1');
    }
    await expect(layers.filter({ hasText: 'Complete' })).toHaveCount(2);
    await expect(images.row(reference)).toBeVisible();

    await tasks.runLink(reference).click();
    const run = new RunPage(page);
    await expect(run.heading).toBeVisible();
    await expect(run.field('Image')).toHaveValue(reference);
    const name = names.name('from-pull');
    await run.fill('Name', name);
    await run.fill('Command', `sh -c 'trap "exit 0" TERM; while :; do sleep 0.2; done'`);
    await run.createAndStart();
    await new ContainerDetailsPage(page).expectOn(name);
    await expect.poll(() => docker.isRunning(name)).toBe(true);
    expect(await docker.inspect(name, '{{.Config.Image}}')).toBe(reference);
  } finally {
    await docker.removeContainersStartingWith(names.prefix);
    if ((await docker.run(['images', '-q', reference])).trim() !== '') await docker.run(['rmi', reference]);
  }
});

test('a pull that fails says why in one line next to it in the task area, and offers no Run', async ({ containersPage, names, testEnv, page }) => {
  // A repository the local registry does not have.
  const reference = `${testEnv.registry}/${names.name('absent')}:1`;
  await expect(containersPage.heading).toBeVisible();
  const images = new ImagesPage(page);
  await images.open();
  await images.pull(reference);

  const tasks = new TaskArea(page);
  await expect(tasks.toggle).toHaveText('Tasks: 1 failed');
  await tasks.open();
  await expect(tasks.task('Pull', reference)).toContainText('Failed');
  await expect(tasks.failure('Pull', reference)).toHaveText(/^manifest for .+:1 not found: manifest unknown/);
  await expect(tasks.runLink(reference)).toHaveCount(0);
  await expect(images.row(reference)).toHaveCount(0);
});

test('tags an image and pushes the tag from its row; the registry then lists it', async ({ containersPage, docker, names, testEnv, page }) => {
  const repository = names.name('pushed');
  const target = `${testEnv.registry}/${repository}:v1`;
  try {
    await expect(containersPage.heading).toBeVisible();
    const images = new ImagesPage(page);
    await images.open();
    await images.tag(testEnv.image, target);
    await expect(images.row(target)).toBeVisible();
    await images.pushButton(target).click();
    const tasks = new TaskArea(page);
    await expect(tasks.overall('Push', target)).toHaveAttribute('value', '100', { timeout: 60_000 });
    await expect(tasks.task('Push', target)).toContainText('Done');
    const listed = (await (await page.request.get(`http://${testEnv.registry}/v2/${repository}/tags/list`)).json()) as { tags: string[] };
    expect(listed.tags).toEqual(['v1']);
  } finally {
    if ((await docker.run(['images', '-q', target])).trim() !== '') await docker.run(['rmi', target]);
  }
});
