import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Volumes page and a volume's page as a person sees them: a table with one row per volume
 * (its accessible name is the volume's name), Create / Prune / Restore in the header, and on a
 * volume's page its facts, its actions and its files (one row per entry, named by the entry).
 */
export class VolumesPage {
  readonly heading: Locator;
  readonly dialog: Locator;
  readonly transfer: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Volumes' });
    this.dialog = page.getByRole('dialog');
    this.transfer = page.getByRole('status', { name: 'Volume transfer' }).or(page.getByRole('alert', { name: 'Volume transfer' }));
  }

  /** Goes to Volumes from the sidebar, as a person would. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Volumes', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.getByRole('table', { name: 'Volumes' }).getByRole('row', { name, exact: true });
  }

  /** Create volume… with a name, and labels as KEY=VALUE lines. */
  async create(name: string, labels: string[] = []): Promise<void> {
    await this.page.getByRole('button', { name: 'Create volume…', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Create volume' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    if (labels.length > 0) await dialog.getByRole('textbox', { name: 'Labels', exact: true }).fill(labels.join('\n'));
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens a volume's page from its row. */
  async openVolume(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  }

  /** On a volume's page: the row of one entry of the folder shown. */
  file(name: string): Locator {
    return this.page.getByRole('table', { name: /^Files in / }).getByRole('row', { name, exact: true });
  }

  /** Restore backup… (Volumes page) into `name` from `file`, as a browser uploads it. */
  async restore(name: string, file: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Restore backup…', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Restore a backup' });
    await dialog.getByRole('textbox', { name: 'Into volume', exact: true }).fill(name);
    await dialog.getByLabel('Backup file', { exact: true }).setInputFiles(file);
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
