import { expect, type Locator, type Page } from '@playwright/test';

/** A log view (a container's Logs tab, or the Logs page) as a person sees it: the log, its search, its buttons. */
export class LogView {
  readonly log: Locator;
  readonly rows: Locator;
  readonly searchBox: Locator;
  readonly searchCount: Locator;
  readonly status: Locator;
  readonly currentMatch: Locator;

  constructor(
    readonly page: Page,
    /** The log's accessible name: `Log of NAME` on a container's tab. */
    label: string,
  ) {
    this.log = page.getByRole('log', { name: label, exact: true });
    this.rows = this.log.locator('.log-row');
    this.searchBox = page.getByRole('searchbox', { name: 'Search', exact: true });
    this.searchCount = page.locator('.log-search-count');
    this.status = page.locator('.log-status');
    this.currentMatch = this.log.locator('mark.log-match-current');
  }

  /** The text of every row drawn (the rows in view, and a few either side), top to bottom. */
  async rowTexts(): Promise<string[]> {
    return this.log.evaluate((log) =>
      [...log.querySelectorAll<HTMLElement>('.log-row')]
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map((row) => (row.textContent ?? '').trim()),
    );
  }

  /** The rows that are actually on screen, top to bottom. */
  async visibleRowTexts(): Promise<string[]> {
    return this.log.evaluate((log) => {
      const box = log.getBoundingClientRect();
      return [...log.querySelectorAll<HTMLElement>('.log-row')]
        .filter((row) => {
          const rect = row.getBoundingClientRect();
          return rect.bottom > box.top && rect.top < box.bottom;
        })
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map((row) => (row.textContent ?? '').trim());
    });
  }

  async chooseTail(label: 'Last 1,000' | 'All lines'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Tail', exact: true }).selectOption({ label });
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  async nextMatch(): Promise<void> {
    await this.searchBox.press('Enter');
  }

  async show(option: 'Timestamps' | 'stdout' | 'stderr' | 'Wrap lines', on: boolean): Promise<void> {
    await this.page.getByRole('checkbox', { name: option, exact: true }).setChecked(on);
  }

  /** Focuses the log and presses a key (End, Home, PageUp...). */
  async press(key: string): Promise<void> {
    await this.log.focus();
    await this.log.press(key);
  }

  async expectLineCount(count: number): Promise<void> {
    await expect(this.status).toContainText(`${count.toLocaleString('en-US')} line${count === 1 ? '' : 's'} `);
  }
}
