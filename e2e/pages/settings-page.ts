import { expect, type Locator, type Page } from '@playwright/test';

/** The Settings page as a person sees it: groups of checkboxes, the theme's radio buttons, number fields with Save. */
export class SettingsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Settings' });
  }

  /** Goes to Settings from the sidebar, as a person would. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  themeChoice(label: 'System' | 'Light' | 'Dark'): Locator {
    return this.page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: label, exact: true });
  }

  async chooseTheme(label: 'System' | 'Light' | 'Dark'): Promise<void> {
    await this.themeChoice(label).check();
    await expect(this.themeChoice(label)).toBeChecked();
  }

  /** The page's background colour as the browser paints it (`rgb(...)`). */
  background(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  }
}

/**
 * Records every `new Notification(...)` the page makes (headless Chromium shows none): to add
 * with `page.addInitScript` before the app loads. `window.shownNotifications` holds each title,
 * body and the notification itself, so a test can click it as a person would.
 */
export function recordNotifications(): void {
  const Original = window.Notification;
  const shown: { title: string; body: string | undefined; notification: Notification }[] = [];
  class Recorded extends Original {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      shown.push({ title, body: options?.body, notification: this });
    }
  }
  Object.defineProperty(Recorded, 'permission', { get: () => Original.permission });
  Object.defineProperty(Recorded, 'requestPermission', { value: (...args: Parameters<typeof Notification.requestPermission>) => Original.requestPermission(...args) });
  Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true, writable: true });
  Object.defineProperty(window, 'shownNotifications', { value: shown });
}
