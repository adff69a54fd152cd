import type { Locator, Page } from '@playwright/test';

/** A container's Stats tab: a chart per resource, with its current numbers beside it. */
export class StatsTab {
  constructor(readonly page: Page) {}

  /** The chart of one resource (`CPU`, `Memory`, `Network`, `Block I/O`, `PIDs`). */
  chart(title: string): Locator {
    return this.page.getByRole('figure', { name: `${title} chart`, exact: true });
  }

  /** How many points the chart holds now. */
  async points(title: string): Promise<number> {
    return Number(await this.chart(title).getAttribute('data-points'));
  }

  /** The current numbers of one resource, as shown beside its chart. */
  numbers(title: string): Locator {
    return this.page.getByRole('list', { name: `${title} now`, exact: true });
  }

  /** The chart's canvas as an image, to see it drawn anew. */
  async picture(title: string): Promise<Buffer> {
    return this.chart(title).locator('canvas').screenshot();
  }

  async pickSpan(label: '1 min' | '5 min' | '15 min' | '1 h' | '24 h'): Promise<void> {
    await this.page.getByRole('toolbar', { name: 'Time range' }).getByRole('button', { name: label, exact: true }).click();
  }
}
