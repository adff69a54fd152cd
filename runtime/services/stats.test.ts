import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatsSample } from '../api/index.js';
import { captureLog, clientStreaming } from '../testing/streaming-client.js';
import { openStatsStream } from './stats.js';

const reading = (memory: number) => `${JSON.stringify({ read: '2026-11-23T10:00:00Z', memory_stats: { usage: memory, limit: 100 }, pids_stats: { current: 1 } })}\n`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('containers.stats stream', () => {
  it('skips a reading it cannot read, counting and logging it, and keeps streaming', async () => {
    const logged = captureLog();
    const stream = new PassThrough();
    const samples: StatsSample[] = [];
    const ended: string[] = [];
    const sink = { emit: (sample: StatsSample) => samples.push(sample), end: () => ended.push('end'), fail: (error: unknown) => ended.push(String(error)), ready: () => Promise.resolve() };
    const subscription = await openStatsStream({ client: clientStreaming(stream) }, { id: 'web' }, sink, new AbortController().signal);

    stream.write(reading(10));
    stream.write('{"read": oops}\n');
    stream.write(`{"memory_stats":{"usage":"lots"}}\n${reading(20)}`);
    await vi.waitFor(() => expect(samples.map((sample) => sample.memoryUsageBytes)).toEqual([10, 20]));
    expect(logged.filter((line) => line.startsWith('berth: stats of web: skipped a line'))).toHaveLength(2);
    expect(logged.at(-1)).toContain('(2 so far)');
    expect(ended).toEqual([]);
    subscription.dispose();
  });
});
