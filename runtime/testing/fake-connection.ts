// Test-only: an engine connection reduced to what live lists read (status, the events stream's
// state, its events), driven by the test. Unit tests of pure logic only; never an engine.
import { toDisposable, type EngineStatus } from '../api/index.js';
import type { EngineEvent } from '../engine/json/streams.js';

export function fakeConnection(engineId = 'e1') {
  const statusListeners = new Set<(status: EngineStatus) => void>();
  const streamListeners = new Set<(isLive: boolean) => void>();
  const eventListeners = new Set<(event: EngineEvent) => void>();
  const writeListeners = new Set<(idOrName: string, action: string) => void>();
  let status = { engineId, state: 'connected' } as EngineStatus;
  let isLive = true;
  return {
    get status() {
      return status;
    },
    get isEventStreamLive() {
      return isLive;
    },
    onStatus(listener: (status: EngineStatus) => void) {
      statusListeners.add(listener);
      return toDisposable(() => statusListeners.delete(listener));
    },
    onEventStreamLive(listener: (isLive: boolean) => void) {
      streamListeners.add(listener);
      return toDisposable(() => streamListeners.delete(listener));
    },
    onEngineEvent(listener: (event: EngineEvent) => void) {
      eventListeners.add(listener);
      return toDisposable(() => eventListeners.delete(listener));
    },
    onContainerWritten(listener: (idOrName: string, action: string) => void) {
      writeListeners.add(listener);
      return toDisposable(() => writeListeners.delete(listener));
    },
    /** Berth's own change to a container, as its engine client tells it once the engine answered. */
    wrote(idOrName: string, action: string) {
      for (const listener of writeListeners) listener(idOrName, action);
    },
    /** The engine goes away (stream closed, then the status), as the connection tells it. */
    drop() {
      isLive = false;
      for (const listener of streamListeners) listener(false);
      status = { ...status, state: 'unreachable' };
      for (const listener of statusListeners) listener(status);
    },
    /** Connected again: the stream opens, then the status says so (the connection's order). */
    reconnect() {
      isLive = true;
      for (const listener of streamListeners) listener(true);
      status = { ...status, state: 'connected' };
      for (const listener of statusListeners) listener(status);
    },
    /** The events stream ends and is asked for again (a resume): the status stays connected. */
    streamGap() {
      isLive = false;
      for (const listener of streamListeners) listener(false);
    },
    streamBack() {
      isLive = true;
      for (const listener of streamListeners) listener(true);
    },
    fire(type: string, action: string, id: string, attributes: Record<string, string> = {}) {
      const event: EngineEvent = { Type: type, Action: action, Actor: { ID: id, Attributes: attributes } };
      for (const listener of eventListeners) listener(event);
    },
  };
}

/** A promise the test settles by hand (an engine answer held back). */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}
