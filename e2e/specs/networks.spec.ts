import { hostIn, freeTestSubnets } from '../../scripts/test-subnets.js';
import { test, expect } from '../fixtures/test.js';
import { ContainerDetailsPage } from '../pages/container-details-page.js';
import { NetworksPage } from '../pages/networks-page.js';

/** A shell that exits at once on SIGTERM (busybox sleep as PID 1 ignores it). */
const idle = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done'];

test('creates a network, connects two containers and sees both with their addresses and aliases, then disconnects one', async ({ containersPage, docker, names, testEnv, page }) => {
  await expect(containersPage.heading).toBeVisible();
  const [subnet = ''] = await freeTestSubnets(1);
  const networkName = names.name('net');
  const web = names.name('web');
  const worker = names.name('worker');
  await docker.run(['run', '-d', '--name', web, testEnv.image, ...idle]);
  await docker.run(['run', '-d', '--name', worker, testEnv.image, ...idle]);
  try {
    const networks = new NetworksPage(page);
    await networks.open();
    await networks.create({ Name: networkName, Subnet: subnet });
    await expect(networks.row(networkName)).toContainText(subnet);
    expect(await docker.run(['network', 'inspect', '-f', '{{(index .IPAM.Config 0).Subnet}}', networkName])).toBe(`${subnet}\n`);

    // One from the network's page, with an alias and a fixed address...
    const network = await networks.openNetwork(networkName);
    await network.connect(web, { aliases: 'api', ipv4: hostIn(subnet, 10) });
    await expect(network.container(web)).toContainText(hostIn(subnet, 10));

    // ...the other from the container's page.
    await page.goto(`${page.url().split('#')[0]}#/containers`);
    await containersPage.row(worker).getByRole('link', { name: worker, exact: true }).click();
    const details = new ContainerDetailsPage(page);
    await details.expectOn(worker);
    await page.getByRole('button', { name: 'Connect to a network…' }).click();
    const dialog = page.getByRole('dialog', { name: `Connect ${worker} to a network` });
    await dialog.getByRole('combobox', { name: 'Network' }).selectOption({ label: `${networkName} (bridge)` });
    await dialog.getByRole('textbox', { name: 'Aliases' }).fill('jobs');
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(dialog).toBeHidden();
    const workerIp = (await docker.inspect(worker, `{{(index .NetworkSettings.Networks "${networkName}").IPAddress}}`)).trim();
    expect(workerIp).toMatch(/^198\.1[89]\./);
    await expect(page.getByRole('table', { name: 'Networks' }).getByRole('row', { name: networkName })).toContainText(workerIp);
    await page.getByRole('table', { name: 'Networks' }).getByRole('link', { name: networkName, exact: true }).click();
    await expect(network.heading).toBeVisible();

    // Both listed, each with the address and the aliases the engine gave it.
    for (const [container, ip, alias] of [
      [web, hostIn(subnet, 10), 'api'],
      [worker, workerIp, 'jobs'],
    ] as const) {
      const row = network.container(container);
      await expect(row).toContainText(ip);
      await expect(row).toContainText(alias);
      await expect(row).toContainText((await docker.inspect(container, '{{.Id}}')).slice(0, 12));
      await expect(row).toContainText(await docker.inspect(container, `{{(index .NetworkSettings.Networks "${networkName}").MacAddress}}`));
    }

    await network.disconnect(worker);
    await expect(network.container(worker)).toHaveCount(0);
    await expect(network.container(web)).toBeVisible();
    const left = await docker.run(['network', 'inspect', '-f', '{{range .Containers}}{{.Name}} {{end}}', networkName]);
    expect(left.trim()).toBe(web);
    await expect(networks.errors).toHaveCount(0);
  } finally {
    await docker.run(['rm', '-f', web, worker]).catch(() => undefined);
    await docker.run(['network', 'rm', networkName]).catch(() => undefined);
  }
});

test('a network made and removed from a shell comes and goes on the Networks page without a reload', async ({ containersPage, docker, names, page }) => {
  await expect(containersPage.heading).toBeVisible();
  const networks = new NetworksPage(page);
  await networks.open();
  const [subnet = ''] = await freeTestSubnets(1);
  const networkName = names.name('shell-net');
  try {
    await docker.run(['network', 'create', '--subnet', subnet, networkName]);
    await expect(networks.row(networkName)).toBeVisible();
    await docker.run(['network', 'rm', networkName]);
    await expect(networks.row(networkName)).toHaveCount(0);
  } finally {
    await docker.run(['network', 'rm', networkName]).catch(() => undefined);
  }
});
