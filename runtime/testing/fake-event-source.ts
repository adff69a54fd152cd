// Test-only: an engine connection reduced to what the event log reads (its events and its id).
import { toDisposable, type EngineStatus } from '../api/index.js';
import type { EngineEvent } from '../engine/json/streams.js';

export function fakeEventSource(engineId = 'e1') {
  const listeners = new Set<(event: EngineEvent) => void>();
  return {
    status: { engineId } as EngineStatus,
    onEngineEvent(listener: (event: EngineEvent) => void) {
      listeners.add(listener);
      return toDisposable(() => listeners.delete(listener));
    },
    /** Sends one event as the engine would; `timeNano` from `timeMs` when given. */
    fire(type: string, action: string, id: string, attributes: Record<string, string> = {}, timeMs?: number) {
      const event: EngineEvent = { Type: type, Action: action, Actor: { ID: id, Attributes: attributes }, ...(timeMs === undefined ? {} : { time: Math.floor(timeMs / 1000), timeNano: timeMs * 1e6 }) };
      for (const listener of listeners) listener(event);
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}
