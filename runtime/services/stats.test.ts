import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BerthError, type StatsSample } from '../api/index.js';
import { EngineClient } from '../engine/client/engine-client.js';
import { fromEngineError } from '../engine/errors.js';
import { openStatsStream } from './stats.js';

/** An engine client whose only answer is the given stream (the NDJSON handling is what is tested). */
function clientStreaming(stream: PassThrough): EngineClient {
  const refuse = () => Promise.reject(new BerthError('internal', 'not used in this test'));
  return new EngineClient({ request: refuse, stream: () => Promise.resolve(stream), hijack: refuse, failureOf: (error) => fromEngineError(error) });
}

const reading = (memory: number) => `${JSON.stringify({ read: '2026-11-23T10:00:00Z', memory_stats: { usage: memory, limit: 100 }, pids_stats: { current: 1 } })}\n`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('containers.stats stream', () => {
  it('skips a reading it cannot read, counting and logging it, and keeps streaming', async () => {
    const logged: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
      logged.push(String(text));
      return true;
    });
    const stream = new PassThrough();
    const samples: StatsSample[] = [];
    const ended: string[] = [];
    const sink = { emit: (sample: StatsSample) => samples.push(sample), end: () => ended.push('end'), fail: (error: unknown) => ended.push(String(error)) };
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
