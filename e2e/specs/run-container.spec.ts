import { test, expect } from '../fixtures/test.js';
import { ContainerDetailsPage } from '../pages/container-details-page.js';
import { RunPage } from '../pages/run-page.js';

test('runs a busybox web server from the form with a port, a memory limit and a restart policy, then manages it', async ({
  containersPage,
  docker,
  names,
  testEnv,
  page,
}) => {
  const name = names.name('web');
  const run = new RunPage(page);
  await run.open();
  await run.fill('Image', testEnv.image);
  await run.fill('Name', name);
  await run.fill('Command', "sh -c 'echo served-by-berth > /tmp/index.html && exec httpd -f -p 80 -h /tmp'");
  await run.addPort('', '80');
  await run.fill('Memory', '96m');
  await run.chooseRestartPolicy('unless-stopped');
  await run.createAndStart();

  const details = new ContainerDetailsPage(page);
  await details.expectOn(name);
  await expect.poll(() => docker.inspect(name, '{{.State.Running}} {{.HostConfig.Memory}} {{.HostConfig.RestartPolicy.Name}}')).toBe(
    `true ${96 * 1024 * 1024} unless-stopped`,
  );

  // The Resources tab shows the limit; lowering it changes the engine's, with no restart.
  await details.openTab('Resources');
  await expect(page.getByText(/limit 96 MiB/)).toBeVisible();
  await details.setMemoryLimit('64m');
  await expect.poll(() => docker.inspect(name, '{{.HostConfig.Memory}}')).toBe(String(64 * 1024 * 1024));

  // Back in the list, the published port is a link that answers.
  await page.getByRole('link', { name: '← All containers' }).click();
  const row = containersPage.row(name);
  await expect(row).toContainText('running');
  const href = await row.getByRole('link', { name: /→ 80\/tcp/ }).getAttribute('href');
  expect(await (await page.request.get(href ?? '')).text()).toContain('served-by-berth');

  // Stop, start again, remove: all from the UI.
  await containersPage.stop(name);
  await expect.poll(() => docker.isRunning(name), { timeout: 30_000 }).toBe(false);
  await containersPage.start(name);
  await expect.poll(() => docker.isRunning(name)).toBe(true);
  await containersPage.remove(name);
  await expect(page.getByRole('alert').filter({ hasText: name })).toContainText(/running container/i);
  await page.getByRole('alert').filter({ hasText: name }).getByRole('button', { name: 'Force remove' }).click();
  await expect(row).toHaveCount(0);
  await expect.poll(() => docker.exists(name)).toBe(false);
});

test('a bad field is named before anything is created', async ({ containersPage, docker, names, testEnv, page }) => {
  await expect(containersPage.heading).toBeVisible();
  const name = names.name('bad');
  const run = new RunPage(page);
  await run.open();
  await run.fill('Image', testEnv.image);
  await run.fill('Name', name);
  await run.fill('Memory', '1m');
  await run.createAndStart();

  const memory = run.field('Memory');
  await expect(memory).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/6 MiB/).first()).toBeVisible();
  expect(await docker.exists(name)).toBe(false);
});
