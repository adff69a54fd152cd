/**
 * What the end-to-end tests put on the page's `window` (in init scripts and `page.evaluate`):
 * declared once, so each use reads it typed instead of casting `window`.
 */
declare global {
  interface Window {
    /** Every notification the page made, recorded by `recordNotifications` (pages/settings-page.ts). */
    shownNotifications: { title: string; body: string | undefined; notification: Notification }[];
    /** When the row the events page waits for appeared (pages/events-page.ts). */
    rowSeenAt: Promise<number>;
  }
}

export {};
