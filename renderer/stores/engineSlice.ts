import type { EngineStatus } from '../../runtime/api/index.js';
import type { SliceCreator } from './store.js';

/**
 * The link between this UI and the Berth backend (not the engine): IPC never drops, the
 * WebSocket may, and then the app reconnects by itself.
 */
export type BerthLink =
  | { state: 'connecting' }
  | { state: 'connected' }
  | { state: 'reconnecting'; retryInMs: number };

export interface EngineSlice {
  engine: {
    /** The engine as the backend last described it; null until the events stream says. */
    status: EngineStatus | null;
    /** `Date.now()` when `status` arrived, so "retrying in Ns" can count down honestly. */
    statusAt: number;
    link: BerthLink;
    setStatus: (status: EngineStatus | null) => void;
    setLink: (link: BerthLink) => void;
  };
}

export const createEngineSlice: SliceCreator<EngineSlice> = (set) => ({
  engine: {
    status: null,
    statusAt: 0,
    link: { state: 'connecting' },
    setStatus: (status) => set((s) => ({ engine: { ...s.engine, status, statusAt: Date.now() } })),
    setLink: (link) => set((s) => ({ engine: { ...s.engine, link } })),
  },
});
