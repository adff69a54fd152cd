import type { BrowserWindow, Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import { notificationTargetHash, type Disposable, type NotificationRecord } from '../runtime/api/index.js';

/** What this file needs of the backend: its notifications as they happen (runtime decides which). */
interface NotificationSource {
  onRecord(listener: (record: NotificationRecord) => void): Disposable;
}

/**
 * Shows each notification the backend makes as a system notification; a click brings the window
 * up on the container's page (the renderer's own hash route). Nothing is decided here: which
 * kinds and which events make a notification is runtime's (runtime/services/notifications), and
 * the window never shows one of its own (renderer/features/notifications).
 */
export function showSystemNotifications(
  source: NotificationSource,
  window: () => BrowserWindow | null,
  electron: { Notification: { new (options: NotificationConstructorOptions): ElectronNotification; isSupported(): boolean } },
): Disposable {
  if (!electron.Notification.isSupported()) return { dispose: () => undefined };
  // Held until closed (at most the last 20): a notification nothing refers to can be collected, and its click is lost.
  const held = new Set<ElectronNotification>();
  return source.onRecord((record) => {
    const shown = new electron.Notification({ title: record.title, body: record.text });
    held.add(shown);
    if (held.size > 20) held.delete(held.values().next().value as ElectronNotification);
    shown.on('close', () => held.delete(shown));
    shown.on('click', () => {
      const target = window();
      if (target === null || target.isDestroyed()) return;
      if (target.isMinimized()) target.restore();
      target.show();
      target.focus();
      // The hash is built from encodeURIComponent parts and passed as a JSON string literal: nothing from the engine runs as code.
      void target.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(notificationTargetHash(record))};`);
    });
    shown.show();
  });
}
