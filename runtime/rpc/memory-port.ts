import { toDisposable, type Disposable, type Envelope, type Port } from '../api/index.js';

/**
 * Two connected in-process Ports, for `berth api` and tests. Messages are structured-cloned
 * and delivered on a later tick, as a real transport would.
 */
export function createPortPair(): [Port, Port] {
  const listeners: [Set<(message: unknown) => void>, Set<(message: unknown) => void>] = [new Set(), new Set()];
  const make = (self: 0 | 1): Port => ({
    send(message: Envelope) {
      const copy = structuredClone(message);
      setImmediate(() => {
        for (const listener of listeners[self === 0 ? 1 : 0]) listener(copy);
      });
    },
    onMessage(listener): Disposable {
      listeners[self].add(listener);
      return toDisposable(() => listeners[self].delete(listener));
    },
  });
  return [make(0), make(1)];
}
