import { describe, expect, it } from 'vitest';
import { BerthClient, BerthError, type BerthEvent, type Envelope, type EngineStatus } from '../api/index.js';
import type { ServiceHandlers } from './handlers.js';
import { serveRpc } from './dispatcher.js';
import { createPortPair } from './memory-port.js';

const status: EngineStatus = { engineId: 'e', state: 'connected', endpoint: null, managed: { available: false, running: false, url: 'unix:///x' } };

/** Handlers these tests never reach. */
function unused<const N extends readonly string[]>(names: N): Record<N[number], () => Promise<never>> {
  const result = {} as Record<N[number], () => Promise<never>>;
  for (const name of names) result[name as N[number]] = () => Promise.reject(new Error(`${name} is not used here`));
  return result;
}

/** Fake services: pure logic only, to test the dispatcher's envelope handling. */
function fakeHandlers(log: string[]): ServiceHandlers {
  return {
    methods: {
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
      ...unused([
        'containers.restart', 'containers.kill', 'containers.pause', 'containers.unpause', 'containers.rename', 'containers.prune',
        'containers.inspect', 'containers.top', 'containers.diff', 'containers.update', 'containers.create', 'containers.validateRun',
        'containers.parseRunCommand', 'containers.runCommand', 'containers.recreate', 'images.list', 'terminal.input', 'terminal.resize', 'terminal.flow',
        'images.remove',
      ] as const),
    },
    streams: {
      events: (_params, sink) => {
        sink.emit({ type: 'engine', status } satisfies BerthEvent);
        sink.emit({ type: 'engine', status } satisfies BerthEvent);
        sink.emit({ type: 'engine', status } satisfies BerthEvent);
        return { dispose: () => log.push('stream disposed') };
      },
      ...unused(['containers.stats', 'images.pull', 'containers.attach', 'exec.open'] as const),
    },
  };
}

function setup() {
  const log: string[] = [];
  const [hostPort, clientPort] = createPortPair();
  serveRpc(hostPort, fakeHandlers(log), { batchMs: 5 });
  const received: unknown[] = [];
  clientPort.onMessage((message) => received.push(message));
  return { log, clientPort, received, client: new BerthClient(clientPort) };
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

  it('names unknown methods and maps unknown failures to internal', async () => {
    const { client } = setup();
    await expect(client.call('containers.nope' as never, {} as never)).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.call('containers.remove', { id: 'x' })).rejects.toMatchObject({ code: 'internal', message: 'boom' });
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
});
