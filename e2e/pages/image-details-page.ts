import { expect, type Locator, type Page } from '@playwright/test';

/** One image's page as a person sees it: its tag as the heading, the layers table, the containers using it, Run. */
export class ImageDetailsPage {
  readonly layers: Locator;
  readonly users: Locator;

  constructor(readonly page: Page) {
    this.layers = page.getByRole('table', { name: 'Layers' });
    this.users = page.getByRole('list', { name: 'Containers using this image' });
  }

  async expectOn(title: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
  }

  /** The layer rows, newest first (the header row left out). */
  layerRows(): Locator {
    return this.layers.getByRole('row').filter({ hasNot: this.page.getByRole('columnheader') });
  }

  showFullStep(step: number): Locator {
    return this.page.getByRole('button', { name: `Show full step ${step}`, exact: true });
  }

  runLink(title: string): Locator {
    return this.page.getByRole('link', { name: `Run ${title}`, exact: true });
  }
}
