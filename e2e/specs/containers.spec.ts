import { test, expect } from '../fixtures/test.js';

test('a container started from the command line shows up without a reload', async ({ containersPage, docker, names, testEnv }) => {
  const web = names.name('web');
  await expect(containersPage.row(web)).toHaveCount(0);

  await docker.run(['run', '-d', '--name', web, testEnv.image, 'httpd', '-f', '-p', '80']);

  await expect(containersPage.row(web)).toBeVisible();
});

test('stopping a container from its row stops it in the engine', async ({ containersPage, docker, names, testEnv }) => {
  const web = names.name('web');
  await docker.run(['run', '-d', '--name', web, testEnv.image, 'httpd', '-f', '-p', '80']);
  await expect(containersPage.row(web)).toBeVisible();

  await containersPage.stop(web);

  // httpd runs as PID 1 and ignores SIGTERM, so the engine needs its stop timeout (10 s) to kill it.
  await expect.poll(() => docker.isRunning(web), { timeout: 30_000 }).toBe(false);
  await expect(containersPage.startButton(web)).toBeVisible({ timeout: 15_000 });
  await expect(containersPage.errors).toHaveCount(0);
});

test('typing part of a name in the filter leaves only that container', async ({ containersPage, docker, names, testEnv }) => {
  const alpha = names.name('alpha');
  const bravo = names.name('bravo');
  for (const name of [alpha, bravo]) await docker.run(['run', '-d', '--name', name, testEnv.image, 'sleep', '3600']);
  await expect(containersPage.row(alpha)).toBeVisible();
  await expect(containersPage.row(bravo)).toBeVisible();

  // Part of alpha's name: the test's unique prefix without "e2e-", and "alp".
  await containersPage.filter(`${names.prefix.slice('e2e-'.length)}alp`);

  await expect(containersPage.row(alpha)).toBeVisible();
  await expect(containersPage.row(bravo)).toHaveCount(0);
  await expect(containersPage.rowsStartingWith('e2e-')).toHaveCount(1);
});

test("a running container's status line counts up on its own, with no reload and no new event", async ({ containersPage, docker, names, testEnv }) => {
  const web = names.name('web');
  await docker.run(['run', '-d', '--name', web, testEnv.image, 'sleep', '3600']);
  const row = containersPage.row(web);
  await expect(row).toBeVisible();
  // Just started it reads "Up Less than a second" or "Up 1 second"; a few seconds on, "Up N seconds" by itself.
  await expect(row.getByRole('cell', { name: /^Up ([3-9]|\d\d) seconds$/ })).toBeVisible({ timeout: 15_000 });
});
