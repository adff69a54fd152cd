import { BerthClient, DisposableStore, toDisposable, type Disposable, type Port } from '../../runtime/api/index.js';
import { reconnectDelayMs } from '../../runtime/api/backoff.js';
import type { BerthLink } from '../stores/engineSlice.js';

export interface ConnectionOptions {
  /** Resolves with a usable Port, or rejects when the backend cannot be reached. */
  openPort(): Promise<Port & Partial<Disposable>>;
  /** Starts what lives as long as one client (the events subscription); disposed on disconnect. */
  onClient(client: BerthClient): Disposable;
  onLinkChange(link: BerthLink): void;
}

/** The app's link to Berth. `current()` is read at the moment of a call, so it is never stale. */
export interface BerthConnection extends Disposable {
  readonly current: () => BerthClient | null;
}

/**
 * Keeps one BerthClient alive: opens a Port, builds a client on it, and when the Port closes
 * builds a new Port + client after a backoff (250 ms doubling to 5 s), so every subscription is
 * made again from scratch. The backoff resets only once the backend actually answers, so a host
 * that accepts and immediately drops the socket is not hammered.
 */
export function connectToBerth(options: ConnectionOptions): BerthConnection {
  let client: BerthClient | null = null;
  let session: DisposableStore | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isDisposed = false;

  const scheduleReconnect = () => {
    if (isDisposed) return;
    const retryInMs = reconnectDelayMs(attempt++);
    options.onLinkChange({ state: 'reconnecting', retryInMs });
    timer = setTimeout(connect, retryInMs);
  };

  const dropSession = () => {
    session?.dispose();
    session = null;
    client = null;
  };

  const start = (port: Port & Partial<Disposable>) => {
    if (isDisposed) {
      port.dispose?.();
      return;
    }
    const store = new DisposableStore();
    // Added first so that it runs last: subscriptions say goodbye before the socket closes.
    if (port.dispose) store.add(toDisposable(() => port.dispose?.()));
    const fresh = store.add(new BerthClient(port));
    session = store;
    client = fresh;
    // The client fails its calls and streams on close first (it subscribed first); then we retry.
    const onClose = port.onClose?.(() => {
      if (session !== store) return;
      dropSession();
      scheduleReconnect();
    });
    if (onClose) store.add(onClose);
    const firstAnswer = store.add(port.onMessage(() => {
      attempt = 0;
      firstAnswer.dispose();
    }));
    store.add(options.onClient(fresh));
    options.onLinkChange({ state: 'connected' });
  };

  function connect(): void {
    timer = undefined;
    if (isDisposed) return;
    options.openPort().then(start, scheduleReconnect);
  }

  options.onLinkChange({ state: 'connecting' });
  connect();

  return {
    current: () => client,
    dispose() {
      isDisposed = true;
      if (timer !== undefined) clearTimeout(timer);
      dropSession();
    },
  };
}
