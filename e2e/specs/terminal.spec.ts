import type { ConsoleMessage } from '@playwright/test';
import { test, expect } from '../fixtures/test.js';
import { ContainerDetailsPage } from '../pages/container-details-page.js';
import { RunPage } from '../pages/run-page.js';
import { TerminalPanel } from '../pages/terminal-panel.js';

test('runs a shell with Interactive + TTY from the form, types into it, and keeps the terminal across a restart', async ({
  containersPage,
  docker,
  names,
  testEnv,
  page,
}) => {
  const refused: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  await expect(containersPage.heading).toBeVisible();
  const name = names.name('it');
  const run = new RunPage(page);
  await run.open();
  await run.fill('Image', testEnv.image);
  await run.fill('Name', name);
  await run.fill('Command', 'sh');
  await page.getByRole('checkbox', { name: 'Interactive', exact: true }).check();
  await page.getByRole('checkbox', { name: 'TTY', exact: true }).check();
  await run.createAndStart();

  // Straight onto the container's terminal, attached to its main process.
  const details = new ContainerDetailsPage(page);
  await details.expectOn(name);
  await expect(details.tabs.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true');
  const terminal = new TerminalPanel(page, name);
  await expect(terminal.status).toHaveText('Connected to the main process: typing goes to it.');
  // $((6*7)): the echoed keystrokes never contain what only the shell's answer does.
  await terminal.typeLine('echo hello-$((6*7))');
  await terminal.expectScreen(/hello-42/);
  expect(await docker.inspect(name, '{{.Config.Tty}} {{.Config.OpenStdin}}')).toBe('true true');

  // Restarted elsewhere: the terminal comes back by itself, and takes input again.
  await docker.run(['restart', '-t', '1', name]);
  await expect(terminal.status).toHaveText('Connected to the main process: typing goes to it.');
  await terminal.typeLine('echo again-$((1+1))');
  await terminal.expectScreen(/again-2/);

  // The shell exits: the container stops, and the page says so.
  await terminal.typeLine('exit 4');
  await expect(terminal.status).toContainText('The main process exited with code 4. The container is not running');
  await expect.poll(() => docker.inspect(name, '{{.State.Running}} {{.State.ExitCode}}')).toBe('false 4');
  expect(refused).toEqual([]);
});

test('opens a shell in a running container, and a new one after exit', async ({ containersPage, docker, names, testEnv, page }) => {
  await expect(containersPage.heading).toBeVisible();
  const name = names.name('exec');
  await docker.run(['run', '-d', '--name', name, testEnv.image, 'sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done']);
  await containersPage.row(name).getByRole('link', { name, exact: true }).click();
  const details = new ContainerDetailsPage(page);
  await details.openTab('Terminal');
  const terminal = new TerminalPanel(page, name);
  // Not started with -it: the tab opens a shell rather than the (silent) main process.
  await expect(terminal.status).toHaveText('Connected to sh: typing goes to it.');
  await terminal.typeLine('echo "$(id -u)" in-$((40+2))');
  await terminal.expectScreen(/0 in-42/);

  // Text from the container is shown as text, never run as HTML.
  await terminal.typeLine(`echo '<img src=x onerror=alert(1)>'`);
  await terminal.expectScreen(/<img src=x onerror=alert\(1\)>\s*\n.*#/);
  await expect(page.locator('.xterm img')).toHaveCount(0);

  // A look at another tab does not end the shell.
  await details.openTab('Overview');
  await details.openTab('Terminal');
  await terminal.typeLine('echo still-$((2*2))');
  await terminal.expectScreen(/still-4/);

  await terminal.typeLine('exit 0');
  await expect(terminal.status).toHaveText('sh exited with code 0. Open a new shell to go on.');
  await terminal.openShell();
  await expect(terminal.status).toHaveText('Connected to sh: typing goes to it.');
  await terminal.typeLine('echo back-$((3+3))');
  await terminal.expectScreen(/back-6/);
});
