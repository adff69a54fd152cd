import { expect, type Locator, type Page } from '@playwright/test';

/** What the Add engine form is filled with; paths are file paths, as a person types them. */
export interface EngineToAdd {
  url: string;
  name: string;
  tls?: { caPath: string; certPath: string; keyPath: string };
  sshConfigPath?: string;
}

/**
 * The Engines page as a person sees it: a table with one row per engine (its accessible name is
 * the engine's name) and the Add engine form.
 */
export class EnginesPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly addForm: Locator;
  readonly errors: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Engines' });
    this.table = page.getByRole('table', { name: 'Engines' });
    this.addForm = page.getByRole('form', { name: 'Add engine' });
    this.errors = page.getByRole('alert');
  }

  /** Goes to Engines from the sidebar, as a person would. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Engines', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  row(engineName: string): Locator {
    return this.table.getByRole('row', { name: engineName, exact: true });
  }

  /** The row's cell under a column, by the column's title (the first column is the row header). */
  cell(engineName: string, column: 'URL' | 'Kind' | 'Version' | 'API' | 'OS/arch' | 'State' | 'Round trip' | 'Default'): Locator {
    const order = ['URL', 'Kind', 'Version', 'API', 'OS/arch', 'State', 'Round trip', 'Default'];
    return this.row(engineName).getByRole('cell').nth(order.indexOf(column));
  }

  /** The name of the engine marked default (requests naming no engine go there). */
  async defaultEngineName(): Promise<string> {
    const row = this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: 'default', exact: true }) });
    return (await row.getByRole('rowheader').innerText()).trim();
  }

  async add(engine: EngineToAdd): Promise<void> {
    await this.addForm.getByRole('textbox', { name: 'URL', exact: true }).fill(engine.url);
    await this.addForm.getByRole('textbox', { name: 'Name (optional)', exact: true }).fill(engine.name);
    if (engine.tls) {
      await this.addForm.getByRole('textbox', { name: 'CA certificate', exact: true }).fill(engine.tls.caPath);
      await this.addForm.getByRole('textbox', { name: 'Client certificate', exact: true }).fill(engine.tls.certPath);
      await this.addForm.getByRole('textbox', { name: 'Client key', exact: true }).fill(engine.tls.keyPath);
    }
    if (engine.sshConfigPath !== undefined) {
      await this.addForm.getByRole('textbox', { name: 'ssh config file (optional)', exact: true }).fill(engine.sshConfigPath);
    }
    await this.addForm.getByRole('button', { name: 'Add engine', exact: true }).click();
    await expect(this.addForm.getByRole('status')).toHaveText(new RegExp(`^Added ${escapeRegExp(engine.name)} `));
  }

  /** Clicks Remove on the engine's row and confirms. */
  async remove(engineName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${engineName}`, exact: true }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(this.row(engineName)).toHaveCount(0);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
