import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures/test.js';
import { BuildPanel } from '../pages/build-panel.js';
import { ImagesPage } from '../pages/images-page.js';
import { RunPage } from '../pages/run-page.js';

/** A build context on this machine, which is where `berth serve` (the backend) runs too. */
async function contextWith(dockerfile: string): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-build-'));
  await writeFile(path.join(directory, 'Dockerfile'), dockerfile);
  return directory;
}

test('builds a two-step Dockerfile from the Images page: the log shows each step, the new image is listed, and Run opens it', async ({ containersPage, docker, names, testEnv, page }) => {
  await expect(containersPage.heading).toBeVisible();
  const context = await contextWith(`FROM ${testEnv.image}\nARG GREETING\nRUN echo "built with $GREETING"\n`);
  const tag = `${names.name('built')}:e2e`;
  try {
    const images = new ImagesPage(page);
    await images.open();
    await expect(images.row(tag)).toHaveCount(0);
    const build = new BuildPanel(page);
    await build.open();
    await build.fill('Context directory', context);
    await build.fill('Tags', tag);
    await build.addBuildArg('GREETING', 'berth-e2e');
    await build.build();

    await expect(build.log).toContainText('Step 1/3 : FROM');
    await expect(build.log).toContainText('Step 3/3 : RUN echo "built with $GREETING"');
    await expect(build.log).toContainText('built with berth-e2e');
    await expect(build.status).toHaveText(new RegExp(`^Built [0-9a-f]{12} as ${tag}$`));
    // The new tag shows up in the list by itself (the engine's tag event).
    await expect(images.row(tag)).toBeVisible();
    expect((await docker.run(['images', '-q', tag])).trim()).not.toBe('');

    await build.runLink.click();
    const run = new RunPage(page);
    await expect(run.heading).toBeVisible();
    await expect(run.field('Image')).toHaveValue(tag);
  } finally {
    await docker.run(['rmi', tag]).catch(() => undefined);
    await rm(context, { recursive: true, force: true });
  }
});

test('a build whose RUN fails shows the failing step and its output', async ({ containersPage, page, testEnv }) => {
  await expect(containersPage.heading).toBeVisible();
  const context = await contextWith(`FROM ${testEnv.image}\nRUN echo before-the-failure; exit 4\n`);
  try {
    await new ImagesPage(page).open();
    const build = new BuildPanel(page);
    await build.open();
    await build.fill('Context directory', context);
    await build.build();
    await expect(build.failure).toContainText('Failing step: Step 2/2 : RUN echo before-the-failure; exit 4');
    await expect(build.failure).toContainText('returned a non-zero code: 4');
    await expect(build.failure.getByLabel('Output of step 2')).toContainText('before-the-failure');
    await expect(build.runLink).toHaveCount(0);
  } finally {
    await rm(context, { recursive: true, force: true });
  }
});

test('a context directory that does not exist is named next to its field, and nothing is built', async ({ containersPage, page }) => {
  await expect(containersPage.heading).toBeVisible();
  await new ImagesPage(page).open();
  const build = new BuildPanel(page);
  await build.open();
  const missing = path.join(os.tmpdir(), 'berth-e2e-no-such-context');
  await build.fill('Context directory', missing);
  await build.build();
  await expect(build.region.getByText(`context: ${missing} does not exist`).first()).toBeVisible();
  await expect(build.field('Context directory')).toHaveAttribute('aria-invalid', 'true');
});
