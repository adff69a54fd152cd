import { toDisposable, type BerthClient, type Disposable, type NotificationRecord } from '../../../runtime/api/index.js';
import { containerHref } from '../../app/routes.js';
import { keepSubscribed } from '../../transport/keepSubscribed.js';
import { notificationSupport } from './browserNotifications.js';

/**
 * In a browser (`berth serve`), shows each new notification the backend makes with the
 * Notification API, once the user allowed it (the permission is asked by a button, never on
 * load). A click focuses the tab and opens the container. The kept ones a watch starts with are
 * not shown again. In the desktop app this does nothing: its main process shows them.
 */
export function startBrowserNotifications(client: BerthClient, win: Window = window): Disposable {
  if (notificationSupport(win) === 'desktop' || notificationSupport(win) === 'unsupported') return toDisposable(() => undefined);
  return keepSubscribed(() => client, 'notifications.watch', {}, () => (batch) => {
    if (batch.replay) return;
    for (const record of batch.records) show(record, win);
  });
}

function show(record: NotificationRecord, win: Window): void {
  // Asked at each one, so allowing notifications later needs no reload.
  if (notificationSupport(win) !== 'granted') return;
  const BrowserNotification = (win as Window & { Notification: typeof Notification }).Notification;
  // One tag per record: two tabs of Berth make one notification, not two.
  const shown = new BrowserNotification(record.title, { body: record.text, tag: `berth-${record.engineId}-${record.id}` });
  shown.onclick = () => {
    win.focus();
    win.location.hash = containerHref(record.engineId, record.containerId);
    shown.close();
  };
}
