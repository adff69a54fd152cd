import { DisposableStore, toDisposable, type BerthClient, type BerthEvent, type Disposable, type EngineStatus } from '../../runtime/api/index.js';
import { reconnectDelayMs } from '../../runtime/api/backoff.js';
import type { BerthStore } from '../stores/store.js';
import { toBerthError } from '../transport/callError.js';
import { listArea, startNetworkFeed } from './networkFeed.js';

/**
 * Keeps one engine's items live: one `events` subscription naming the engine (its first event
 * is the engine's status), that engine's full container and image lists on every `connected`,
 * one container patched per container change, and its images listed again once per images
 * change (the backend sends one per burst), and, while a view wants them, its networks
 * (networkFeed.ts). Everything it writes is that engine's alone, so a
 * slow or dead engine never holds up another's rows. No polling: nothing here runs unless the
 * backend speaks.
 *
 * `engineId` undefined opens the stream on the default engine without naming it: only for the
 * case where the engines list has no default (no engine found), so the status bar can say why.
 */
export function startEngineFeed(client: BerthClient, store: BerthStore, engineId: string | undefined): Disposable {
  const disposables = new DisposableStore();
  let listGeneration = 0;
  let imagesGeneration = 0;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The engine this feed files its status and lists under: the named one, or the one the default stream reports. */
  let filedUnder: string | undefined = engineId;
  disposables.add(toDisposable(() => clearTimeout(retryTimer)));

  const isCurrent = (generation: number, latest: () => number) => generation === latest() && !disposables.isDisposed;
  const listFailed = (what: string, target: string, error: unknown) => {
    const { code, message } = toBerthError(error);
    store.getState().ui.pushNotice({ area: listArea(what), code, message: `Could not list ${what}${engineSuffix(store, target)}: ${message}` });
  };
  const networks = disposables.add(startNetworkFeed(client, store, engineId, listFailed));

  const refreshContainers = (target: string) => {
    // A newer `connected` supersedes a list still in flight: only the last answer counts.
    const generation = ++listGeneration;
    store.getState().containers.beginRefresh(target);
    client.call('containers.list', { all: true }, { engine: engineId }).then(
      (list) => {
        if (isCurrent(generation, () => listGeneration)) store.getState().containers.replaceEngine(target, list);
      },
      (error: unknown) => {
        if (!isCurrent(generation, () => listGeneration)) return;
        store.getState().containers.abortRefresh(target);
        listFailed('containers', target, error);
      },
    );
  };

  const refreshImages = (target: string) => {
    // Each list is asked for after the change it answers: the last one asked for is the truth.
    const generation = ++imagesGeneration;
    client.call('images.list', {}, { engine: engineId }).then(
      (list) => {
        if (isCurrent(generation, () => imagesGeneration)) store.getState().images.replaceEngine(target, list);
      },
      (error: unknown) => {
        if (isCurrent(generation, () => imagesGeneration)) listFailed('images', target, error);
      },
    );
  };

  const onStatus = (status: EngineStatus) => {
    // A stream opened on an engine that is then made the default (or stops being it) may report
    // another engine for a moment; the engines list says so next, and the feed is replaced.
    if (engineId !== undefined && status.endpoint !== null && status.engineId !== engineId) return;
    if (engineId === undefined && filedUnder !== undefined && filedUnder !== status.engineId) store.getState().engine.clearStatus(filedUnder);
    const target = engineId ?? status.engineId;
    filedUnder = target;
    store.getState().engine.setStatus(status, target);
    if (status.state === 'connected') {
      refreshContainers(target);
      refreshImages(target);
    }
    networks.onStatus(target, status.state === 'connected');
  };

  const onEvent = (event: BerthEvent) => {
    attempt = 0;
    if (event.type === 'engine') return onStatus(event.status);
    if (engineId !== undefined && event.engineId !== engineId) return;
    if (event.type === 'images') refreshImages(event.engineId);
    else if (event.type === 'networks') networks.onChange(event);
    else store.getState().containers.applyChange(event);
  };

  let subscription: Disposable | null = null;
  const subscribe = () => {
    retryTimer = undefined;
    if (disposables.isDisposed) return;
    subscription = client.subscribe('events', {}, { onEvent, onEnd: resubscribeLater, onError: resubscribeLater }, { engine: engineId });
  };

  /** What this feed wrote about the engine's state stops being true when its stream stops. */
  const forgetStatus = () => {
    listGeneration++;
    imagesGeneration++;
    networks.forget(filedUnder);
    if (filedUnder === undefined) return;
    store.getState().containers.abortRefresh(filedUnder);
    store.getState().engine.clearStatus(filedUnder);
  };

  // The stream ended or failed while the client may still be alive: subscribe again. If the
  // whole connection closed, the connection disposes us right after this and the timer never fires.
  function resubscribeLater(): void {
    if (disposables.isDisposed) return;
    subscription = null;
    forgetStatus();
    retryTimer = setTimeout(subscribe, reconnectDelayMs(attempt++));
  }

  subscribe();
  disposables.add(
    toDisposable(() => {
      subscription?.dispose();
      forgetStatus();
    }),
  );
  return disposables;
}

/** " of build-server" when several engines are known, so a failed list says whose it was. */
function engineSuffix(store: BerthStore, engineId: string): string {
  const entries = store.getState().engines.entries ?? [];
  if (entries.length < 2) return '';
  const name = entries.find((entry) => entry.engineId === engineId)?.name;
  return name === undefined ? '' : ` of ${name}`;
}
