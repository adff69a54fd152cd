import { toDisposable, type Port } from '../../runtime/api/index.js';

/** What the Electron preload exposes as `window.berth`: one channel, nothing else. */
export interface BerthBridge {
  send(message: unknown): void;
  /** Returns the function that removes the listener. */
  onMessage(listener: (message: unknown) => void): () => void;
}

/** The preload's bridge when running inside Berth's Electron window, else null (a browser). */
export function findBridge(target: object): BerthBridge | null {
  if (!('berth' in target)) return null;
  const bridge: unknown = target.berth;
  if (typeof bridge !== 'object' || bridge === null) return null;
  if (!('send' in bridge) || !('onMessage' in bridge)) return null;
  if (typeof bridge.send !== 'function' || typeof bridge.onMessage !== 'function') return null;
  return bridge as BerthBridge;
}

/** The contract's Port over IPC. IPC lives as long as the window, so there is no `onClose`. */
export function createIpcPort(bridge: BerthBridge): Port {
  return {
    send: (message) => bridge.send(message),
    onMessage: (listener) => toDisposable(bridge.onMessage(listener)),
  };
}
