import { test, expect } from '../fixtures/test.js';
import { DashboardPage, type DiskUsageRow } from '../pages/dashboard-page.js';

async function cliDiskUsage(docker: { run: (args: string[]) => Promise<string> }): Promise<DiskUsageRow[]> {
  const out = await docker.run(['system', 'df', '--format', '{{json .}}']);
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const { Type, TotalCount, Active, Size, Reclaimable } = JSON.parse(line) as DiskUsageRow;
      return { Type, TotalCount, Active, Size, Reclaimable };
    });
}

test("shows the engine, its totals and the disk usage docker system df reports", async ({ containersPage, docker, names, testEnv, page }) => {
  // Something in every row: a stopped container that wrote to its layer, a volume with data.
  await docker.run(['run', '--name', names.name('writer'), '-v', `${names.name('vol')}:/d`, testEnv.image, 'sh', '-c', 'head -c 20000 /dev/urandom > /w; head -c 30000 /dev/zero > /d/x']);
  try {
    await expect(containersPage.heading).toBeVisible();
    const dashboard = new DashboardPage(page);
    await dashboard.open();
    await expect(dashboard.engine.getByRole('region', { name: 'Engine facts' })).toContainText(/Storage driver\s*overlay|Storage driver\s*\S+/);
    await expect(dashboard.engine.getByRole('region', { name: 'Totals' })).toContainText(/Containers\s*\d+/);
    await expect(page.getByRole('heading', { name: 'Top containers' })).toBeVisible();

    // The engine does not change under a single e2e worker, but measure twice if it did.
    await expect(async () => {
      await dashboard.refreshDiskUsage();
      expect(await dashboard.diskUsageRows()).toEqual(await cliDiskUsage(docker));
    }).toPass({ timeout: 30_000 });
  } finally {
    await docker.run(['rm', '-f', names.name('writer')]);
    await docker.run(['volume', 'rm', '-f', names.name('vol')]);
  }
});

test('prunes stopped containers from the Dashboard, listing them before removing them', async ({ containersPage, docker, names, testEnv, page }) => {
  const label = `berth.e2e.prune=${names.prefix}`;
  const stopped = [names.name('done-1'), names.name('done-2')];
  for (const name of stopped) await docker.run(['run', '--name', name, '--label', label, testEnv.image, 'sh', '-c', 'head -c 12000 /dev/urandom > /w']);
  const running = names.name('busy');
  await docker.run(['run', '-d', '--name', running, '--label', label, testEnv.image, 'sleep', '600']);

  await expect(containersPage.heading).toBeVisible();
  const dashboard = new DashboardPage(page);
  await dashboard.open();
  await dashboard.openPrune('containers');
  await dashboard.dialog.getByRole('textbox', { name: 'Filters (optional)' }).fill(`label=${label}`);
  const list = dashboard.dialog.getByRole('table', { name: 'Containers that would be removed' });
  await expect(list.getByRole('row')).toHaveCount(3); // the header and the two stopped ones
  for (const name of stopped) await expect(list).toContainText(name);
  await expect(list).not.toContainText(running);
  await expect(dashboard.dialog).toContainText(/2 containers would be removed, freeing \d/);

  await dashboard.dialog.getByRole('button', { name: 'Remove 2 containers', exact: true }).click();
  await expect(dashboard.engine.getByRole('status').filter({ hasText: /^Removed 2 containers, freeing / })).toBeVisible();
  const left = await docker.run(['ps', '-a', '--filter', `label=${label}`, '--format', '{{.Names}}']);
  expect(left.trim().split('\n')).toEqual([running]);
});
