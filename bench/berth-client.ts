import { WebSocket } from 'ws';
import { BerthClient, decodeFrame, toDisposable, type Disposable, type Envelope, type Port, type Utf8 } from '../runtime/api/index.js';

const utf8: Utf8 = { encode: (text) => Buffer.from(text, 'utf8'), decode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };

/**
 * An in-process client of a running `berth serve`, the way a browser reaches it: trade the
 * URL's token for the session cookie (GET /?token=T answers 303 + Set-Cookie), then open the
 * RPC WebSocket with that cookie and the host's own Origin.
 */

export interface ConnectedClient extends Disposable {
  client: BerthClient;
}

export async function connectBerth(hostUrl: string): Promise<ConnectedClient> {
  const url = new URL(hostUrl);
  const response = await fetch(url, { redirect: 'manual' });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (response.status !== 303 || !cookie) throw new Error(`GET ${url.pathname}?token=… answered ${response.status} without a session cookie`);

  const socket = new WebSocket(`ws://${url.host}/rpc`, { headers: { Cookie: cookie, Origin: `http://${url.host}` } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, answer) => reject(new Error(`WebSocket upgrade refused: ${String(answer.statusCode)}`)));
  });
  const client = new BerthClient(webSocketPort(socket));
  return {
    client,
    dispose: () => {
      client.dispose();
      socket.close();
    },
  };
}

/** A Port over a `ws` client socket: JSON envelopes in text frames, envelopes with bytes in binary ones (runtime/api/wire-frames.ts). */
function webSocketPort(socket: WebSocket): Port {
  return {
    send(message: Envelope) {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    },
    onMessage(listener): Disposable {
      const onMessage = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        const message = decodeFrame(isBinary ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.toString('utf8'), utf8);
        if (message !== undefined) listener(message); // Otherwise not an envelope: nothing the client could use.
      };
      socket.on('message', onMessage);
      return toDisposable(() => socket.off('message', onMessage));
    },
    onClose(listener): Disposable {
      const onClose = () => listener();
      socket.on('close', onClose);
      return toDisposable(() => socket.off('close', onClose));
    },
  };
}
