import type { ContainerChangedEvent, ContainerSummary } from '../../runtime/api/index.js';
import type { SliceCreator } from './store.js';

/** One engine's containers, kept live by that engine's own events stream. */
export interface EngineContainers {
  /** Keyed by full id; unique only within this engine. */
  byId: Record<string, ContainerSummary>;
  /** False until this engine's first full list lands. */
  loaded: boolean;
  /** True while this engine's `containers.list` is in flight. */
  refreshing: boolean;
  /**
   * Changes that arrived while the list was in flight. Applying them on arrival would let the
   * list overwrite them; dropping them would lose them. They are applied, in order, once the
   * list lands. Host messages arrive in order, so the last change per container wins.
   */
  pending: ContainerChangedEvent[];
}

export interface ContainersSlice {
  containers: {
    /** Every engine's containers, by engine id: one engine's list or events never touch another's. */
    byEngine: Record<string, EngineContainers>;
    /** What the user typed into "Filter containers". */
    filterText: string;
    /** The engine the page shows, or null for every engine. */
    engineFilter: string | null;
    /** An engine's full list is about to be requested: buffer its changes until `replaceEngine`. */
    beginRefresh: (engineId: string) => void;
    /** The engine's full list failed: stop buffering and apply what was buffered to what we have. */
    abortRefresh: (engineId: string) => void;
    /** One engine's fresh list; the other engines' containers stay as they are. */
    replaceEngine: (engineId: string, list: readonly ContainerSummary[]) => void;
    /** One change, to the engine the event names. */
    applyChange: (event: ContainerChangedEvent) => void;
    /** Forgets an engine's containers (the engine was disconnected or removed). */
    dropEngine: (engineId: string) => void;
    setFilterText: (text: string) => void;
    setEngineFilter: (engineId: string | null) => void;
  };
}

const emptyEngine: EngineContainers = { byId: {}, loaded: false, refreshing: false, pending: [] };

/** One change applied to a map; returns the same map when nothing changed. */
function patch(byId: Record<string, ContainerSummary>, event: ContainerChangedEvent): Record<string, ContainerSummary> {
  if (event.container === null) {
    if (!(event.containerId in byId)) return byId;
    const next = { ...byId };
    delete next[event.containerId];
    return next;
  }
  return { ...byId, [event.containerId]: event.container };
}

function applyAll(byId: Record<string, ContainerSummary>, events: readonly ContainerChangedEvent[]): Record<string, ContainerSummary> {
  return events.reduce(patch, byId);
}

export const createContainersSlice: SliceCreator<ContainersSlice> = (set) => {
  /** Replaces one engine's entry, leaving every other engine's object (and so its rows) untouched. */
  const updateEngine = (engineId: string, change: (current: EngineContainers) => EngineContainers) =>
    set((s) => ({
      containers: { ...s.containers, byEngine: { ...s.containers.byEngine, [engineId]: change(s.containers.byEngine[engineId] ?? emptyEngine) } },
    }));

  return {
    containers: {
      byEngine: {},
      filterText: '',
      engineFilter: null,
      beginRefresh: (engineId) => updateEngine(engineId, (current) => ({ ...current, refreshing: true })),
      abortRefresh: (engineId) => updateEngine(engineId, (current) => ({ ...current, byId: applyAll(current.byId, current.pending), refreshing: false, pending: [] })),
      replaceEngine: (engineId, list) =>
        updateEngine(engineId, (current) => {
          const fresh: Record<string, ContainerSummary> = {};
          for (const container of list) fresh[container.id] = container;
          return { byId: applyAll(fresh, current.pending), loaded: true, refreshing: false, pending: [] };
        }),
      applyChange: (event) =>
        updateEngine(event.engineId, (current) =>
          current.refreshing ? { ...current, pending: [...current.pending, event] } : { ...current, byId: patch(current.byId, event) },
        ),
      dropEngine: (engineId) =>
        set((s) => {
          if (!(engineId in s.containers.byEngine)) return s;
          const byEngine = { ...s.containers.byEngine };
          delete byEngine[engineId];
          return { containers: { ...s.containers, byEngine } };
        }),
      setFilterText: (filterText) => set((s) => ({ containers: { ...s.containers, filterText } })),
      setEngineFilter: (engineFilter) => set((s) => ({ containers: { ...s.containers, engineFilter } })),
    },
  };
};
