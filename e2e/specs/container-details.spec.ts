import { test, expect } from '../fixtures/test.js';
import { ContainerDetailsPage } from '../pages/container-details-page.js';

test('opens a container, sees its overview with the secret masked until clicked', async ({ containersPage, docker, names, testEnv, page }) => {
  const name = names.name('secretive');
  await docker.run(['run', '-d', '--name', name, '-e', 'API_TOKEN=s3cr3t-value', '-e', 'MODE=demo', '-l', 'team=core', testEnv.image, 'sleep', '3600']);
  await containersPage.row(name).getByRole('link', { name, exact: true }).click();

  const details = new ContainerDetailsPage(page);
  await details.expectOn(name);
  const environment = details.region('Environment');
  await expect(environment).toContainText('MODE');
  await expect(environment).toContainText('demo');
  await expect(page.getByText('s3cr3t-value')).toHaveCount(0);
  await environment.getByRole('button', { name: 'Show value of API_TOKEN' }).click();
  await expect(environment).toContainText('s3cr3t-value');
  await expect(details.region('Labels')).toContainText('team');
});

test('lowers the memory limit of a running container in the Resources tab, without restarting it', async ({ containersPage, docker, names, testEnv, page }) => {
  const name = names.name('limited');
  await docker.run(['run', '-d', '--name', name, '-m', '96m', testEnv.image, 'sleep', '3600']);
  const startedAt = await docker.inspect(name, '{{.State.StartedAt}}');
  await containersPage.row(name).getByRole('link', { name, exact: true }).click();

  const details = new ContainerDetailsPage(page);
  await details.openTab('Resources');
  await expect(page.getByRole('meter', { name: 'Memory use' })).toBeVisible();
  await expect(page.getByText(/limit 96 MiB/)).toBeVisible();

  await details.setMemoryLimit('64m');

  await expect.poll(() => docker.inspect(name, '{{.HostConfig.Memory}}')).toBe(String(64 * 1024 * 1024));
  await expect(page.getByText(/limit 64 MiB/)).toBeVisible();
  expect(await docker.inspect(name, '{{.State.StartedAt}} {{.State.Running}}')).toBe(`${startedAt} true`);
});

test('a limit below the engine minimum is refused before anything is sent, naming the field', async ({ containersPage, docker, names, testEnv, page }) => {
  const name = names.name('tiny');
  await docker.run(['run', '-d', '--name', name, '-m', '64m', testEnv.image, 'sleep', '3600']);
  await containersPage.row(name).getByRole('link', { name, exact: true }).click();
  const details = new ContainerDetailsPage(page);
  await details.openTab('Resources');

  await details.setMemoryLimit('1m');

  await expect(details.limitsForm.getByText(/6 MiB/).first()).toBeVisible();
  expect(await docker.inspect(name, '{{.HostConfig.Memory}}')).toBe(String(64 * 1024 * 1024));
});
