import { test, expect } from '../fixtures/test.js';

/** A container that exits promptly on SIGTERM (busybox sh as PID 1 only reacts to trapped signals). */
const politeSleeper = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done'];

test('pauses and unpauses a container from its menu, and the list says so', async ({ containersPage, docker, names, testEnv, page }) => {
  const name = names.name('napper');
  await docker.run(['run', '-d', '--name', name, testEnv.image, ...politeSleeper]);
  const row = containersPage.row(name);
  await expect(row).toContainText('running');

  await row.getByRole('button', { name: `More actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Pause', exact: true }).click();
  await expect(row).toContainText('paused');
  expect(await docker.inspect(name, '{{.State.Status}}')).toBe('paused');

  await row.getByRole('button', { name: `More actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Unpause', exact: true }).click();
  await expect(row).toContainText('running');
  expect(await docker.inspect(name, '{{.State.Status}}')).toBe('running');
});

test('stops two selected containers at once from the toolbar', async ({ containersPage, docker, names, testEnv, page }) => {
  const first = names.name('one');
  const second = names.name('two');
  for (const name of [first, second]) await docker.run(['run', '-d', '--name', name, testEnv.image, ...politeSleeper]);
  await expect(containersPage.row(second)).toBeVisible();

  await page.getByRole('checkbox', { name: `Select ${first}`, exact: true }).check();
  await page.getByRole('checkbox', { name: `Select ${second}`, exact: true }).check();
  const toolbar = page.getByRole('toolbar', { name: 'Selected containers' });
  await expect(toolbar).toContainText('2 selected');
  await toolbar.getByRole('button', { name: 'Stop', exact: true }).click();

  await expect.poll(async () => [await docker.isRunning(first), await docker.isRunning(second)]).toEqual([false, false]);
  await expect(containersPage.row(first)).toContainText('exited');
  await expect(containersPage.row(second)).toContainText('exited');
});

test('renames a container', async ({ containersPage, docker, names, testEnv, page }) => {
  const name = names.name('before');
  const renamed = names.name('after');
  await docker.run(['run', '-d', '--name', name, testEnv.image, ...politeSleeper]);
  await containersPage.row(name).getByRole('button', { name: `More actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Rename', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'New name' }).fill(renamed);
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();

  await expect(containersPage.row(renamed)).toBeVisible();
  await expect(containersPage.row(name)).toHaveCount(0);
  expect(await docker.exists(renamed)).toBe(true);
});

test('kills a container with the chosen signal', async ({ containersPage, docker, names, testEnv, page }) => {
  const name = names.name('hup');
  await docker.run(['run', '-d', '--name', name, testEnv.image, 'sh', '-c', 'trap "exit 7" HUP; while :; do sleep 0.2; done']);
  await containersPage.row(name).getByRole('button', { name: `More actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Kill', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Signal' }).selectOption('SIGHUP');
  await dialog.getByRole('button', { name: 'Kill', exact: true }).click();

  await expect(containersPage.row(name)).toContainText('exited (7)');
  expect(await docker.inspect(name, '{{.State.ExitCode}}')).toBe('7');
});
