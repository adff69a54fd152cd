import { test, expect } from '../fixtures/test.js';
import { ContainerDetailsPage } from '../pages/container-details-page.js';
import type { ContainersPage } from '../pages/containers-page.js';
import { LogView } from '../pages/log-view.js';
import { LogsPage } from '../pages/logs-page.js';

/** Opens a container's page from its row and goes to its Logs tab. */
async function openLogsOf(containersPage: ContainersPage, name: string): Promise<LogView> {
  await containersPage.row(name).getByRole('link', { name, exact: true }).click();
  const details = new ContainerDetailsPage(containersPage.page);
  await details.expectOn(name);
  await details.openTab('Logs');
  const view = new LogView(containersPage.page, `Log of ${name}`);
  await expect(view.log).toBeVisible();
  return view;
}

/** The counter in the last row drawn, or 0. */
async function lastCount(view: LogView): Promise<number> {
  const texts = await view.rowTexts();
  const last = texts.at(-1)?.match(/count (\d+)$/);
  return last ? Number(last[1]) : 0;
}

test('follows a container printing a counter and sees new lines arrive', async ({ containersPage, docker, names, testEnv }) => {
  const name = names.name('counter');
  await docker.run(['run', '-d', '--name', name, testEnv.image, 'sh', '-c', 'i=0; while :; do i=$((i+1)); echo "count $i"; sleep 0.2; done']);
  const view = await openLogsOf(containersPage, name);
  await expect.poll(() => lastCount(view)).toBeGreaterThan(0);
  const seen = await lastCount(view);
  // New lines come in by themselves, at the end of the view.
  await expect.poll(() => lastCount(view), { timeout: 10_000 }).toBeGreaterThanOrEqual(seen + 5);
  await expect(view.status).toContainText('following new lines');
  const visible = await view.visibleRowTexts();
  expect(visible.at(-1)).toMatch(/^count \d+$/);
});

test('marks a restart in the log and goes on following', async ({ containersPage, docker, names, testEnv }) => {
  const name = names.name('restarts');
  await docker.run(['run', '-d', '--name', name, testEnv.image, 'sh', '-c', 'trap "exit 3" TERM; echo "run begins"; while :; do sleep 0.2; done']);
  const view = await openLogsOf(containersPage, name);
  await expect.poll(() => view.rowTexts()).toEqual(['run begins']);
  await docker.run(['restart', '-t', '5', name]);
  await expect(view.log.locator('.log-row-mark')).toHaveText(['── Container exited with code 3 ──', '── Container started ──'], { timeout: 20_000 });
  // The new run's line comes after the exit. (Its place beside the start mark is the engine's: the first line may be stamped before the start event.)
  await expect.poll(() => view.rowTexts()).toHaveLength(4);
  const rows = await view.rowTexts();
  expect(rows.filter((row) => row === 'run begins')).toHaveLength(2);
  expect(rows.lastIndexOf('run begins')).toBeGreaterThan(rows.indexOf('── Container exited with code 3 ──'));
  await expect(view.status).toContainText('following new lines');
});

test('searches for a value and shows it highlighted', async ({ containersPage, docker, names, testEnv }) => {
  const name = names.name('items');
  await docker.run(['run', '-d', '--name', name, testEnv.image, 'sh', '-c', 'seq 1 500 | sed "s/^/item /"; sleep 3600']);
  const view = await openLogsOf(containersPage, name);
  await view.expectLineCount(500);
  await view.search('item 250');
  await expect(view.searchCount).toHaveText('1 matching line');
  await view.nextMatch();
  await expect(view.searchCount).toHaveText('1 of 1 matching line');
  await expect(view.currentMatch).toHaveText('item 250');
  await expect(view.currentMatch).toBeInViewport();
  await expect(view.status).toContainText('paused');
});

