import { findBridge } from '../../transport/ipcPort.js';

/**
 * Where this window's notifications come from: the desktop app shows them itself (Electron's
 * main process), so its window never does; in a browser, the Notification API once the user
 * allowed it; or nowhere (a browser without the API, or the user said no).
 */
export type NotificationSupport = 'desktop' | 'unsupported' | NotificationPermission;

export function notificationSupport(win: Window = window): NotificationSupport {
  if (findBridge(win)) return 'desktop';
  if (!('Notification' in win)) return 'unsupported';
  return (win as Window & { Notification: typeof Notification }).Notification.permission;
}
