import type { NetworkAttachment, NetworksChangedEvent, NetworkSummary } from '../../runtime/api/index.js';
import type { SliceCreator } from './store.js';

/** One engine's networks and which containers are on them, kept live by that engine's events stream. */
export interface EngineNetworks {
  /** Keyed by full id; unique only within this engine. */
  byId: Record<string, NetworkSummary>;
  /** False until this engine's first `networks.list` lands. */
  loaded: boolean;
  /** Every container's attachments, by container id; null until `networks.attachments` lands (it may come after the list). */
  attachments: Record<string, NetworkAttachment[]> | null;
  /**
   * Changes that arrived while a list was in flight, one queue per list (null: that list is not
   * in flight). As for containers: applied in order once the list lands, so neither loses them.
   */
  pendingNetworks: NetworksChangedEvent[] | null;
  pendingAttachments: NetworksChangedEvent[] | null;
}

/**
 * Every engine's networks. Unlike containers and images they are listed only while a view needs
 * them (`want`): the attachments cost the engine a list of every container, which the other
 * pages must not pay for on each connect.
 */
export interface NetworksSlice {
  networks: {
    byEngine: Record<string, EngineNetworks>;
    /** How many mounted views need networks; the engine feeds list them while it is above 0. */
    wanted: number;
    /** Says a view needs networks; call what it answers when the view goes. */
    want: () => () => void;
    filterText: string;
    engineFilter: string | null;
    beginRefresh: (engineId: string) => void;
    replaceNetworks: (engineId: string, list: readonly NetworkSummary[]) => void;
    replaceAttachments: (engineId: string, list: readonly NetworkAttachment[]) => void;
    /** A list failed: what was queued for it is applied to what is held. */
    abortRefresh: (engineId: string) => void;
    applyChange: (event: NetworksChangedEvent) => void;
    dropEngine: (engineId: string) => void;
    setFilterText: (text: string) => void;
    setEngineFilter: (engineId: string | null) => void;
  };
}

const emptyEngine: EngineNetworks = { byId: {}, loaded: false, attachments: null, pendingNetworks: null, pendingAttachments: null };

function patchNetworks(byId: Record<string, NetworkSummary>, event: NetworksChangedEvent): Record<string, NetworkSummary> {
  if (event.networks.length === 0) return byId;
  const next = { ...byId };
  for (const { networkId, network } of event.networks) {
    if (network === null) delete next[networkId];
    else next[networkId] = network;
  }
  return next;
}

function patchAttachments(attachments: Record<string, NetworkAttachment[]>, event: NetworksChangedEvent): Record<string, NetworkAttachment[]> {
  if (event.containers.length === 0) return attachments;
  const next = { ...attachments };
  for (const { containerId, attachments: current } of event.containers) {
    if (current.length === 0) delete next[containerId];
    else next[containerId] = current;
  }
  return next;
}

/** A list of attachments as the slice holds them: by container. */
export function attachmentsByContainer(list: readonly NetworkAttachment[]): Record<string, NetworkAttachment[]> {
  const byContainer: Record<string, NetworkAttachment[]> = {};
  for (const attachment of list) (byContainer[attachment.containerId] ??= []).push(attachment);
  return byContainer;
}

export const createNetworksSlice: SliceCreator<NetworksSlice> = (set) => {
  const updateEngine = (engineId: string, change: (current: EngineNetworks) => EngineNetworks) =>
    set((s) => ({ networks: { ...s.networks, byEngine: { ...s.networks.byEngine, [engineId]: change(s.networks.byEngine[engineId] ?? emptyEngine) } } }));

  return {
    networks: {
      byEngine: {},
      wanted: 0,
      want: () => {
        set((s) => ({ networks: { ...s.networks, wanted: s.networks.wanted + 1 } }));
        let released = false;
        return () => {
          if (released) return;
          released = true;
          set((s) => ({ networks: { ...s.networks, wanted: Math.max(0, s.networks.wanted - 1) } }));
        };
      },
      filterText: '',
      engineFilter: null,
      beginRefresh: (engineId) => updateEngine(engineId, (current) => ({ ...current, pendingNetworks: [], pendingAttachments: [] })),
      replaceNetworks: (engineId, list) =>
        updateEngine(engineId, (current) => {
          const fresh: Record<string, NetworkSummary> = {};
          for (const network of list) fresh[network.id] = network;
          return { ...current, byId: (current.pendingNetworks ?? []).reduce(patchNetworks, fresh), loaded: true, pendingNetworks: null };
        }),
      replaceAttachments: (engineId, list) =>
        updateEngine(engineId, (current) => ({ ...current, attachments: (current.pendingAttachments ?? []).reduce(patchAttachments, attachmentsByContainer(list)), pendingAttachments: null })),
      abortRefresh: (engineId) =>
        updateEngine(engineId, (current) => ({
          ...current,
          byId: (current.pendingNetworks ?? []).reduce(patchNetworks, current.byId),
          attachments: current.attachments === null ? null : (current.pendingAttachments ?? []).reduce(patchAttachments, current.attachments),
          pendingNetworks: null,
          pendingAttachments: null,
        })),
      applyChange: (event) =>
        set((s) => {
          const current = s.networks.byEngine[event.engineId];
          // Not listed (nobody looks): nothing to keep up to date; the next list is fresh anyway.
          if (current === undefined) return s;
          const next: EngineNetworks = {
            ...current,
            byId: current.pendingNetworks === null && current.loaded ? patchNetworks(current.byId, event) : current.byId,
            attachments: current.pendingAttachments === null && current.attachments !== null ? patchAttachments(current.attachments, event) : current.attachments,
            pendingNetworks: current.pendingNetworks === null ? null : [...current.pendingNetworks, event],
            pendingAttachments: current.pendingAttachments === null ? null : [...current.pendingAttachments, event],
          };
          return { networks: { ...s.networks, byEngine: { ...s.networks.byEngine, [event.engineId]: next } } };
        }),
      dropEngine: (engineId) =>
        set((s) => {
          if (!(engineId in s.networks.byEngine)) return s;
          const byEngine = { ...s.networks.byEngine };
          delete byEngine[engineId];
          return { networks: { ...s.networks, byEngine } };
        }),
      setFilterText: (filterText) => set((s) => ({ networks: { ...s.networks, filterText } })),
      setEngineFilter: (engineFilter) => set((s) => ({ networks: { ...s.networks, engineFilter } })),
    },
  };
};
