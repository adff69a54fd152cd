import { test, expect } from '../fixtures/test.js';
import { ContainerDetailsPage } from '../pages/container-details-page.js';
import { StatsTab } from '../pages/stats-tab.js';

test('watches a busy container on its Stats tab: the charts move and show its limits', async ({ containersPage, docker, names, testEnv, page }) => {
  const name = names.name('busy');
  await docker.run(['run', '-d', '--name', name, '--cpus', '0.5', '-m', '32m', '--pids-limit', '50', testEnv.image, 'sh', '-c', 'yes > /dev/null']);
  await containersPage.row(name).getByRole('link', { name, exact: true }).click();
  const details = new ContainerDetailsPage(page);
  await details.openTab('Stats');
  const stats = new StatsTab(page);
  await stats.pickSpan('1 min');

  for (const title of ['CPU', 'Memory', 'Network', 'Block I/O', 'PIDs']) await expect(stats.chart(title).locator('canvas')).toBeVisible();
  await expect(stats.numbers('CPU')).toContainText('of its limit (0.5 CPUs)');
  await expect(stats.numbers('Memory')).toContainText('limit 32 MiB');
  await expect(stats.numbers('PIDs')).toContainText('limit 50');
  await expect(stats.chart('CPU')).toContainText('Limit');

  // Live: points keep coming, the picture changes, and the CPU reads near its limit of half a CPU.
  await expect.poll(() => stats.points('CPU'), { timeout: 10_000 }).toBeGreaterThan(2);
  const before = { points: await stats.points('CPU'), picture: await stats.picture('CPU') };
  await expect.poll(() => stats.points('CPU'), { timeout: 10_000 }).toBeGreaterThan(before.points + 1);
  expect((await stats.picture('CPU')).equals(before.picture)).toBe(false);
  await expect(stats.numbers('CPU')).toContainText(/\b(4\d|5\d)(\.\d)?% of one CPU/);
});

test('shows live CPU and memory bars on running rows of the Containers list', async ({ containersPage, docker, names, testEnv }) => {
  const name = names.name('barred');
  const stopped = names.name('still');
  await docker.run(['run', '-d', '--name', name, '-m', '64m', testEnv.image, 'sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done']);
  await docker.run(['create', '--name', stopped, testEnv.image, 'true']);
  const row = containersPage.row(name);
  const memory = row.getByRole('meter', { name: `Memory use of ${name}` });
  await expect(memory).toBeVisible({ timeout: 10_000 });
  await expect(memory).toHaveAttribute('max', String(64 * 1024 * 1024));
  await expect(row.getByRole('meter', { name: `CPU use of ${name}` })).toBeVisible();
  await expect(containersPage.row(stopped)).toBeVisible();
  await expect(containersPage.row(stopped).getByRole('meter')).toHaveCount(0);
});
