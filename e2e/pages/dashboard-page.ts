import { expect, type Locator, type Page } from '@playwright/test';

/** One row of `docker system df`, as the Dashboard's disk usage table shows it. */
export interface DiskUsageRow {
  Type: string;
  TotalCount: string;
  Active: string;
  Size: string;
  Reclaimable: string;
}

/**
 * The Dashboard as a person sees it: a section per connected engine (facts, totals, a disk usage
 * table with a Prune… per kind), then Top containers.
 */
export class DashboardPage {
  readonly heading: Locator;
  /** The first (with one engine connected: the only) engine's section. */
  readonly engine: Locator;
  readonly diskUsage: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Dashboard' });
    this.engine = page.getByRole('region', { name: /^Engine / }).first();
    this.diskUsage = this.engine.getByRole('table', { name: 'Disk usage by kind' });
    this.dialog = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  /** What the disk usage table says, row by row, in `docker system df --format '{{json .}}'`'s terms. */
  async diskUsageRows(): Promise<DiskUsageRow[]> {
    await expect(this.diskUsage).toBeVisible();
    const rows: DiskUsageRow[] = [];
    for (const type of ['Images', 'Containers', 'Local Volumes', 'Build Cache']) {
      const row = this.diskUsage.getByRole('row', { name: type, exact: true });
      const cells = await row.getByRole('cell').allInnerTexts();
      rows.push({ Type: type, TotalCount: cells[0] ?? '', Active: cells[1] ?? '', Size: cells[2] ?? '', Reclaimable: cells[3] ?? '' });
    }
    return rows;
  }

  async refreshDiskUsage(): Promise<void> {
    await this.engine.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(this.engine.getByRole('button', { name: 'Refresh', exact: true })).toBeEnabled();
  }

  /** Opens a kind's Prune… dialog (`containers`, `images`, `local volumes`, `build cache`). */
  async openPrune(kind: string): Promise<void> {
    await this.diskUsage.getByRole('button', { name: `Prune ${kind}…`, exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }
}
