import { describe, expect, it } from 'vitest';
import { encodeEnvelope } from '../../runtime/api/index.js';
import { openWebSocketPort, rpcUrl } from './webSocketPort.js';

/** Just enough of a browser WebSocket to drive the port; events are dispatched by the test. */
class FakeSocket extends EventTarget {
  readyState = 0;
  readonly sent: string[] = [];
  constructor(readonly url: string) {
    super();
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.closeNow();
  }
  open(): void {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  receive(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  closeNow(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.dispatchEvent(new Event('close'));
  }
}

function opening() {
  let socket: FakeSocket | undefined;
  const port = openWebSocketPort('ws://127.0.0.1:7070/rpc', (url) => {
    socket = new FakeSocket(url);
    return socket as unknown as WebSocket;
  });
  return { port, socket: () => socket! };
}

describe('WebSocket port', () => {
  it('talks to /rpc on the origin that served the page', () => {
    expect(rpcUrl({ protocol: 'http:', host: '127.0.0.1:7070' })).toBe('ws://127.0.0.1:7070/rpc');
    expect(rpcUrl({ protocol: 'https:', host: 'berth.local' })).toBe('wss://berth.local/rpc');
  });

  it('sends one JSON envelope per frame and parses incoming frames', async () => {
    const { port: opened, socket } = opening();
    socket().open();
    const port = await opened;
    const received: unknown[] = [];
    port.onMessage((message) => received.push(message));
    port.send({ kind: 'call', id: 1, method: 'engine.info', params: {} });
    socket().receive('{"kind":"result","id":1,"result":null}');
    socket().receive('not json'); // dropped, not thrown
    socket().receive(new ArrayBuffer(2)); // a binary frame that is not an envelope: dropped
    expect(socket().sent).toEqual(['{"kind":"call","id":1,"method":"engine.info","params":{}}']);
    expect(received).toEqual([{ kind: 'result', id: 1, result: null }]);
  });

  it('reads envelopes carrying bytes from binary frames, bytes intact', async () => {
    const { port: opened, socket } = opening();
    socket().open();
    const port = await opened;
    const received: unknown[] = [];
    port.onMessage((message) => received.push(message));
    const utf8 = { encode: (t: string) => new TextEncoder().encode(t), decode: (b: Uint8Array) => new TextDecoder().decode(b) };
    const frame = encodeEnvelope({ kind: 'event', id: 3, events: [{ type: 'output', data: new Uint8Array([27, 0, 255]) }] }, utf8) as Uint8Array;
    socket().receive(frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength));
    expect(received).toHaveLength(1);
    const data = (received[0] as { events: [{ data: Uint8Array }] }).events[0].data;
    expect(data).toBeInstanceOf(Uint8Array);
    expect([...data]).toEqual([27, 0, 255]);
  });

  it('fires onClose once when the socket closes, and stops sending', async () => {
    const { port: opened, socket } = opening();
    socket().open();
    const port = await opened;
    let closes = 0;
    port.onClose?.(() => closes++);
    socket().closeNow();
    port.send({ kind: 'cancel', id: 1 });
    expect(closes).toBe(1);
    expect(socket().sent).toEqual([]);
  });

  it('rejects when the socket closes before it opens', async () => {
    const { port, socket } = opening();
    socket().closeNow();
    await expect(port).rejects.toThrow('Could not connect to ws://127.0.0.1:7070/rpc.');
  });
});
