import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { toDisposable, type NotificationRecord } from '../runtime/api/index.js';
import { showSystemNotifications } from './notifications.js';

/** Electron's Notification reduced to what is observed: its options, show, and its events. */
class FakeNotification extends EventEmitter {
  static made: FakeNotification[] = [];
  static isSupported = () => true;
  shown = false;
  constructor(readonly options: { title?: string; body?: string }) {
    super();
    FakeNotification.made.push(this);
  }
  show() {
    this.shown = true;
  }
}

const record: NotificationRecord = { id: 1, kind: 'oom', engineId: 'engine 1', containerId: 'abc', containerName: 'web', timeMs: 0, title: 'web ran out of memory', text: 'The kernel killed it.' };

describe('showSystemNotifications', () => {
  it('shows each record as a system notification; a click brings the window to the container page', () => {
    let tell: (record: NotificationRecord) => void = () => undefined;
    const source = { onRecord: (listener: (record: NotificationRecord) => void) => ((tell = listener), toDisposable(() => (tell = () => undefined))) };
    const ran: string[] = [];
    const calls: string[] = [];
    const window = {
      isDestroyed: () => false,
      isMinimized: () => true,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
      webContents: { executeJavaScript: (code: string) => (ran.push(code), Promise.resolve()) },
    };
    const shown = showSystemNotifications(source, () => window as never, { Notification: FakeNotification as never });
    tell(record);
    const [made] = FakeNotification.made;
    expect(made?.options).toEqual({ title: 'web ran out of memory', body: 'The kernel killed it.' });
    expect(made?.shown).toBe(true);
    made?.emit('click');
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(ran).toEqual(['window.location.hash = "#/containers/engine%201/abc";']);
    shown.dispose();
    tell(record);
    expect(FakeNotification.made).toHaveLength(1);
  });
});
