import type { WebSocket } from 'ws';
import { toDisposable, type Disposable, type Envelope, type Port } from '../api/index.js';

/** A Port over one WebSocket: one JSON envelope per text frame. */
export function webSocketPort(socket: WebSocket): Port {
  return {
    send(message: Envelope) {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    },
    onMessage(listener): Disposable {
      const onMessage = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
        if (isBinary) {
          listener(undefined); // Answered by the dispatcher as a malformed message.
          return;
        }
        const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
        let message: unknown;
        try {
          message = JSON.parse(text);
        } catch {
          message = text;
        }
        listener(message);
      };
      socket.on('message', onMessage);
      return toDisposable(() => socket.off('message', onMessage));
    },
    onClose(listener): Disposable {
      socket.on('close', listener);
      return toDisposable(() => socket.off('close', listener));
    },
  };
}
