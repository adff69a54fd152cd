import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Events page as a person sees it: the engines' events newest first, one row each (named
 * `TYPE ACTION OBJECT`, e.g. `container die web`), and the Type, Action and Name filters.
 */
export class EventsPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Events' });
    this.table = page.getByRole('table', { name: 'Engine events' });
  }

  /** Goes to Events from the sidebar, as a person would. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  async filterByName(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Filter by name' }).fill(text);
  }

  async filterByAction(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Filter by action' }).fill(text);
  }

  async filterByType(type: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Type' }).selectOption(type);
  }

  /** The row of one event: `container die web`. */
  row(type: string, action: string, objectName: string): Locator {
    return this.table.getByRole('row', { name: `${type} ${action} ${objectName}`, exact: true });
  }

  /**
   * Starts watching the page for a row, in the page itself (no polling from the test): resolves
   * with `Date.now()` in the page at the moment the row is in the DOM, to compare with the
   * test's clock (one machine, one wall clock).
   */
  async whenRowAppears(type: string, action: string, objectName: string): Promise<() => Promise<number>> {
    const label = `${type} ${action} ${objectName}`;
    await this.page.evaluate((wanted) => {
      const found = () => [...document.querySelectorAll('[role="row"]')].some((row) => row.getAttribute('aria-label') === wanted);
      window.rowSeenAt = new Promise<number>((resolve) => {
        if (found()) return resolve(Date.now());
        const observer = new MutationObserver(() => {
          if (!found()) return;
          observer.disconnect();
          resolve(Date.now());
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
      });
    }, label);
    return () => this.page.evaluate(() => window.rowSeenAt);
  }
}
