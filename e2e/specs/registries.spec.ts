import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../scripts/test-env-info.js';
import { startBerthServer, type BerthServer } from '../fixtures/berth-server.js';
import { buildLayeredImage } from '../fixtures/layered-image.js';
import { pushWithLogin } from '../fixtures/registry-push.js';
import { test as base, expect } from '../fixtures/test.js';
import { ContainerDetailsPage } from '../pages/container-details-page.js';
import { ContainersPage } from '../pages/containers-page.js';
import { RegistriesPage } from '../pages/registries-page.js';
import { RunPage } from '../pages/run-page.js';
import { TaskArea } from '../pages/task-area.js';

const serverLog = 'berth-serve-registries';

const test = base.extend<{ ownBerth: BerthServer }>({
  /**
   * A `berth serve` with a data directory and a docker CLI config of its own: it starts with no
   * registry and no login, and what the spec adds or signs in to goes with the directories.
   */
  ownBerth: async ({ testEnv }, use) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-registries-'));
    const server = await startBerthServer(testEnv, serverLog, { dataDir, env: { DOCKER_CONFIG: path.join(dataDir, 'docker-config') } });
    try {
      await use(server);
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

test('adds the Basic-auth registry, signs in, browses to a tag, sees its layers, pulls it with progress and runs it', async ({ page, ownBerth, testEnv, docker, names }) => {
  test.setTimeout(150_000);
  const { basic: registry, username, password } = testEnv.authRegistries;
  // The test image and two layers of random bytes, in the Basic registry and not on the engine.
  const repository = `${names.name('registry')}/app`;
  const reference = `${registry}/${repository}:1`;
  await buildLayeredImage(docker, reference, testEnv.image, 2, 1024);
  await pushWithLogin(testEnv, registry, reference);
  await docker.run(['rmi', reference]);

  // Everything the backend sends the page, to look for the password in afterwards.
  const received: string[] = [];
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => received.push(typeof payload === 'string' ? payload : payload.toString('utf8'))));
  try {
    await new ContainersPage(page).open(ownBerth.url);
    const registries = new RegistriesPage(page);
    await registries.open();
    await expect(page.getByText(/^No registry yet\./)).toBeVisible();

    await registries.add(`http://${registry}`, registry);
    await expect(registries.row(registry)).toContainText('anonymous');
    await expect(await registries.testConnection(registry)).toHaveText(/credentials/);

    // A wrong password is refused next to the password field, and the dialog stays open.
    const dialog = await registries.signIn(registry, username, 'not-the-password');
    const passwordField = dialog.getByLabel('Password or token', { exact: true });
    await expect(passwordField).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByRole('alert')).toHaveText(/^Wrong credentials for/);
    await expect(passwordField).toHaveValue('');

    await registries.signIn(registry, username, password);
    await expect(dialog).toBeHidden();
    await expect(registries.row(registry)).toContainText(`signed in as ${username} (this session only)`);
    await expect(await registries.testConnection(registry)).toHaveText(/reachable|signed in/i);

    await registries.browse(registry);
    await registries.filterRepositories(names.prefix);
    await registries.repositoryLink(repository).click();
    await registries.tagLink(repository, '1').click();
    const manifest = registries.manifest(reference);
    await expect(manifest.getByRole('heading', { name: `${repository}:1`, exact: true })).toBeVisible();
    // Busybox's layer and the two of 1 MiB of random bytes (which gzip cannot shrink), each with its digest and size.
    const layers = registries.layerRows(reference);
    await expect(layers).toHaveCount(3);
    for (const layer of await layers.all()) {
      await expect(layer.getByRole('cell').nth(0)).toHaveText(/^sha256:[0-9a-f]{64}$/);
      await expect(layer.getByRole('cell').nth(1)).toHaveText(/^1(\.\d+)? MiB$/);
    }
    await expect(manifest.getByText(/^3(\.\d+)? MiB \(\d+ bytes, compressed\)$/)).toBeVisible();

    await registries.pullButton(reference).click();
    const tasks = new TaskArea(page);
    await tasks.open();
    await expect(tasks.task('Pull', reference)).toBeVisible();
    await tasks.showLayers('Pull', reference);
    await expect(tasks.overall('Pull', reference)).toHaveAttribute('value', '100', { timeout: 60_000 });
    await expect(tasks.task('Pull', reference)).toContainText('Done');
    await expect(tasks.layers('Pull', reference)).toHaveCount(3);
    await expect(tasks.layers('Pull', reference).filter({ hasText: 'Complete' })).toHaveCount(2);
    expect((await docker.run(['images', '-q', reference])).trim()).not.toBe('');
    await expect(registries.pullButton(reference)).toHaveText('Pull');

    await registries.runLink(reference).click();
    const run = new RunPage(page);
    await expect(run.heading).toBeVisible();
    await expect(run.field('Image')).toHaveValue(reference);
    const name = names.name('from-registry');
    await run.fill('Name', name);
    await run.fill('Command', `sh -c 'trap "exit 0" TERM; while :; do sleep 0.2; done'`);
    await run.createAndStart();
    await new ContainerDetailsPage(page).expectOn(name);
    await expect.poll(() => docker.isRunning(name)).toBe(true);
    expect(await docker.inspect(name, '{{.Config.Image}}')).toBe(reference);

    // The password went to the backend once; nothing came back with it, on the page or in the log.
    expect(received.length).toBeGreaterThan(0);
    expect(received.filter((frame) => frame.includes(password))).toEqual([]);
    expect(await page.content()).not.toContain(password);
    expect(await readFile(path.join(repoRoot, 'test-results', `${serverLog}.log`), 'utf8').catch(() => '')).not.toContain(password);
  } finally {
    await docker.removeContainersStartingWith(names.prefix);
    if ((await docker.run(['images', '-q', reference])).trim() !== '') await docker.run(['rmi', reference]);
  }
});
