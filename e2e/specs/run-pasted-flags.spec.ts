import { test, expect } from '../fixtures/test.js';
import { ContainerDetailsPage } from '../pages/container-details-page.js';
import { RunPage } from '../pages/run-page.js';

test('pastes a long real-world docker run line, sees every value in the form, runs it, and the engine and the list agree', async ({ containersPage, docker, names, testEnv, page }) => {
  const name = names.name('webapp');
  const line = [
    `docker run -d --name ${name} --restart unless-stopped`,
    `--health-cmd 'test -d /cache || exit 1' --health-interval 1s --health-timeout 5s --health-retries 3 --health-start-period 1m`,
    '--ulimit nofile=1024:2048 --ulimit nproc=512 --shm-size 128m',
    '--log-driver json-file --log-opt max-size=10m --log-opt max-file=3',
    '--mount type=tmpfs,target=/cache,tmpfs-size=16m,tmpfs-mode=1770',
    '--stop-signal SIGINT --stop-timeout 20 --security-opt no-new-privileges',
    `-e TZ=UTC ${testEnv.image} sleep 3600`,
  ].join(' \\\n  ');

  const run = new RunPage(page);
  await run.open();
  await page.getByRole('textbox', { name: 'Paste a docker run command', exact: true }).fill(line);
  await page.getByRole('button', { name: 'Fill form from command' }).click();

  // Everyday flags in their sections, the rest in the Advanced part, which opened by itself.
  await expect(run.field('Name')).toHaveValue(name);
  await expect(page.getByRole('combobox', { name: 'Restart policy', exact: true })).toHaveValue('unless-stopped');
  await expect(run.field('Health command (--health-cmd)')).toHaveValue('test -d /cache || exit 1');
  await expect(run.field('Health interval (--health-interval)')).toHaveValue('1s');
  await expect(run.field('Health timeout (--health-timeout)')).toHaveValue('5s');
  await expect(run.field('Health retries (--health-retries)')).toHaveValue('3');
  await expect(run.field('Health start period (--health-start-period)')).toHaveValue('1m');
  await expect(run.field('Ulimits (--ulimit)')).toHaveValue('nofile=1024:2048\nnproc=512');
  await expect(run.field('Shared memory size (--shm-size)')).toHaveValue('128m');
  await expect(run.field('Log driver (--log-driver)')).toHaveValue('json-file');
  await expect(run.field('Log options (--log-opt)')).toHaveValue('max-size=10m\nmax-file=3');
  await expect(run.field('Mounts (--mount)')).toHaveValue('type=tmpfs,target=/cache,tmpfs-size=16m,tmpfs-mode=1770');
  await expect(run.field('Stop signal (--stop-signal)')).toHaveValue('SIGINT');
  await expect(run.field('Stop timeout (--stop-timeout)')).toHaveValue('20');
  await expect(run.field('Security options (--security-opt)')).toHaveValue('no-new-privileges');

  await run.createAndStart();
  const details = new ContainerDetailsPage(page);
  await details.expectOn(name);
  await expect.poll(() => docker.inspect(name, '{{.State.Running}}')).toBe('true');

  // What the engine holds is what the line said.
  const held = JSON.parse(
    await docker.inspect(
      name,
      '{"health":{{json .Config.Healthcheck}},"ulimits":{{json .HostConfig.Ulimits}},"shm":{{.HostConfig.ShmSize}},"log":{{json .HostConfig.LogConfig}},"mounts":{{json .HostConfig.Mounts}},"stop":[{{json .Config.StopSignal}},{{.Config.StopTimeout}}],"security":{{json .HostConfig.SecurityOpt}},"restart":{{json .HostConfig.RestartPolicy.Name}}}',
    ),
  ) as unknown;
  expect(held).toEqual({
    health: { Test: ['CMD-SHELL', 'test -d /cache || exit 1'], Interval: 1e9, Timeout: 5e9, StartPeriod: 60e9, Retries: 3 },
    ulimits: [
      { Name: 'nofile', Hard: 2048, Soft: 1024 },
      { Name: 'nproc', Hard: 512, Soft: 512 },
    ],
    shm: 128 * 1024 * 1024,
    log: { Type: 'json-file', Config: { 'max-file': '3', 'max-size': '10m' } },
    mounts: [{ Type: 'tmpfs', Target: '/cache', TmpfsOptions: { SizeBytes: 16 * 1024 * 1024, Mode: 0o1770 } }],
    stop: ['SIGINT', 20],
    security: ['no-new-privileges'],
    restart: 'unless-stopped',
  });

  // The healthcheck runs every second: the list shows the container healthy.
  await page.getByRole('link', { name: '← All containers' }).click();
  await expect(containersPage.row(name).getByText('healthy', { exact: true })).toBeVisible({ timeout: 20_000 });
});
