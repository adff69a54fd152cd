import { expect, type Locator, type Page } from '@playwright/test';

/** One container's page: header actions, tabs, and the Resources editor, as a person sees them. */
export class ContainerDetailsPage {
  readonly tabs: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole('tablist', { name: 'Container details' });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  async openTab(name: 'Overview' | 'Logs' | 'Inspect' | 'Processes' | 'Filesystem changes' | 'Resources' | 'Stats' | 'Terminal'): Promise<void> {
    await this.tabs.getByRole('tab', { name, exact: true }).click();
  }

  region(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  get limitsForm(): Locator {
    return this.page.getByRole('form', { name: 'Edit limits' });
  }

  /** Types a new memory limit (with units, e.g. "48m") and applies it. */
  async setMemoryLimit(value: string): Promise<void> {
    const field = this.limitsForm.getByRole('textbox', { name: 'Memory limit', exact: true });
    await field.fill(value);
    await this.limitsForm.getByRole('button', { name: 'Apply changes' }).click();
  }

  async expectOn(name: string): Promise<void> {
    await expect(this.heading(name)).toBeVisible();
  }
}
