import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ByteProgress } from './byte-progress.js';

describe('ByteProgress', () => {
  it('reports the running total at once, then at most once per interval', () => {
    let now = 0;
    const reports: number[] = [];
    const progress = new ByteProgress((bytes) => reports.push(bytes), 100, () => now);
    progress.add(10);
    now = 50;
    progress.add(10);
    now = 99;
    progress.add(10);
    now = 100;
    progress.add(5);
    now = 150;
    progress.add(5);
    now = 1_000;
    progress.add(1);
    expect(reports).toEqual([10, 35, 41]);
    expect(progress.bytes).toBe(41);
  });

  it('counts every byte that passes its counter, unchanged', async () => {
    const progress = new ByteProgress(() => undefined);
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    await pipeline(Readable.from([Buffer.from('abc'), Buffer.alloc(70_000, 1), Buffer.from('z')]), progress.counter(), sink);
    expect(progress.bytes).toBe(70_004);
    expect(Buffer.concat(chunks).subarray(0, 3).toString()).toBe('abc');
  });
});
