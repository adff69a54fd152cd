import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Containers page as a person sees it: a heading, a filter box, one row per container
 * (its accessible name is the container's name) with Start / Stop / Remove buttons.
 */
export class ContainersPage {
  readonly heading: Locator;
  readonly filterBox: Locator;
  readonly confirmDialog: Locator;
  readonly errors: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Containers' });
    // <input type="search"> is a searchbox; a plain text input with the same label is a textbox.
    this.filterBox = page
      .getByRole('searchbox', { name: 'Filter containers' })
      .or(page.getByRole('textbox', { name: 'Filter containers' }));
    this.confirmDialog = page.getByRole('dialog');
    this.errors = page.getByRole('alert');
  }

  /** Opens the app with its tokened URL and waits for the Containers page. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.heading).toBeVisible();
  }

  row(containerName: string): Locator {
    return this.page.getByRole('row', { name: containerName, exact: true });
  }

  /** Rows whose container name starts with the prefix (a test's own containers). */
  rowsStartingWith(prefix: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(`^${escapeRegExp(prefix)}`) });
  }

  /** A container's row on one engine, when containers of the same name are on several. */
  rowOn(containerName: string, engineName: string): Locator {
    return this.row(containerName).filter({ has: this.page.locator('.engine-tag-name', { hasText: new RegExp(`^${escapeRegExp(engineName)}$`) }) });
  }

  /** The engine tag of a container's row (shown once several engines are known): the engine's name. */
  engineTag(containerName: string): Locator {
    return this.row(containerName).locator('.engine-tag-name');
  }

  /** Chooses an engine by name in the Engine filter, or "All engines". */
  async filterByEngine(engineName: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Engine', exact: true }).selectOption({ label: engineName });
  }

  startButton(containerName: string): Locator {
    return this.page.getByRole('button', { name: `Start ${containerName}`, exact: true });
  }

  stopButton(containerName: string): Locator {
    return this.page.getByRole('button', { name: `Stop ${containerName}`, exact: true });
  }

  removeButton(containerName: string): Locator {
    return this.page.getByRole('button', { name: `Remove ${containerName}`, exact: true });
  }

  async filter(text: string): Promise<void> {
    await this.filterBox.fill(text);
  }

  async start(containerName: string): Promise<void> {
    await this.startButton(containerName).click();
  }

  async stop(containerName: string): Promise<void> {
    await this.stopButton(containerName).click();
  }

  /** Clicks Remove on the row and confirms in the dialog. */
  async remove(containerName: string): Promise<void> {
    await this.removeButton(containerName).click();
    await this.confirmDialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(this.confirmDialog).toBeHidden();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
