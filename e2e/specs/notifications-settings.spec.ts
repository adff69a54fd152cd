import { expect, test } from '../fixtures/test.js';
import { ContainersPage } from '../pages/containers-page.js';
import { recordNotifications, SettingsPage } from '../pages/settings-page.js';

test('with notifications allowed, an OOM kill shows a notification, and clicking it opens the container', async ({ page, context, berth, docker, names, testEnv }) => {
  await context.grantPermissions(['notifications'], { origin: berth.origin });
  await page.addInitScript(recordNotifications);
  await new ContainersPage(page).open(berth.url);
  const settings = new SettingsPage(page);
  await settings.open();
  await expect(page.getByText('Notifications are on in this browser.')).toBeVisible();

  const name = names.name('oom');
  // `tail /dev/zero` keeps one endless "line" in memory: the kernel kills it at the 16 MiB limit.
  await docker.run(['run', '-d', '--name', name, '-m', '16m', '--memory-swap', '16m', testEnv.image, 'tail', '/dev/zero']);
  const title = `${name} ran out of memory`;
  await expect.poll(() => page.evaluate(() => window.shownNotifications.map((each) => each.title)), { timeout: 20_000 }).toContain(title);
  const shown = await page.evaluate(() => window.shownNotifications.map(({ title, body }) => ({ title, body })));
  // One notification for the OOM kill, not a second one for the death that followed.
  expect(shown.filter((each) => each.title.startsWith(name))).toEqual([{ title, body: `The kernel killed a process of ${name} for going over the container's memory limit (OOM kill).` }]);

  await page.evaluate((wanted) => {
    const entry = window.shownNotifications.find((each) => each.title === wanted);
    entry?.notification.onclick?.(new Event('click'));
  }, title);
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
});

test('the theme switches at once, and back', async ({ page, containersPage }) => {
  void containersPage;
  const settings = new SettingsPage(page);
  await settings.open();
  const root = page.locator('html');
  try {
    await settings.chooseTheme('Dark');
    await expect(root).toHaveAttribute('data-theme', 'dark');
    await expect.poll(() => settings.background()).toBe('rgb(21, 24, 29)');
    await settings.chooseTheme('Light');
    await expect(root).toHaveAttribute('data-theme', 'light');
    await expect.poll(() => settings.background()).toBe('rgb(255, 255, 255)');
    // Kept by the backend: a reload comes back light.
    await page.reload();
    await expect(settings.themeChoice('Light')).toBeChecked();
    await expect(root).toHaveAttribute('data-theme', 'light');
  } finally {
    await settings.chooseTheme('System');
  }
});
