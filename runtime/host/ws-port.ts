import type { WebSocket } from 'ws';
import { encodeEnvelope, toDisposable, type Disposable, type Envelope, type Port, type Utf8 } from '../api/index.js';

const utf8: Utf8 = { encode: (text) => Buffer.from(text, 'utf8'), decode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };

/**
 * A Port over one WebSocket. The client sends one JSON envelope per text frame; the host
 * answers likewise, except envelopes carrying bytes, which go as binary frames (wire-frames.ts).
 */
export function webSocketPort(socket: WebSocket): Port {
  return {
    send(message: Envelope) {
      if (socket.readyState !== socket.OPEN) return;
      const frame = encodeEnvelope(message, utf8);
      socket.send(frame, { binary: typeof frame !== 'string' });
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
