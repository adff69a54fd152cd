// Test-only: a BerthClient reaching a running web host (runtime/host) the way a browser does:
// the URL's token traded for the session cookie, then the RPC WebSocket with the host's own
// Origin. Every frame the host sends is handed to `onFrame` as it arrived, before decoding.
import WebSocket from 'ws';
import { BerthClient, decodeFrame, toDisposable, type Disposable, type Port, type Utf8 } from '../api/index.js';

const utf8: Utf8 = { encode: (text) => Buffer.from(text, 'utf8'), decode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };

export interface HostClient extends Disposable {
  client: BerthClient;
}

export async function connectHostClient(port: number, token: string, onFrame: (frame: string) => void = () => undefined): Promise<HostClient> {
  const origin = `http://127.0.0.1:${port}`;
  const response = await fetch(`${origin}/?token=${token}`, { redirect: 'manual' });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (response.status !== 303 || !cookie) throw new Error(`GET /?token=… answered ${response.status} without a session cookie`);
  const socket = new WebSocket(`ws://127.0.0.1:${port}/rpc`, { headers: { Cookie: cookie, Origin: origin } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const portOverSocket: Port = {
    send(message) {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    },
    onMessage(listener) {
      const onMessage = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        onFrame(bytes.toString(isBinary ? 'latin1' : 'utf8'));
        const message = decodeFrame(isBinary ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.toString('utf8'), utf8);
        if (message !== undefined) listener(message);
      };
      socket.on('message', onMessage);
      return toDisposable(() => socket.off('message', onMessage));
    },
  };
  const client = new BerthClient(portOverSocket);
  return {
    client,
    dispose() {
      client.dispose();
      socket.close();
    },
  };
}
