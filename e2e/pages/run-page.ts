import { expect, type Locator, type Page } from '@playwright/test';

/** The "Run a container" form, filled the way a person fills it. */
export class RunPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Run a container' });
  }

  field(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true }).or(this.page.getByRole('combobox', { name, exact: true }));
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Run container', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  async fill(name: string, value: string): Promise<void> {
    await this.field(name).fill(value);
  }

  async addPort(hostPort: string, containerPort: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add port', exact: true }).click();
    await this.page.getByRole('textbox', { name: 'Host port 1', exact: true }).fill(hostPort);
    await this.page.getByRole('textbox', { name: 'Container port 1', exact: true }).fill(containerPort);
  }

  async chooseRestartPolicy(value: 'no' | 'always' | 'unless-stopped' | 'on-failure'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Restart policy', exact: true }).selectOption(value);
  }

  async createAndStart(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create and start', exact: true }).click();
  }
}
