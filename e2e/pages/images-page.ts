import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Images page as a person sees it: a heading, a filter box, one row per tag (its accessible
 * name is the tag, or `image <short id>` when untagged) with Run and Remove.
 */
export class ImagesPage {
  readonly heading: Locator;
  readonly filterBox: Locator;
  readonly confirmDialog: Locator;
  readonly errors: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Images' });
    this.filterBox = page.getByRole('searchbox', { name: 'Filter images' });
    this.confirmDialog = page.getByRole('dialog');
    this.errors = page.getByRole('alert');
  }

  /** Goes to Images from the sidebar, as a person would. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Images', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  row(tag: string): Locator {
    return this.page.getByRole('row', { name: tag, exact: true });
  }

  runLink(tag: string): Locator {
    return this.page.getByRole('link', { name: `Run ${tag}`, exact: true });
  }

  removeButton(tag: string): Locator {
    return this.page.getByRole('button', { name: `Remove ${tag}`, exact: true });
  }

  async filter(text: string): Promise<void> {
    await this.filterBox.fill(text);
  }

  /** Clicks Remove on the row and confirms in the dialog, with force when asked. */
  async remove(tag: string, { force = false } = {}): Promise<void> {
    await this.removeButton(tag).click();
    if (force) await this.confirmDialog.getByRole('checkbox', { name: /^Force/ }).check();
    await this.confirmDialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(this.confirmDialog).toBeHidden();
  }

  // Pull, Tag and Push (images-transfer).

  /** Opens Pull, types the reference and starts the pull (the dialog closes; the task area shows it). */
  async pull(reference: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Pull', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Pull an image' });
    await dialog.getByRole('textbox', { name: 'Image reference' }).fill(reference);
    await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Tag on the row, the new name typed and confirmed. */
  async tag(tag: string, target: string): Promise<void> {
    await this.page.getByRole('button', { name: `Tag ${tag}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `Tag ${tag}` });
    await dialog.getByRole('textbox', { name: 'New name' }).fill(target);
    await dialog.getByRole('button', { name: 'Tag', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  pushButton(tag: string): Locator {
    return this.page.getByRole('button', { name: `Push ${tag}`, exact: true });
  }
}
