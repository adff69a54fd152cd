import { expect, type Locator, type Page } from '@playwright/test';

/** The Terminal tab of a container's page: read the screen, type into it, as a person does. */
export class TerminalPanel {
  readonly screen: Locator;
  readonly status: Locator;

  constructor(
    readonly page: Page,
    containerName: string,
  ) {
    this.screen = page.getByRole('region', { name: `Terminal of ${containerName}`, exact: true });
    this.status = page.locator('.terminal-status');
  }

  /** What the terminal shows, row by row (xterm renders each row as text). */
  async screenText(): Promise<string> {
    return (await this.screen.locator('.xterm-rows').innerText()).replace(/\u00a0/g, ' ');
  }

  async expectScreen(pattern: RegExp): Promise<void> {
    await expect.poll(() => this.screenText(), { message: `terminal screen should match ${String(pattern)}` }).toMatch(pattern);
  }

  /** Focuses the terminal and types a line followed by Enter. */
  async typeLine(text: string): Promise<void> {
    await this.screen.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  async openShell(command?: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Run a command in the container' });
    if (command !== undefined) await form.getByRole('textbox', { name: 'Command' }).fill(command);
    await form.getByRole('button', { name: /Open (new )?shell/ }).click();
  }
}
