import {
  DisposableStore,
  toDisposable,
  type BerthClient,
  type BerthEvent,
  type Disposable,
} from '../../runtime/api/index.js';
import { reconnectDelayMs } from '../../runtime/api/backoff.js';
import type { BerthStore } from '../stores/store.js';
import { toBerthError } from '../transport/callError.js';

/**
 * Keeps the store live for one client: subscribes to `events` first (its first event is the
 * engine status), fetches the full container and image lists on every `connected`, patches one
 * container per container change, and lists images again once per images change (the backend
 * sends one per burst). No polling: nothing here runs unless the backend speaks.
 */
export function startLiveData(client: BerthClient, store: BerthStore): Disposable {
  const disposables = new DisposableStore();
  let listGeneration = 0;
  let imagesGeneration = 0;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  disposables.add(toDisposable(() => clearTimeout(retryTimer)));

  const refreshContainers = () => {
    // A newer `connected` supersedes a list still in flight: only the last answer counts.
    const generation = ++listGeneration;
    const { containers, ui } = store.getState();
    containers.beginRefresh();
    client.call('containers.list', { all: true }).then(
      (list) => {
        if (generation === listGeneration && !disposables.isDisposed) store.getState().containers.replaceAll(list);
      },
      (error: unknown) => {
        if (generation !== listGeneration || disposables.isDisposed) return;
        store.getState().containers.abortRefresh();
        const { code, message } = toBerthError(error);
        ui.pushNotice({ area: 'containers', code, message: `Could not list containers: ${message}` });
      },
    );
  };

  const refreshImages = () => {
    // Each list is asked for after the change it answers: the last one asked for is the truth.
    const generation = ++imagesGeneration;
    client.call('images.list', {}).then(
      (list) => {
        if (generation === imagesGeneration && !disposables.isDisposed) store.getState().images.replaceAll(list);
      },
      (error: unknown) => {
        if (generation !== imagesGeneration || disposables.isDisposed) return;
        const { code, message } = toBerthError(error);
        store.getState().ui.pushNotice({ area: 'images', code, message: `Could not list images: ${message}` });
      },
    );
  };

  const onEvent = (event: BerthEvent) => {
    attempt = 0;
    const { engine, containers } = store.getState();
    if (event.type === 'engine') {
      engine.setStatus(event.status);
      if (event.status.state === 'connected') {
        refreshContainers();
        refreshImages();
      }
      return;
    }
    if (event.type === 'images') refreshImages();
    else containers.applyChange(event);
  };

  let subscription: Disposable | null = null;
  const subscribe = () => {
    retryTimer = undefined;
    if (disposables.isDisposed) return;
    subscription = client.subscribe('events', {}, { onEvent, onEnd: resubscribeLater, onError: resubscribeLater });
  };

  // The stream ended or failed while the client may still be alive: what we show is no longer
  // known to be true, so say so and subscribe again. If the whole connection closed, the
  // connection disposes us right after this and the timer never fires.
  function resubscribeLater(): void {
    if (disposables.isDisposed) return;
    subscription = null;
    listGeneration++;
    imagesGeneration++;
    store.getState().containers.abortRefresh();
    store.getState().engine.setStatus(null);
    retryTimer = setTimeout(subscribe, reconnectDelayMs(attempt++));
  }

  subscribe();
  disposables.add(toDisposable(() => subscription?.dispose()));
  return disposables;
}
