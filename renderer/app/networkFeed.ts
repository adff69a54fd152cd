import type { BerthClient, Disposable, NetworksChangedEvent } from '../../runtime/api/index.js';
import type { BerthStore } from '../stores/store.js';

/** What an engine feed (engineFeed.ts) does about networks, for its one engine. */
export interface NetworkFeed extends Disposable {
  /**
   * The engine's state: once connected (again), its networks are listed if a view wants them,
   * else forgotten (the next view lists them fresh); while not connected, a new view lists nothing.
   */
  onStatus(target: string, isConnected: boolean): void;
  /** A burst of network changes from the engine's events stream. */
  onChange(event: NetworksChangedEvent): void;
  /** The feed's stream stopped: lists in flight no longer count, and what they held back is applied. */
  forget(target: string | undefined): void;
}

/**
 * Networks are listed only while a view wants them (networksSlice.ts `want`), with the same
 * care as containers: changes that arrive while a list is in flight are kept and applied after
 * it. The list and the attachments are asked for at once and land each on its own, so the rows
 * show before the engine has listed every container.
 */
export function startNetworkFeed(client: BerthClient, store: BerthStore, engineId: string | undefined, onFailure: (what: string, target: string, error: unknown) => void): NetworkFeed {
  let generation = 0;
  let connectedTarget: string | null = null;
  let disposed = false;

  const refresh = (target: string) => {
    const mine = ++generation;
    const isCurrent = () => mine === generation && !disposed;
    const networks = () => store.getState().networks;
    networks().beginRefresh(target);
    const failed = (error: unknown) => {
      if (!isCurrent()) return;
      networks().abortRefresh(target);
      onFailure('networks', target, error);
    };
    client.call('networks.list', {}, { engine: engineId }).then((list) => {
      if (isCurrent()) networks().replaceNetworks(target, list);
    }, failed);
    client.call('networks.attachments', {}, { engine: engineId }).then((list) => {
      if (isCurrent()) networks().replaceAttachments(target, list);
    }, failed);
  };

  // The first view that wants networks lists them on every engine already connected.
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.networks.wanted > 0 && previous.networks.wanted === 0 && connectedTarget !== null && state.networks.byEngine[connectedTarget]?.loaded !== true) refresh(connectedTarget);
  });

  return {
    onStatus(target, isConnected) {
      connectedTarget = isConnected ? target : null;
      if (!isConnected) return;
      if (store.getState().networks.wanted > 0) refresh(target);
      else store.getState().networks.dropEngine(target);
    },
    onChange(event) {
      store.getState().networks.applyChange(event);
    },
    forget(target) {
      generation++;
      connectedTarget = null;
      if (target !== undefined && target in store.getState().networks.byEngine) store.getState().networks.abortRefresh(target);
    },
    dispose() {
      disposed = true;
      unsubscribe();
    },
  };
}

/** The notice area of a list that failed. */
export function listArea(what: string): 'containers' | 'images' | 'networks' {
  return what === 'images' || what === 'networks' ? what : 'containers';
}
