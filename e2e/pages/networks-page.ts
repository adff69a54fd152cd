import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Networks page and one network's page as a person sees them: a row per network (named by
 * the network), Create network…, and on a network's page its containers table, Connect a
 * container… and Disconnect per container.
 */
export class NetworksPage {
  readonly heading: Locator;
  readonly errors: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Networks' });
    this.errors = page.getByRole('alert');
  }

  /** Goes to Networks from the sidebar, as a person would. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Networks', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.getByRole('row', { name, exact: true });
  }

  /** Create network…, the fields typed (by label), Create; the dialog closes when the engine made it. */
  async create(fields: Record<string, string>): Promise<void> {
    await this.page.getByRole('button', { name: 'Create network…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Create a network' });
    for (const [label, value] of Object.entries(fields)) await dialog.getByRole('textbox', { name: label, exact: true }).fill(value);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens a network's page from its row. */
  async openNetwork(name: string): Promise<NetworkPage> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
    const network = new NetworkPage(this.page, name);
    await expect(network.heading).toBeVisible();
    return network;
  }
}

export class NetworkPage {
  readonly heading: Locator;
  readonly containers: Locator;

  constructor(
    readonly page: Page,
    readonly name: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name, exact: true });
    this.containers = page.getByRole('table', { name: `Containers on ${name}` });
  }

  /** The row of one container in the containers table. */
  container(name: string): Locator {
    return this.containers.getByRole('row', { name, exact: true });
  }

  /** Connect a container…, the container chosen, aliases and a fixed address typed when given. */
  async connect(container: string, { aliases, ipv4 }: { aliases?: string; ipv4?: string } = {}): Promise<void> {
    await this.page.getByRole('button', { name: 'Connect a container…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Connect a container to ${this.name}` });
    await dialog.getByRole('combobox', { name: 'Container' }).selectOption({ label: `${container} (running)` });
    if (aliases !== undefined) await dialog.getByRole('textbox', { name: 'Aliases' }).fill(aliases);
    if (ipv4 !== undefined) await dialog.getByRole('textbox', { name: 'IPv4 address' }).fill(ipv4);
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async disconnect(container: string): Promise<void> {
    await this.container(container).getByRole('button', { name: `Disconnect ${container}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Disconnect ${container} from ${this.name}?` });
    await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
