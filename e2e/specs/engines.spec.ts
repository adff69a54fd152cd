import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBerthServer, type BerthServer } from '../fixtures/berth-server.js';
import { DockerCli } from '../fixtures/docker-cli.js';
import { SocketProxy } from '../fixtures/socket-proxy.js';
import { test as base, expect } from '../fixtures/test.js';
import { ContainersPage } from '../pages/containers-page.js';
import { EnginesPage } from '../pages/engines-page.js';

interface EngineFixtures {
  /**
   * A `berth serve` of its own on a data directory of its own: the engines this spec adds are
   * saved there, so they never reach the other specs' server, and go with the directory.
   */
  ownBerth: BerthServer;
  /** The docker CLI on the other test engines, each removing this test's containers afterwards. */
  tlsDocker: DockerCli;
  sshDocker: DockerCli;
  podmanDocker: DockerCli;
}

const test = base.extend<EngineFixtures>({
  ownBerth: async ({ testEnv }, use) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-engines-'));
    const server = await startBerthServer(testEnv, 'berth-serve-engines', { dataDir });
    try {
      await use(server);
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  tlsDocker: async ({ testEnv, names }, use) => {
    const cli = DockerCli.onTlsEngine(testEnv);
    try {
      await use(cli);
    } finally {
      await cli.removeContainersStartingWith(names.prefix);
    }
  },
  sshDocker: async ({ testEnv, names }, use) => {
    const cli = DockerCli.onSshEngine(testEnv);
    try {
      await use(cli);
    } finally {
      await cli.removeContainersStartingWith(names.prefix);
    }
  },
  podmanDocker: async ({ testEnv, names }, use) => {
    const cli = DockerCli.onPodman(testEnv);
    try {
      await use(cli);
    } finally {
      await cli.removeContainersStartingWith(names.prefix);
    }
  },
});

/** A process that ends at once on SIGTERM, so a stop does not wait out the engine's 10 s. */
const untilStopped = ['sh', '-c', "trap 'exit 0' TERM; while :; do sleep 1; done"];

test('adds the TLS, ssh and Podman engines, lists their containers with the default engine\'s in one tagged list, and stops one on its own engine', async ({
  page,
  ownBerth,
  testEnv,
  docker,
  tlsDocker,
  sshDocker,
  podmanDocker,
  names,
}) => {
  test.setTimeout(150_000);
  const onDefault = names.name('default');
  const onTls = names.name('tls');
  const onSsh = names.name('ssh');
  const onPodman = names.name('podman');
  await Promise.all([
    docker.run(['run', '-d', '--name', onDefault, testEnv.image, ...untilStopped]),
    tlsDocker.run(['run', '-d', '--name', onTls, testEnv.image, ...untilStopped]),
    sshDocker.run(['run', '-d', '--name', onSsh, testEnv.image, ...untilStopped]),
    podmanDocker.run(['run', '-d', '--name', onPodman, testEnv.image, ...untilStopped]),
  ]);

  const containers = new ContainersPage(page);
  await containers.open(ownBerth.url);
  const engines = new EnginesPage(page);
  await engines.open();
  const defaultEngine = await engines.defaultEngineName();

  await engines.add({
    url: testEnv.tls.url,
    name: 'tls',
    tls: { caPath: path.join(testEnv.tls.certPath, 'ca.pem'), certPath: path.join(testEnv.tls.certPath, 'cert.pem'), keyPath: path.join(testEnv.tls.certPath, 'key.pem') },
  });
  await expect(engines.cell('tls', 'State')).toHaveText('connected');
  await expect(engines.cell('tls', 'Kind')).toHaveText('Docker Engine');
  await expect(engines.cell('tls', 'Version')).toHaveText((await tlsDocker.run(['version', '-f', '{{.Server.Version}}'])).trim());

  await engines.add({ url: testEnv.ssh.url, name: 'ssh', sshConfigPath: testEnv.ssh.config });
  await expect(engines.cell('ssh', 'State')).toHaveText('connected');
  await expect(engines.cell('ssh', 'Version')).toHaveText((await sshDocker.run(['version', '-f', '{{.Server.Version}}'])).trim());

  await engines.add({ url: testEnv.podman.url, name: 'podman' });
  await expect(engines.cell('podman', 'State')).toHaveText('connected');
  await expect(engines.cell('podman', 'Kind')).toHaveText('Podman Engine');
  await expect(engines.errors).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Containers', exact: true }).click();
  await expect(containers.heading).toBeVisible();
  for (const [container, engine] of [
    [onDefault, defaultEngine],
    [onTls, 'tls'],
    [onSsh, 'ssh'],
    [onPodman, 'podman'],
  ] as const) {
    await expect(containers.engineTag(container)).toHaveText(engine);
  }
  await expect(containers.rowsStartingWith(names.prefix)).toHaveCount(4);

  await containers.filterByEngine('tls');
  await expect(containers.row(onTls)).toBeVisible();
  await expect(containers.rowsStartingWith(names.prefix)).toHaveCount(1);
  await containers.filterByEngine('All engines');
  await expect(containers.rowsStartingWith(names.prefix)).toHaveCount(4);

  await containers.stop(onTls);
  await expect.poll(() => tlsDocker.isRunning(onTls), { timeout: 30_000 }).toBe(false);
  await expect(containers.startButton(onTls)).toBeVisible();
  // The stop went to the TLS engine only.
  expect(await docker.isRunning(onDefault)).toBe(true);
  expect(await podmanDocker.isRunning(onPodman)).toBe(true);
  await expect(containers.errors).toHaveCount(0);

  // What this test added, it removes again (from the page, as a person would).
  await engines.open();
  for (const engine of ['tls', 'ssh', 'podman']) await engines.remove(engine);
});

test('an engine that goes away greys only its rows, saying why, and they come back live when it returns', async ({ page, ownBerth, testEnv, docker, names }) => {
  test.setTimeout(90_000);
  // A second way to the same engine: the same containers, listed again under another engine.
  const mirror = await SocketProxy.start(testEnv.engineUrl);
  try {
    const web = names.name('web');
    await docker.run(['run', '-d', '--name', web, testEnv.image, ...untilStopped]);
    const containers = new ContainersPage(page);
    await containers.open(ownBerth.url);
    const engines = new EnginesPage(page);
    await engines.open();
    const defaultEngine = await engines.defaultEngineName();
    await engines.add({ url: mirror.url, name: 'mirror' });
    await expect(engines.cell('mirror', 'State')).toHaveText('connected');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Containers', exact: true }).click();
    const onMirror = containers.rowOn(web, 'mirror');
    const onDefault = containers.rowOn(web, defaultEngine);
    await expect(onMirror).toBeVisible();
    await expect(onDefault).toBeVisible();

    await mirror.down();
    await expect(onMirror.locator('.engine-tag')).toContainText('unreachable');
    await expect(onMirror.locator('.engine-tag')).toHaveAttribute('title', /^mirror: unreachable: /);
    await expect(onMirror.getByRole('button', { name: `Stop ${web}`, exact: true })).toBeDisabled();
    // The other engine's row of the very same container stays live.
    await expect(onDefault.locator('.engine-tag')).not.toContainText('unreachable');
    await expect(onDefault.getByRole('button', { name: `Stop ${web}`, exact: true })).toBeEnabled();

    await mirror.up();
    // Berth retries with backoff (at most 5 s apart) and lists the engine again once it is back.
    await expect(onMirror.locator('.engine-tag')).not.toContainText('unreachable', { timeout: 20_000 });
    await expect(onMirror.getByRole('button', { name: `Stop ${web}`, exact: true })).toBeEnabled();

    await engines.open();
    await engines.remove('mirror');
  } finally {
    await mirror.dispose();
  }
});
