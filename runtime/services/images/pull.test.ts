import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PullProgress } from '../../api/index.js';
import { captureLog, clientStreaming } from '../../testing/streaming-client.js';
import { pullImage } from './pull.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pullImage', () => {
  it('reports the progress around a line it cannot read, which it counts and logs, and finishes the pull', async () => {
    const logged = captureLog();
    const stream = new PassThrough();
    const progress: PullProgress[] = [];
    const pulled = pullImage(clientStreaming(stream), 'busybox:1.36', (line) => progress.push(line));
    stream.write('{"status":"Pulling from library/busybox","id":"1.36"}\n');
    stream.write('{"status":"Downloading","progressDetail":{"current":5,"total":10},"id":"abc"}\n');
    stream.write('garbage that is not JSON\n');
    stream.end('{"status":"Status: Downloaded newer image for busybox:1.36"}');
    await pulled;
    expect(progress).toEqual([
      { layer: '1.36', status: 'Pulling from library/busybox' },
      { layer: 'abc', status: 'Downloading', current: 5, total: 10 },
      { layer: null, status: 'Status: Downloaded newer image for busybox:1.36' },
    ]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^berth: pull of busybox:1\.36: skipped a line from the engine that Berth cannot read \(1 so far\): .*garbage that is not JSON\n$/);
  });

  it("fails with the engine's words on an error line", async () => {
    const stream = new PassThrough();
    const pulled = pullImage(clientStreaming(stream), 'busybox:1.36', () => undefined);
    stream.end('{"status":"Pulling"}\n{"errorDetail":{"message":"manifest unknown"},"error":"manifest unknown"}\n');
    await expect(pulled).rejects.toMatchObject({ code: 'internal', message: 'manifest unknown' });
  });
});