test('shows a line with HTML and an OSC 52 clipboard write as text, and nothing happens', async ({ containersPage, docker, names, testEnv, page, berth }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: berth.origin });
  await page.evaluate(() => navigator.clipboard.writeText('untouched'));
  const name = names.name('hostile');
  await docker.run([
    'run',
    '-d',
    '--name',
    name,
    testEnv.image,
    'sh',
    '-c',
    `printf '%s\\n' '<img src=x onerror=alert(1)>'; printf 'before\\033]52;c;aGVsbG8=\\007after\\n'; printf '\\033]0;new title\\007\\033[31mred\\033[0m\\n'; sleep 3600`,
  ]);
  const view = await openLogsOf(containersPage, name);
  await expect.poll(() => view.rowTexts()).toEqual(['<img src=x onerror=alert(1)>', 'beforeafter', 'red']);
  await expect(view.log.locator('img')).toHaveCount(0);
  await expect(view.log.getByText('red', { exact: true })).toHaveCSS('color', /rgb/);
  expect(await page.title()).not.toBe('new title');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('untouched');
  expect(dialogs).toEqual([]);
});

test('the Logs page interleaves two containers in engine timestamp order', async ({ containersPage, docker, names, testEnv, page }) => {
  const [first, second] = [names.name('a'), names.name('b')];
  // Ten lines each over four seconds: a slow start of one container still leaves them overlapping.
  const script = (tag: string) => `for i in 1 2 3 4 5 6 7 8 9 10; do echo "${tag} $i"; sleep 0.4; done; sleep 3600`;
  await Promise.all([
    docker.run(['run', '-d', '--name', first, testEnv.image, 'sh', '-c', script('alpha')]),
    docker.run(['run', '-d', '--name', second, testEnv.image, 'sh', '-c', script('beta')]),
  ]);
  await expect(containersPage.row(second)).toBeVisible();
  const logsPage = new LogsPage(page);
  await logsPage.open();
  await logsPage.pick(first, second);
  const view = logsPage.view(2);
  await view.show('Timestamps', true);
  await view.expectLineCount(20);

  // What the engine says, merged by its timestamps: the order the view must show.
  const timestamped = async (container: string) =>
    (await docker.run(['logs', '-t', container])).split('\n').filter(Boolean).map((line) => ({ time: line.slice(0, line.indexOf(' ')), text: line.slice(line.indexOf(' ') + 1) }));
  const merged = [...(await timestamped(first)), ...(await timestamped(second))].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const shown = (await view.rowTexts()).map((row) => row.replace(/^\S+\s+\S+\s+/, ''));
  expect(shown).toEqual(merged.map((line) => line.text));
  // Both containers really are interleaved, not one after the other.
  const isAlpha = (text: string) => text.startsWith('alpha');
  const isBeta = (text: string) => text.startsWith('beta');
  expect(shown.findIndex(isBeta)).toBeLessThan(shown.findLastIndex(isAlpha));
  expect(shown.findIndex(isAlpha)).toBeLessThan(shown.findLastIndex(isBeta));
  // Each line names its container.
  const rows = await view.rowTexts();
  expect(rows.find((row) => row.includes('alpha 1'))).toContain(first.slice(0, 23));
});

test('scrolls a 200,000-line log to its start and back to its end', async ({ containersPage, docker, names, testEnv }) => {
  const name = names.name('long');
  await docker.run(['run', '-d', '--name', name, testEnv.image, 'sh', '-c', 'seq 1 200000; sleep 3600']);
  await expect.poll(async () => (await docker.run(['logs', '--tail', '1', name])).trim(), { timeout: 30_000 }).toBe('200000');
  const view = await openLogsOf(containersPage, name);
  await view.chooseTail('All lines');
  await view.expectLineCount(200_000);
  await expect.poll(async () => (await view.visibleRowTexts()).at(-1)).toBe('200000');

  await view.press('Home');
  await expect.poll(async () => (await view.visibleRowTexts())[0]).toBe('1');
  await expect(view.status).toContainText('paused');
  expect(await view.log.locator('.log-row').count()).toBeLessThan(200);

  await view.press('End');
  await expect.poll(async () => (await view.visibleRowTexts()).at(-1)).toBe('200000');
  await expect(view.status).toContainText('following new lines');
});
