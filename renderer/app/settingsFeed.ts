import type { BerthClient, Disposable } from '../../runtime/api/index.js';
import { keepSubscribed } from '../transport/keepSubscribed.js';
import type { BerthStore } from '../stores/store.js';

/**
 * Keeps the store's settings live: `settings.watch` says them now, then after every change
 * made in any window or from a shell. Subscribed again with backoff if it ends while the client lives.
 */
export function startSettingsFeed(client: BerthClient, store: BerthStore): Disposable {
  return keepSubscribed(() => client, 'settings.watch', {}, () => (settings) => store.getState().settings.set(settings));
}
