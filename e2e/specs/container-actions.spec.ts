import { test, expect } from '../fixtures/test.js';

test('removing a running container shows the engine refusing, and Force remove removes it', async ({ containersPage, docker, names, testEnv }) => {
  const web = names.name('busy');
  await docker.run(['run', '-d', '--name', web, testEnv.image, 'sleep', '3600']);
  await expect(containersPage.row(web)).toBeVisible();

  await containersPage.remove(web);

  const refusal = containersPage.errors.filter({ hasText: web });
  await expect(refusal).toContainText(/running container/i);
  expect(await docker.isRunning(web)).toBe(true);

  await refusal.getByRole('button', { name: 'Force remove' }).click();

  await expect(containersPage.row(web)).toHaveCount(0);
  await expect.poll(() => docker.exists(web)).toBe(false);
});

test('a published port is a link to the container that answers', async ({ containersPage, docker, names, testEnv, page }) => {
  const web = names.name('site');
  await docker.run([
    'run', '-d', '--name', web, '-p', '127.0.0.1::80', testEnv.image,
    'sh', '-c', 'echo hello-from-berth > /tmp/index.html && exec httpd -f -p 80 -h /tmp',
  ]);

  const link = containersPage.row(web).getByRole('link', { name: /→ 80\/tcp/ });
  await expect(link).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const href = await link.getAttribute('href');
  const answer = await page.request.get(href ?? '');
  expect(await answer.text()).toContain('hello-from-berth');
});
