import { expect, type Locator, type Page } from '@playwright/test';

/** The status bar's task area: running and finished pulls and pushes, as a person sees them. */
export class TaskArea {
  readonly toggle: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByRole('button', { name: /^(\d+ tasks? running|Tasks: )/ });
    this.panel = page.getByRole('region', { name: 'Tasks', exact: true });
  }

  /** One task: `Pull REF` or `Push REF`. */
  task(kind: 'Pull' | 'Push', reference: string): Locator {
    return this.panel.getByRole('listitem', { name: `${kind} ${reference}`, exact: true });
  }

  /** The task's overall bar (0 to 100). */
  overall(kind: 'Pull' | 'Push', reference: string): Locator {
    return this.task(kind, reference).getByRole('progressbar', { name: `${kind} of ${reference}`, exact: true });
  }

  /** The one line that says why the task failed. */
  failure(kind: 'Pull' | 'Push', reference: string): Locator {
    return this.task(kind, reference).getByRole('alert');
  }

  /** Its layers' lines, once shown. */
  layers(kind: 'Pull' | 'Push', reference: string): Locator {
    return this.task(kind, reference).getByRole('list', { name: `Layers of ${reference}` }).getByRole('listitem');
  }

  async open(): Promise<void> {
    if ((await this.toggle.getAttribute('aria-expanded')) !== 'true') await this.toggle.click();
    await expect(this.panel).toBeVisible();
  }

  async showLayers(kind: 'Pull' | 'Push', reference: string): Promise<void> {
    await this.task(kind, reference).getByRole('button', { name: 'Show layers', exact: true }).click();
  }

  runLink(reference: string): Locator {
    return this.panel.getByRole('link', { name: `Run ${reference}`, exact: true });
  }

  cancelButton(kind: 'Pull' | 'Push', reference: string): Locator {
    return this.panel.getByRole('button', { name: `Cancel ${kind} ${reference}`, exact: true });
  }
}
