import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyBatch, LogBuffer, lineFlag, type LineBatch } from './logBuffer.js';

/** A batch of lines `text@seconds` (nanoseconds 0) from one source. */
function batchOf(lines: [string, number][], source = 0, flags = 0): LineBatch {
  const batch = emptyBatch();
  for (const [text, seconds] of lines) {
    batch.texts.push(text);
    batch.seconds.push(seconds);
    batch.nanos.push(0);
    batch.flags.push(flags);
    batch.sources.push(source);
  }
  return batch;
}

function texts(buffer: LogBuffer): string[] {
  return Array.from({ length: buffer.length }, (_, index) => buffer.text(index));
}

describe('log ring buffer', () => {
  it('appends batches newer than everything it holds', () => {
    const buffer = new LogBuffer(10);
    expect(buffer.add(batchOf([['a', 1], ['b', 2]]))).toEqual({ dropped: 0, changedFrom: 0 });
    expect(buffer.add(batchOf([['c', 2], ['d', 3]]))).toEqual({ dropped: 0, changedFrom: 2 });
    expect(texts(buffer)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('merges an older batch into the tail by time, ties keeping arrival order', () => {
    const buffer = new LogBuffer(10);
    buffer.add(batchOf([['a1', 1], ['a3', 3], ['a5', 5]], 0));
    const change = buffer.add(batchOf([['b2', 2], ['b3', 3], ['b6', 6]], 1));
    expect(texts(buffer)).toEqual(['a1', 'b2', 'a3', 'b3', 'a5', 'b6']);
    expect(change).toEqual({ dropped: 0, changedFrom: 1 });
    expect(buffer.source(1)).toBe(1);
    expect(buffer.source(2)).toBe(0);
  });

  it('orders by nanoseconds within a second', () => {
    const buffer = new LogBuffer(10);
    const batch = emptyBatch();
    for (const [text, nanos] of [['late', 900], ['early', 100]] as const) {
      batch.texts.push(text);
      batch.seconds.push(5);
      batch.nanos.push(nanos);
      batch.flags.push(0);
      batch.sources.push(0);
    }
    buffer.add(batch);
    expect(texts(buffer)).toEqual(['early', 'late']);
    expect(buffer.nanos(0)).toBe(100);
  });

  it('drops the oldest lines when full, keeping positions of the lines it holds', () => {
    const buffer = new LogBuffer(4);
    buffer.add(batchOf([['a', 1], ['b', 2], ['c', 3]]));
    const change = buffer.add(batchOf([['d', 4], ['e', 5], ['f', 6]]));
    expect(texts(buffer)).toEqual(['c', 'd', 'e', 'f']);
    expect(change).toEqual({ dropped: 2, changedFrom: 3 });
    // A batch older than everything held is merged in, and being the oldest, dropped.
    expect(buffer.add(batchOf([['old', 0], ['g', 7]]))).toEqual({ dropped: 4, changedFrom: 4 });
    expect(texts(buffer)).toEqual(['d', 'e', 'f', 'g']);
  });

  it('marks lines with escape sequences, and strips them once', () => {
    const buffer = new LogBuffer(4);
    buffer.add(batchOf([['\x1b[31mred\x1b[0m', 1], ['plain', 2]], 0, lineFlag.stderr));
    expect(buffer.flags(0)).toBe(lineFlag.stderr | lineFlag.controls);
    expect(buffer.flags(1)).toBe(lineFlag.stderr);
    expect(buffer.plain(0)).toBe('red');
    expect(buffer.plain(0)).toBe(buffer.plain(0));
    expect(buffer.text(0)).toBe('\x1b[31mred\x1b[0m');
  });

  it('removes one source and reports where the change starts', () => {
    const buffer = new LogBuffer(10);
    buffer.add(batchOf([['a1', 1], ['a2', 3]], 0));
    buffer.add(batchOf([['b1', 2], ['b2', 4]], 1));
    expect(buffer.removeSource(1)).toEqual({ dropped: 0, changedFrom: 1 });
    expect(texts(buffer)).toEqual(['a1', 'a2']);
    buffer.add(batchOf([['a3', 5]], 0));
    expect(texts(buffer)).toEqual(['a1', 'a2', 'a3']);
  });

  it('clears, moving positions past everything it held', () => {
    const buffer = new LogBuffer(10);
    buffer.add(batchOf([['a', 1], ['b', 2]]));
    expect(buffer.clear()).toEqual({ dropped: 2, changedFrom: 2 });
    expect(buffer.length).toBe(0);
    buffer.add(batchOf([['c', 1]]));
    expect(texts(buffer)).toEqual(['c']);
  });

  it('holds what a sorted list of the newest lines would, whatever arrives in whatever order', () => {
    const line = fc.record({ seconds: fc.integer({ min: 0, max: 20 }), nanos: fc.integer({ min: 0, max: 2 }), source: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.array(line, { maxLength: 8 }), { maxLength: 12 }), (capacity, batches) => {
        const buffer = new LogBuffer(capacity);
        let model: { key: string; seconds: number; nanos: number }[] = [];
        let serial = 0;
        for (const lines of batches) {
          const before = new Map(Array.from({ length: buffer.length }, (_, i) => [buffer.dropped + i, buffer.text(i)]));
          const batch = emptyBatch();
          const added = lines.map((l) => ({ ...l, key: `${serial++}` }));
          for (const l of added) {
            batch.texts.push(l.key);
            batch.seconds.push(l.seconds);
            batch.nanos.push(l.nanos);
            batch.flags.push(0);
            batch.sources.push(l.source);
          }
          const change = buffer.add(batch);
          // Stable sort of the old lines then the new ones, newest `capacity` kept.
          model = [...model, ...added].sort((a, b) => a.seconds - b.seconds || a.nanos - b.nanos).slice(-capacity);
          expect(texts(buffer)).toEqual(model.map((l) => l.key));
          // Lines before the change keep their positions.
          for (const [position, text] of before) {
            if (position >= change.dropped && position < change.changedFrom) expect(buffer.text(position - buffer.dropped)).toBe(text);
          }
          expect(change.dropped).toBe(buffer.dropped);
        }
      }),
      { numRuns: 500 },
    );
  });
});
