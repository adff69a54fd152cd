import { toDisposable, type BerthClient, type Disposable } from '../../runtime/api/index.js';
import { reconnectDelayMs } from '../../runtime/api/backoff.js';
import type { BerthStore } from '../stores/store.js';

/**
 * Keeps the store's settings live: `settings.watch` says them now, then after every change
 * made in any window or from a shell. Subscribed again with backoff if it ends while the client lives.
 */
export function startSettingsFeed(client: BerthClient, store: BerthStore): Disposable {
  let disposed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let subscription: Disposable | null = null;
  const subscribe = () => {
    timer = undefined;
    if (disposed) return;
    subscription = client.subscribe('settings.watch', {}, {
      onEvent: (settings) => {
        attempt = 0;
        store.getState().settings.set(settings);
      },
      onEnd: again,
      onError: again,
    });
  };
  function again(): void {
    if (disposed) return;
    subscription = null;
    timer = setTimeout(subscribe, reconnectDelayMs(attempt++));
  }
  subscribe();
  return toDisposable(() => {
    disposed = true;
    clearTimeout(timer);
    subscription?.dispose();
  });
}
