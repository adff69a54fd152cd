import { test, expect } from '../fixtures/test.js';
import { ContainerDetailsPage } from '../pages/container-details-page.js';
import { RunPage } from '../pages/run-page.js';

test('copies a CLI-made container as docker run, pastes it into the form under a new name, and gets the same settings', async ({
  containersPage,
  docker,
  names,
  testEnv,
  page,
}) => {
  const original = names.name('orig');
  const copy = names.name('copy');
  await docker.run(['run', '-d', '--name', original, '-e', 'MODE=demo', '-l', 'team=core', '-m', '80m', '--restart', 'on-failure:2', testEnv.image, 'sleep', '3600']);

  await containersPage.row(original).getByRole('link', { name: original, exact: true }).click();
  const details = new ContainerDetailsPage(page);
  await details.expectOn(original);
  await page.getByRole('button', { name: 'Copy as docker run' }).click();
  const command = await page.getByRole('textbox', { name: 'docker run command' }).inputValue();
  expect(command).toContain('docker run');
  expect(command).toContain(original);

  await page.getByRole('link', { name: '← All containers' }).click();
  const run = new RunPage(page);
  await run.open();
  await page.getByRole('textbox', { name: 'Paste a docker run command', exact: true }).fill(command.replace(original, copy));
  await page.getByRole('button', { name: 'Fill form from command' }).click();
  await expect(run.field('Name')).toHaveValue(copy);
  await run.createAndStart();

  await details.expectOn(copy);
  const settings = '{{json .Config.Env}} {{json .Config.Labels}} {{.HostConfig.Memory}} {{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}} {{json .Config.Cmd}}';
  await expect.poll(() => docker.inspect(copy, '{{.State.Running}}')).toBe('true');
  expect(await docker.inspect(copy, settings)).toBe(await docker.inspect(original, settings));
});

test('recreates a container with a changed environment, after a preview of exactly what differs', async ({ containersPage, docker, names, testEnv, page }) => {
  const name = names.name('recreated');
  await docker.run(['run', '-d', '--name', name, '-e', 'MODE=demo', '-l', 'team=core', '-m', '72m', testEnv.image, 'sleep', '3600']);
  const oldId = await docker.inspect(name, '{{.Id}}');
  await containersPage.row(name).getByRole('link', { name, exact: true }).click();
  const details = new ContainerDetailsPage(page);
  await details.expectOn(name);

  await page.getByRole('button', { name: 'Recreate with changes' }).click();
  const settings = page.getByRole('form', { name: 'Recreate settings' });
  const environment = settings.getByRole('textbox', { name: 'Environment', exact: true });
  await expect(environment).toHaveValue(/MODE=demo/);
  await environment.fill('MODE=production');
  await expect(page.getByRole('list', { name: 'Changes' })).toContainText('Environment MODE: demo → production');
  await settings.getByRole('button', { name: 'Recreate', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Recreate', exact: true }).click();

  // Mid-recreate the original steps aside under another name, so the name is briefly free.
  const currentId = () => docker.inspect(name, '{{.Id}}').catch(() => 'none yet');
  await expect.poll(currentId, { timeout: 15_000 }).not.toMatch(new RegExp(`^(${oldId}|none yet)$`));
  const env = JSON.parse(await docker.inspect(name, '{{json .Config.Env}}')) as string[];
  expect(env).toContain('MODE=production');
  expect(env).not.toContain('MODE=demo');
  // Everything else is kept: labels, limits, and it runs again.
  expect(await docker.inspect(name, '{{.Config.Labels.team}} {{.HostConfig.Memory}} {{.State.Running}}')).toBe(`core ${72 * 1024 * 1024} true`);
});
