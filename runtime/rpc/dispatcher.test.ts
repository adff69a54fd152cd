import { describe, expect, it } from 'vitest';
import { BerthClient, BerthError, methods, streams, type BerthEvent, type Envelope, type EngineStatus, type MethodName, type StreamName } from '../api/index.js';
import type { ServiceHandlers } from './handlers.js';
import { serveRpc } from './dispatcher.js';
import { createPortPair } from './memory-port.js';

const status: EngineStatus = { engineId: 'e', state: 'connected', endpoint: null, managed: { available: false, running: false, url: 'unix:///x' } };

/** A handler for each name that fails if reached. */
function failing<N extends string>(names: readonly N[]): Record<N, () => Promise<never>> {
  const result = {} as Record<N, () => Promise<never>>;
  for (const name of names) result[name] = () => Promise.reject(new Error(`${name} is not used here`));
  return result;
}

/** Every method and stream of the contract, taken from the contract itself, failing if reached. */
function unreachable(): ServiceHandlers {
  return { methods: failing(Object.keys(methods) as MethodName[]), streams: failing(Object.keys(streams) as StreamName[]) };
}

/** Fake services: pure logic only, to test the dispatcher's envelope handling. */
function fakeHandlers(log: string[]): ServiceHandlers {
  const handlers = unreachable();
  return {
    methods: {
      ...handlers.methods,
      'engine.info': () => Promise.resolve(status),
      'engine.startManaged': () => Promise.reject(new BerthError('conflict', 'nope')),
      'engine.stopManaged': () => Promise.resolve(status),
      'containers.list': (params) => Promise.resolve(params.all ? [] : []),
      'containers.start': (_params, signal) =>
        new Promise((_resolve, reject) => {
          log.push('started');
          signal.addEventListener('abort', () => {
            log.push('aborted');
            reject(new BerthError('cancelled', 'cancelled'));
          });
        }),
      'containers.stop': (params) => {
        log.push(`stop ${params.id} ${String(params.timeoutSeconds)}`);
        return Promise.resolve(null);
      },
      'containers.remove': () => Promise.reject(new Error('boom')),
    },
    streams: {
      ...handlers.streams,
      events: (_params, sink) => {
        sink.emit({ type: 'engine', status } satisfies BerthEvent);
        sink.emit({ type: 'engine', status } satisfies BerthEvent);
        sink.emit({ type: 'engine', status } satisfies BerthEvent);
        return { dispose: () => log.push('stream disposed') };
      },
    },
  };
}

function setup() {
  const log: string[] = [];
  const [hostPort, clientPort] = createPortPair();
  const internalLog: string[] = [];
  serveRpc(hostPort, fakeHandlers(log), { batchMs: 5, logInternal: (line) => internalLog.push(line) });
  const received: unknown[] = [];
  clientPort.onMessage((message) => received.push(message));
  return { log, internalLog, clientPort, received, client: new BerthClient(clientPort) };
}

