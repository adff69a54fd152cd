import { toDisposable, type Disposable, type Port } from '../../runtime/api/index.js';

/** `WebSocket.OPEN`, spelled out so the port also works with a test double. */
const openState = 1;

/** A Port that can also be closed by its owner (the connection, on shutdown). */
export type ClosablePort = Port & Disposable;

/** The RPC endpoint of `berth serve`, on the origin that served this page (its cookie authenticates). */
export function rpcUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc`;
}

/**
 * Opens a WebSocket and resolves with a Port once it is open, so nothing is ever sent into a
 * socket that is still connecting. Rejects when it closes before opening. One JSON envelope
 * per text frame, both ways.
 */
export function openWebSocketPort(url: string, createSocket: (url: string) => WebSocket = (u) => new WebSocket(u)): Promise<ClosablePort> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(url);
    const messageListeners = new Set<(message: unknown) => void>();
    const closeListeners = new Set<() => void>();
    let isClosed = false;

    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (typeof event.data !== 'string') return; // The host only sends text frames.
      let message: unknown;
      try {
        message = JSON.parse(event.data);
      } catch {
        return; // A frame that is not JSON is not an envelope; the client would drop it anyway.
      }
      for (const listener of [...messageListeners]) listener(message);
    });

    socket.addEventListener('close', () => {
      isClosed = true;
      reject(new Error(`Could not connect to ${url}.`)); // No-op once resolved.
      for (const listener of [...closeListeners]) listener();
      closeListeners.clear();
      messageListeners.clear();
    });

    const port: ClosablePort = {
      send(message) {
        // After a close the client has already failed every call, so dropping is correct.
        if (socket.readyState === openState) socket.send(JSON.stringify(message));
      },
      onMessage(listener) {
        messageListeners.add(listener);
        return toDisposable(() => messageListeners.delete(listener));
      },
      onClose(listener) {
        if (isClosed) {
          queueMicrotask(listener);
          return toDisposable(() => undefined);
        }
        closeListeners.add(listener);
        return toDisposable(() => closeListeners.delete(listener));
      },
      dispose() {
        socket.close();
      },
    };

    socket.addEventListener('open', () => resolve(port), { once: true });
  });
}
