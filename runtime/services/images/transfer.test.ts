import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BerthError, TransferProgress } from '../../api/index.js';
import { captureLog, clientRefusingStreams, clientStreaming } from '../../testing/streaming-client.js';
import { pullImage } from './pull.js';
import { followTransfer } from './transfer.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const downloading = (layer: number, current: number) =>
  `${JSON.stringify({ status: 'Downloading', progressDetail: { current, total: 1_000_000 }, id: `layer${layer}` })}\n`;

describe('followTransfer', () => {
  it('coalesces: thousands of lines over many layers give at most one event per 50 ms, the final state always last', async () => {
    const stream = new PassThrough();
    const events: TransferProgress[] = [];
    const started = performance.now();
    const followed = followTransfer(clientStreaming(stream), stream, 'pull', 'test', (event) => events.push(event));
    for (let step = 1; step <= 200; step++) {
      // 50 layers each move in every chunk.
      stream.write(Array.from({ length: 50 }, (_, layer) => downloading(layer, step * 5000)).join(''));
      await new Promise((resolve) => setImmediate(resolve));
    }
    stream.end();
    await followed;
    const elapsedMs = performance.now() - started;
    expect(events.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 50) + 2);
    const final = events[events.length - 1]!;
    expect(final).toMatchObject({ done: true, percent: 100, layerCount: 50, layersDone: 50, bytesTotal: 50_000_000, bytesDone: 50_000_000 });
    // Every layer arrives, whole, however the lines were coalesced.
    const ids = new Set(events.flatMap((event) => event.layers.map((layer) => layer.id)));
    expect(ids.size).toBe(50);
  });

  it('skips a line it cannot read (counted and logged) and goes on', async () => {
    const logged = captureLog();
    const stream = new PassThrough();
    const events: TransferProgress[] = [];
    const pulled = pullImage(clientStreaming(stream), 'busybox:1.36', (event) => events.push(event));
    stream.write('{"status":"Pulling from library/busybox","id":"1.36"}\n');
    stream.write('garbage that is not JSON\n');
    stream.end('{"status":"Status: Downloaded newer image for busybox:1.36"}');
    await pulled;
    expect(events[events.length - 1]).toMatchObject({ done: true, message: 'Status: Downloaded newer image for busybox:1.36' });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^berth: pull of busybox:1\.36: skipped a line from the engine that Berth cannot read \(1 so far\): .*garbage that is not JSON\n$/);
  });

  it("fails with the engine's own words on an error line inside the answer, after the last state seen", async () => {
    const stream = new PassThrough();
    const events: TransferProgress[] = [];
    const pulled = pullImage(clientStreaming(stream), 'busybox:1.36', (event) => events.push(event));
    stream.write(downloading(1, 10));
    await new Promise((resolve) => setImmediate(resolve));
    stream.write(downloading(1, 20));
    stream.end('{"errorDetail":{"message":"filesystem layer verification failed for digest sha256:abc"},"error":"filesystem layer verification failed for digest sha256:abc"}\n');
    await expect(pulled).rejects.toMatchObject({ code: 'conflict', message: 'filesystem layer verification failed for digest sha256:abc' });
    expect(events[events.length - 1]).toMatchObject({ done: false, layers: [{ id: 'layer1', current: 20 }] });
  });

  it('a refusal before any progress keeps the code of its status: a 404 is not_found, a registry the engine cannot reach or trust (500) is conflict naming the reference', async () => {
    const unknownTag = 'manifest for 127.0.0.1:5000/app:2 not found: manifest unknown: manifest unknown';
    await expect(pullImage(clientRefusingStreams(404, unknownTag), '127.0.0.1:5000/app:2', () => undefined)).rejects.toMatchObject({
      code: 'not_found',
      message: unknownTag,
      details: { status: 404 },
    });
    for (const words of [
      'Get "https://10.213.7.1:5000/v2/": x509: certificate signed by unknown authority',
      'Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused',
    ]) {
      const refused = pullImage(clientRefusingStreams(500, words), '10.213.7.1:5000/app:1', () => undefined);
      await expect(refused).rejects.toMatchObject({ code: 'conflict', message: words, details: { status: 500, field: 'reference' } });
    }
    // A proxy in front of the engine that cannot reach it is still the engine being unreachable.
    const viaProxy = await pullImage(clientRefusingStreams(502, 'Bad Gateway'), 'app:1', () => undefined).catch((error: unknown) => error);
    expect(viaProxy).toMatchObject({ code: 'engine_unreachable', message: 'Bad Gateway' });
    expect((viaProxy as BerthError).details).toEqual({ status: 502 });
  });

  it('refuses an invalid reference before asking the engine, naming the field', async () => {
    const stream = new PassThrough();
    await expect(pullImage(clientStreaming(stream), 'Busybox', () => undefined)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'reference: repository name "Busybox" must be lowercase',
      details: { field: 'reference' },
    });
  });
});