describe('serveRpc', () => {
  it('rejects malformed params with invalid_argument naming the field', async () => {
    const { client } = setup();
    await expect(client.call('containers.stop', { id: 'web', timeoutSeconds: 'soon' as unknown as number })).rejects.toMatchObject({
      code: 'invalid_argument',
      details: { field: 'timeoutSeconds' },
    });
    await expect(client.call('containers.stop', { id: '' })).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'id' } });
    await expect(client.call('containers.list', { all: true, extra: 1 } as never)).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('answers a malformed message with an error envelope and keeps serving', async () => {
    const { clientPort, received, client, log } = setup();
    clientPort.send({ kind: 'call', id: -1 } as unknown as Envelope);
    clientPort.send('not an envelope' as unknown as Envelope);
    await expect.poll(() => received.length).toBe(2);
    expect(received).toEqual([
      expect.objectContaining({ kind: 'error', id: -1, error: expect.objectContaining({ code: 'invalid_argument' }) as unknown }),
      expect.objectContaining({ kind: 'error', id: null, error: expect.objectContaining({ code: 'invalid_argument' }) as unknown }),
    ]);
    await client.call('containers.stop', { id: 'web', timeoutSeconds: 3 });
    expect(log).toContain('stop web 3');
  });

  it('names unknown methods and maps unknown failures to internal, with a correlation id that is also in the log', async () => {
    const { client, internalLog } = setup();
    await expect(client.call('containers.nope' as never, {})).rejects.toMatchObject({ code: 'not_found' });
    const failure = await client.call('containers.remove', { id: 'x' }).catch((error: unknown) => error as BerthError);
    expect(failure).toMatchObject({ code: 'internal', message: expect.stringMatching(/^boom \(internal error [0-9a-f]{8}: please report it/) as unknown });
    const correlationId = (failure as BerthError).details?.correlationId;
    expect(correlationId).toMatch(/^[0-9a-f]{8}$/);
    expect(internalLog).toHaveLength(1);
    expect(internalLog[0]).toMatch(new RegExp(`^berth: internal error ${String(correlationId)} in containers.remove: boom\\n.*Error: boom`, 's'));
  });

  it('aborts the handler when the caller cancels', async () => {
    const { client, log } = setup();
    const abort = new AbortController();
    const pending = client.call('containers.start', { id: 'x' }, { signal: abort.signal });
    await expect.poll(() => log).toContain('started');
    abort.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    await expect.poll(() => log).toContain('aborted');
  });

  it('sends the first stream event at once, batches the ones right behind it, and tears the stream down on unsubscribe', async () => {
    const { client, received, log } = setup();
    const events: BerthEvent[] = [];
    const subscription = client.subscribe('events', {}, { onEvent: (event) => events.push(event) });
    await expect.poll(() => events.length).toBe(3);
    expect(received.filter((m) => (m as Envelope).kind === 'event').map((m) => (m as { events: unknown[] }).events.length)).toEqual([1, 2]);
    subscription.dispose();
    await expect.poll(() => log).toContain('stream disposed');
  });

  it('holds a stream that uses flow control to a window of unacknowledged events, and goes on as the client acknowledges', async () => {
    const [hostPort, clientPort] = createPortPair();
    let produced = 0;
    let stoppedAfterUnsubscribe = false;
    const handlers = unreachable();
    serveRpc(
      hostPort,
      {
        ...handlers,
        streams: {
          ...handlers.streams,
          'logs.follow': (_params, sink, signal) => {
            void (async () => {
              for (let index = 0; index < 100; index++) {
                sink.emit({ type: 'lines', text: [String(index)], seconds: 0, nanos: [0] });
                produced++;
                await sink.ready();
                if (signal.aborted) {
                  stoppedAfterUnsubscribe = true;
                  return;
                }
              }
              sink.end();
            })();
            return { dispose: () => undefined };
          },
        },
      },
      { batchMs: 1, flowWindow: 4 },
    );
    const envelopes: Extract<Envelope, { kind: 'event' }>[] = [];
    clientPort.onMessage((message) => {
      if ((message as Envelope).kind === 'event') envelopes.push(message as Extract<Envelope, { kind: 'event' }>);
    });
    clientPort.send({ kind: 'subscribe', id: 7, stream: 'logs.follow', params: { id: 'web' } });
    // The first event went before the stream asked for flow control; then a window of 4.
    await expect.poll(() => produced).toBe(5);
    // That the source stays held can only be seen by waiting a while.
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A client that does not acknowledge holds the source: nothing more is read.
    expect(produced).toBe(5);
    expect(envelopes.slice(1).every((envelope) => envelope.ack === true)).toBe(true);
    const unacknowledged = () => envelopes.filter((envelope) => envelope.ack === true).length;
    for (let acked = 0; produced < 20; ) {
      await expect.poll(unacknowledged).toBeGreaterThan(acked);
      for (; acked < unacknowledged(); acked++) clientPort.send({ kind: 'ack', id: 7 });
    }
    expect(envelopes.flatMap((envelope) => envelope.events).length).toBeLessThanOrEqual(produced);
    clientPort.send({ kind: 'unsubscribe', id: 7 });
    await expect.poll(() => stoppedAfterUnsubscribe).toBe(true);
  });

  it('acknowledges flow-controlled events from the typed client, so a stream flows to its end', async () => {
    const [hostPort, clientPort] = createPortPair();
    const handlers = unreachable();
    serveRpc(
      hostPort,
      {
        ...handlers,
        streams: {
          ...handlers.streams,
          'logs.follow': (_params, sink) => {
            void (async () => {
              for (let index = 0; index < 200; index++) {
                sink.emit({ type: 'lines', text: [String(index)], seconds: 0, nanos: [0] });
                await sink.ready();
              }
              sink.end();
            })();
            return { dispose: () => undefined };
          },
        },
      },
      { batchMs: 1, flowWindow: 4 },
    );
    const client = new BerthClient(clientPort);
    const times: string[] = [];
    await new Promise<void>((resolve) => {
      client.subscribe('logs.follow', { id: 'web' }, { onEvent: (event) => event.type === 'lines' && times.push(...event.text), onEnd: resolve });
    });
    expect(times).toEqual(Array.from({ length: 200 }, (_, index) => String(index)));
  });

  it('routes a call and a subscription to the engine they name, the default when none, and refuses an unknown engine', async () => {
    const [hostPort, clientPort] = createPortPair();
    const statusOf = (engineId: string): EngineStatus => ({ ...status, engineId });
    const forEngine = (engineId: string): ServiceHandlers => {
      const handlers = unreachable();
      return {
        methods: { ...handlers.methods, 'engine.info': () => Promise.resolve(statusOf(engineId)) },
        streams: {
          ...handlers.streams,
          events: (_params, sink) => {
            sink.emit({ type: 'engine', status: statusOf(engineId) });
            return { dispose: () => undefined };
          },
        },
      };
    };
    const engines = new Map([['a', forEngine('a')], ['b', forEngine('b')]]);
    const asked: (string | undefined)[] = [];
    serveRpc(hostPort, {
      handlersFor(engine) {
        asked.push(engine);
        const handlers = engines.get(engine ?? 'a');
        if (!handlers) throw new BerthError('not_found', `No engine "${String(engine)}".`);
        return handlers;
      },
    });
    const client = new BerthClient(clientPort);
    expect((await client.call('engine.info', {})).engineId).toBe('a');
    expect((await client.call('engine.info', {}, { engine: 'b' })).engineId).toBe('b');
    await expect(client.call('engine.info', {}, { engine: 'c' })).rejects.toMatchObject({ code: 'not_found', message: 'No engine "c".' });
    const events: BerthEvent[] = [];
    const subscription = client.subscribe('events', {}, { onEvent: (event) => events.push(event) }, { engine: 'b' });
    await expect.poll(() => events).toEqual([{ type: 'engine', status: statusOf('b') }]);
    subscription.dispose();
    expect(asked).toEqual([undefined, 'b', 'c', 'b']);
  });

  it('serving one engine, refuses a request that names any engine instead of answering for another', async () => {
    const { client } = setup();
    await expect(client.call('engine.info', {}, { engine: 'elsewhere' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
