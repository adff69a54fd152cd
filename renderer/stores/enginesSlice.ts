import type { EngineEntry } from '../../runtime/api/index.js';
import type { SliceCreator } from './store.js';

/** The Engines page's list: every engine Berth knows, found or added, connected or not. */
export interface EnginesSlice {
  engines: {
    /** As `engines.watch` last sent it; null until it has. */
    entries: EngineEntry[] | null;
    setEntries: (entries: EngineEntry[] | null) => void;
  };
}

export const createEnginesSlice: SliceCreator<EnginesSlice> = (set) => ({
  engines: {
    entries: null,
    setEntries: (entries) => set((s) => ({ engines: { ...s.engines, entries } })),
  },
});
