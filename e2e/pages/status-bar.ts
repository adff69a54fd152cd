import type { Locator, Page } from '@playwright/test';

/** The status bar at the bottom of every page: which engine, and whether Berth reaches it. */
export class StatusBar {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('status', { name: 'Engine status' });
  }

  /** "Connected" not preceded by a letter: "Disconnected" does not count; the text right after it may be glued on. */
  static readonly connected = /(?<![A-Za-z])Connected/;
}
