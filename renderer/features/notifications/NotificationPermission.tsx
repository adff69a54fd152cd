import { useState } from 'react';
import { notificationSupport, type NotificationSupport } from './browserNotifications.js';

/**
 * "Allow notifications": asks the browser for permission when the user clicks it, never on load
 * (browsers ignore or penalise a request nobody asked for). Says where notifications stand
 * otherwise; shows nothing in the desktop app, which notifies by itself.
 */
export function NotificationPermission() {
  const [support, setSupport] = useState<NotificationSupport>(() => notificationSupport());
  if (support === 'desktop') return null;
  if (support === 'unsupported') return <span className="notification-permission">This browser cannot show notifications.</span>;
  if (support === 'granted') return <span className="notification-permission">Notifications are on in this browser.</span>;
  if (support === 'denied') return <span className="notification-permission">Notifications are blocked for this page in the browser's site settings.</span>;
  return (
    <button type="button" onClick={() => void Notification.requestPermission().then(() => setSupport(notificationSupport()))}>
      Allow notifications
    </button>
  );
}
