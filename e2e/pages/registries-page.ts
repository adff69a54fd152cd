import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Registries page as a person sees it: one row per registry (named by it) with Test
 * connection, Sign in / Sign out, Browse and Remove, the Add registry form, the sign-in dialog;
 * and a registry's browser: its repositories (filterable), a repository's tags, a tag's manifest
 * with Pull, Run and Delete.
 */
export class RegistriesPage {
  readonly heading: Locator;
  readonly addForm: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Registries' });
    this.addForm = page.getByRole('form', { name: 'Add registry' });
  }

  /** Goes to Registries from the sidebar, as a person would. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Registries', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  row(registry: string): Locator {
    return this.page.getByRole('row', { name: registry, exact: true });
  }

  /** Types the URL into Add registry and adds it; waits until the form says it was added. */
  async add(url: string, registry: string): Promise<void> {
    await this.addForm.getByRole('textbox', { name: 'URL', exact: true }).fill(url);
    await this.addForm.getByRole('button', { name: 'Add registry', exact: true }).click();
    await expect(this.addForm.getByRole('status')).toHaveText(`Added ${registry}.`);
  }

  async testConnection(registry: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Test connection to ${registry}`, exact: true }).click();
    return this.row(registry).getByRole('status');
  }

  signInDialog(registry: string): Locator {
    return this.page.getByRole('dialog', { name: `Sign in to ${registry}`, exact: true });
  }

  /** Opens Sign in on the row, types the user and password, keeps them for this session only (when asked), and sends them. */
  async signIn(registry: string, username: string, password: string): Promise<Locator> {
    const dialog = this.signInDialog(registry);
    if (!(await dialog.isVisible())) await this.page.getByRole('button', { name: `Sign in to ${registry}`, exact: true }).click();
    await dialog.getByRole('textbox', { name: 'User name', exact: true }).fill(username);
    await dialog.getByLabel('Password or token', { exact: true }).fill(password);
    const sessionOnly = dialog.getByRole('radio', { name: /^For this session only/ });
    if (await sessionOnly.isVisible()) await sessionOnly.check();
    await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
    return dialog;
  }

  async browse(registry: string): Promise<void> {
    await this.page.getByRole('link', { name: `Browse ${registry}`, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: registry, exact: true })).toBeVisible();
  }

  get repositories(): Locator {
    return this.page.getByRole('region', { name: 'Repositories', exact: true });
  }

  async filterRepositories(text: string): Promise<void> {
    await this.repositories.getByRole('searchbox', { name: 'Filter repositories', exact: true }).fill(text);
  }

  repositoryLink(repository: string): Locator {
    return this.repositories.getByRole('link', { name: repository, exact: true });
  }

  tagLink(repository: string, tag: string): Locator {
    return this.page.getByRole('region', { name: `Tags of ${repository}`, exact: true }).getByRole('link', { name: tag, exact: true });
  }

  /** The manifest pane of `registry/repository:tag`. */
  manifest(reference: string): Locator {
    return this.page.getByRole('region', { name: `Manifest of ${reference}`, exact: true });
  }

  /** The manifest's layer rows (without the header). */
  layerRows(reference: string): Locator {
    return this.manifest(reference).getByRole('table', { name: 'Layers', exact: true }).getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  pullButton(reference: string): Locator {
    return this.manifest(reference).getByRole('button', { name: `Pull ${reference}`, exact: true });
  }

  runLink(reference: string): Locator {
    return this.manifest(reference).getByRole('link', { name: `Run ${reference}`, exact: true });
  }
}
