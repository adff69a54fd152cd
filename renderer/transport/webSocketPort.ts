import { decodeFrame, toDisposable, type Disposable, type Port, type Utf8 } from '../../runtime/api/index.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const utf8: Utf8 = { encode: (text) => encoder.encode(text), decode: (bytes) => decoder.decode(bytes) };

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
 * socket that is still connecting. Rejects when it closes before opening. JSON envelopes in
 * text frames, both ways; from the host also binary frames for envelopes carrying bytes.
 */
export function openWebSocketPort(url: string, createSocket: (url: string) => WebSocket = (u) => new WebSocket(u)): Promise<ClosablePort> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(url);
    socket.binaryType = 'arraybuffer';
    const messageListeners = new Set<(message: unknown) => void>();
    const closeListeners = new Set<() => void>();
    let isClosed = false;

    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      // Text frames hold JSON envelopes; binary ones envelopes carrying bytes (terminal output).
      const data = event.data;
      const frame = typeof data === 'string' ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
      if (frame === null) return;
      const message = decodeFrame(frame, utf8);
      if (message === undefined) return; // Not an envelope; the client would drop it anyway.
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
