import { expect, type Download, type Locator, type Page } from '@playwright/test';

/**
 * Save… and Load… on the Images page as a person uses them in a browser: choose images in the
 * dialog and download them; choose a file and watch it upload. Its own page object beside
 * ImagesPage, which it needs open first.
 */
export class ImageArchiveActions {
  readonly saveButton: Locator;
  readonly loadButton: Locator;
  readonly dialog: Locator;
  /** What the actions say beside them: progress, the result (status) or an error (alert). */
  readonly status: Locator;
  readonly error: Locator;
  /** The bar of a load in progress. */
  readonly progress: Locator;

  constructor(readonly page: Page) {
    const actions = page.locator('.image-archive');
    this.saveButton = page.getByRole('button', { name: 'Save…', exact: true });
    this.loadButton = page.getByRole('button', { name: 'Load…', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Save images to a tar file' });
    this.status = actions.getByRole('status');
    this.error = actions.getByRole('alert');
    this.progress = actions.getByRole('progressbar', { name: 'Loading images' });
  }

  /** Save…, tick each image by its label, Download: answers the browser's download. */
  async download(labels: readonly string[]): Promise<Download> {
    await this.saveButton.click();
    await expect(this.dialog).toBeVisible();
    for (const label of labels) await this.dialog.getByRole('checkbox', { name: `Save ${label}`, exact: true }).check();
    const download = this.page.waitForEvent('download');
    await this.dialog.getByRole('button', { name: 'Download', exact: true }).click();
    await expect(this.dialog).toBeHidden();
    return download;
  }

  /** Load…, then the file in the browser's file chooser: the upload starts. */
  async load(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.loadButton.click();
    await (await chooser).setFiles(file);
  }
}
