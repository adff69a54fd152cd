import type { VolumeChanged, VolumeSizes, VolumeSummary } from '../../runtime/api/index.js';
import type { SliceCreator } from './store.js';

/** One engine's volumes, kept live by its `volumes.watch` stream while a volumes page is open. */
export interface EngineVolumes {
  /** Keyed by name; unique only within this engine. */
  byName: Record<string, VolumeSummary>;
  /** False until this engine's first list lands. */
  loaded: boolean;
  /**
   * Sizes from the engine's disk usage, asked for after the list (it can take long): `loading`
   * while asked, then each volume's bytes (null: the driver cannot tell; absent: not measured yet,
   * a volume made since).
   */
  sizes: { state: 'idle' | 'loading' | 'loaded' | 'failed'; byName: Record<string, number | null>; error: string | null };
}

export interface VolumesSlice {
  volumes: {
    byEngine: Record<string, EngineVolumes>;
    /** What the user typed into "Filter volumes". */
    filterText: string;
    /** The engine the page shows, or null for every engine. */
    engineFilter: string | null;
    /** One engine's whole list (first, and after a reconnect); its sizes stay until measured again. */
    replaceEngine: (engineId: string, list: readonly VolumeSummary[]) => void;
    /** One volume changed or went. */
    applyChange: (event: VolumeChanged) => void;
    setSizesLoading: (engineId: string) => void;
    setSizes: (sizes: VolumeSizes) => void;
    setSizesFailed: (engineId: string, message: string) => void;
    /** Forgets an engine's volumes (its feed stopped). */
    dropEngine: (engineId: string) => void;
    setFilterText: (text: string) => void;
    setEngineFilter: (engineId: string | null) => void;
  };
}

const noSizes: EngineVolumes['sizes'] = { state: 'idle', byName: {}, error: null };
const emptyEngine: EngineVolumes = { byName: {}, loaded: false, sizes: noSizes };

export const createVolumesSlice: SliceCreator<VolumesSlice> = (set) => {
  const updateEngine = (engineId: string, change: (current: EngineVolumes) => EngineVolumes) =>
    set((s) => ({ volumes: { ...s.volumes, byEngine: { ...s.volumes.byEngine, [engineId]: change(s.volumes.byEngine[engineId] ?? emptyEngine) } } }));
  return {
    volumes: {
      byEngine: {},
      filterText: '',
      engineFilter: null,
      replaceEngine: (engineId, list) =>
        updateEngine(engineId, (current) => {
          const byName: Record<string, VolumeSummary> = {};
          for (const volume of list) byName[volume.name] = volume;
          return { ...current, byName, loaded: true };
        }),
      applyChange: (event) =>
        updateEngine(event.engineId, (current) => {
          if (event.volume !== null) return { ...current, byName: { ...current.byName, [event.name]: event.volume } };
          if (!(event.name in current.byName)) return current;
          const byName = { ...current.byName };
          delete byName[event.name];
          return { ...current, byName };
        }),
      setSizesLoading: (engineId) => updateEngine(engineId, (current) => ({ ...current, sizes: { ...current.sizes, state: 'loading', error: null } })),
      setSizes: ({ engineId, sizes }) =>
        updateEngine(engineId, (current) => ({ ...current, sizes: { state: 'loaded', byName: Object.fromEntries(sizes.map((size) => [size.name, size.sizeBytes])), error: null } })),
      setSizesFailed: (engineId, message) => updateEngine(engineId, (current) => ({ ...current, sizes: { ...current.sizes, state: 'failed', error: message } })),
      dropEngine: (engineId) =>
        set((s) => {
          if (!(engineId in s.volumes.byEngine)) return s;
          const byEngine = { ...s.volumes.byEngine };
          delete byEngine[engineId];
          return { volumes: { ...s.volumes, byEngine } };
        }),
      setFilterText: (filterText) => set((s) => ({ volumes: { ...s.volumes, filterText } })),
      setEngineFilter: (engineFilter) => set((s) => ({ volumes: { ...s.volumes, engineFilter } })),
    },
  };
};
