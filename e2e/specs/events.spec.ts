import { expect, test } from '../fixtures/test.js';
import { EventsPage } from '../pages/events-page.js';

const idle = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done'];

test('a container killed from the CLI shows in the Events view within 150 ms, linked to its page', async ({ page, containersPage, docker, names, testEnv }) => {
  void containersPage;
  const name = names.name('killed');
  await docker.run(['run', '-d', '--name', name, testEnv.image, ...idle]);
  const events = new EventsPage(page);
  await events.open();
  await events.filterByName(name);
  // The kept events come first: its create and start, from before the page was open.
  await expect(events.row('container', 'start', name)).toBeVisible();
  await expect(events.row('container', 'create', name)).toBeVisible();

  const seen = await events.whenRowAppears('container', 'die', name);
  await docker.run(['kill', name]);
  const cliReturnedAt = Date.now();
  const rowSeenAt = await seen();
  test.info().annotations.push({ type: 'kill to row (ms)', description: String(rowSeenAt - cliReturnedAt) });
  expect(rowSeenAt - cliReturnedAt, 'from the CLI returning to the row in the page').toBeLessThan(150);
  await expect(events.row('container', 'kill', name)).toBeVisible();

  // Filtering by action leaves only that action; the name links to the container's page.
  await events.filterByAction('die');
  await expect(events.row('container', 'kill', name)).toBeHidden();
  await events.row('container', 'die', name).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('the type filter shows only volume events, from a volume made in a shell', async ({ page, containersPage, docker, names }) => {
  void containersPage;
  const volume = names.name('vol');
  const events = new EventsPage(page);
  await events.open();
  await events.filterByType('volume');
  await docker.run(['volume', 'create', volume]);
  try {
    await expect(events.row('volume', 'create', volume)).toBeVisible();
    await expect(events.table.getByRole('row', { name: /^container / })).toHaveCount(0);
  } finally {
    await docker.run(['volume', 'rm', volume]);
  }
  await expect(events.row('volume', 'destroy', volume)).toBeVisible();
});
