import { expect, type Locator, type Page } from '@playwright/test';
import { LogView } from './log-view.js';

/** `#/logs`: several containers' logs in one view. */
export class LogsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Logs', exact: true });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Logs', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  /** Ticks containers by name (filtering the list to each first). */
  async pick(...names: string[]): Promise<void> {
    for (const name of names) {
      await this.page.getByRole('searchbox', { name: 'Filter containers to pick' }).fill(name);
      await this.page.getByRole('list', { name: 'Containers' }).getByRole('checkbox', { name: new RegExp(`^${name}\\b`) }).check();
    }
    await this.page.getByRole('searchbox', { name: 'Filter containers to pick' }).fill('');
  }

  view(containerCount: number): LogView {
    return new LogView(this.page, `Logs of ${containerCount} containers`);
  }
}
