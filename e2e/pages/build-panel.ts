import { expect, type Locator, type Page } from '@playwright/test';

/**
 * "Build an image" on the Images page as a person sees it: Build… opens it; labelled fields,
 * build args as name/value rows, the Build button, the live log, Cancel build, and at the end
 * Run or the failure with the failing step.
 */
export class BuildPanel {
  readonly region: Locator;
  readonly log: Locator;
  readonly status: Locator;
  readonly failure: Locator;
  readonly runLink: Locator;
  readonly cancelButton: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Build an image' });
    this.log = this.region.getByRole('region', { name: 'Build log' });
    this.status = this.region.locator('.build-status-text');
    this.failure = this.region.getByRole('alert');
    this.runLink = this.region.getByRole('link', { name: 'Run', exact: true });
    this.cancelButton = this.region.getByRole('button', { name: 'Cancel build' });
  }

  /** Clicks Build… on the Images page (which must be open). */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Build…' }).click();
    await expect(this.region).toBeVisible();
  }

  field(name: string): Locator {
    return this.region.getByRole('textbox', { name, exact: true });
  }

  async fill(name: string, value: string): Promise<void> {
    await this.field(name).fill(value);
  }

  async addBuildArg(name: string, value: string): Promise<void> {
    await this.region.getByRole('button', { name: 'Add build arg' }).click();
    const rows = await this.region.getByRole('textbox', { name: /^Build arg \d+ name$/ }).count();
    await this.fill(`Build arg ${rows} name`, name);
    await this.fill(`Build arg ${rows} value`, value);
  }

  async build(): Promise<void> {
    await this.region.getByRole('button', { name: 'Build', exact: true }).click();
  }
}
