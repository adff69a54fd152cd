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

/** An engine's status as its own events stream last said it. */
export interface LiveStatus {
  status: EngineStatus;
  /** `Date.now()` when it arrived, so "retrying in Ns" can count down honestly. */
  at: number;
}

export interface EngineSlice {
  engine: {
    /**
     * Every engine with an events stream open, by engine id: connecting, connected (its lists
     * are live) or unreachable (its rows are kept, greyed, with the reason). An engine is absent
     * until its stream's first event and again once its stream is closed.
     */
    statuses: Record<string, LiveStatus>;
    link: BerthLink;
    /** Files a status under `engineId` (the engine its stream was opened for), by default its own id. */
    setStatus: (status: EngineStatus, engineId?: string) => void;
    clearStatus: (engineId: string) => void;
    setLink: (link: BerthLink) => void;
  };
}

export const createEngineSlice: SliceCreator<EngineSlice> = (set) => ({
  engine: {
    statuses: {},
    link: { state: 'connecting' },
    setStatus: (status, engineId = status.engineId) =>
      set((s) => ({ engine: { ...s.engine, statuses: { ...s.engine.statuses, [engineId]: { status, at: Date.now() } } } })),
    clearStatus: (engineId) =>
      set((s) => {
        if (!(engineId in s.engine.statuses)) return s;
        const statuses = { ...s.engine.statuses };
        delete statuses[engineId];
        return { engine: { ...s.engine, statuses } };
      }),
    setLink: (link) => set((s) => ({ engine: { ...s.engine, link } })),
  },
});
