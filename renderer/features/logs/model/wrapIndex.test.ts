import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from './lineIndex.js';
import { emptyBatch, LogBuffer, lineFlag, type LineBatch } from './logBuffer.js';
import { allLines, indexedLines, type ViewLines } from './viewLines.js';
import { WrapIndex } from './wrapIndex.js';

let clock = 0;
function batchOf(texts: string[], flags = 0): LineBatch {
  const batch = emptyBatch();
  for (const text of texts) {
    batch.texts.push(text);
    batch.seconds.push(clock++);
    batch.nanos.push(0);
    batch.flags.push(flags);
    batch.sources.push(0);
  }
  return batch;
}

/** Every row as `viewIndex:chunk`, worked out the slow way. */
function expectedRows(buffer: LogBuffer, lines: ViewLines, columns: number): string[] {
  const rows: string[] = [];
  for (let v = 0; v < lines.count; v++) {
    const length = buffer.plain(lines.positionAt(v) - buffer.dropped).length;
    for (let chunk = 0; chunk < Math.max(1, Math.ceil(length / columns)); chunk++) rows.push(`${v}:${chunk}`);
  }
  return rows;
}

function actualRows(wrap: WrapIndex): string[] {
  return Array.from({ length: wrap.rowCount }, (_, row) => {
    const { viewIndex, chunk } = wrap.lineAt(row);
    expect(wrap.rowOf(viewIndex, chunk)).toBe(row);
    return `${viewIndex}:${chunk}`;
  });
}

describe('wrapping long lines into rows', () => {
  it('gives a long line one row per piece and every other line one row', () => {
    const buffer = new LogBuffer(100);
    const wrap = new WrapIndex(buffer, allLines(buffer), 10);
    wrap.update(buffer.add(batchOf(['short', 'x'.repeat(25), 'ok', 'y'.repeat(10), 'z'.repeat(11)])));
    wrap.scan();
    expect(actualRows(wrap)).toEqual(['0:0', '1:0', '1:1', '1:2', '2:0', '3:0', '4:0', '4:1']);
    expect(wrap.rowsOf(1)).toBe(3);
  });

  it('measures a line as shown: escapes removed, tabs expanded', () => {
    const buffer = new LogBuffer(100);
    const wrap = new WrapIndex(buffer, allLines(buffer), 10);
    wrap.update(buffer.add(batchOf(['\x1b[31m' + 'r'.repeat(10) + '\x1b[0m', '\tabc'])));
    wrap.scan();
    expect(actualRows(wrap)).toEqual(['0:0', '1:0', '1:1']);
  });

  it('makes a million-character line a hundred thousand rows, without touching them', () => {
    const buffer = new LogBuffer(100);
    const wrap = new WrapIndex(buffer, allLines(buffer), 10);
    wrap.update(buffer.add(batchOf(['before', 'x'.repeat(1_000_000), 'after'])));
    wrap.scan();
    expect(wrap.rowCount).toBe(100_002);
    expect(wrap.lineAt(50_000)).toEqual({ viewIndex: 1, chunk: 49_999 });
    expect(wrap.lineAt(100_001)).toEqual({ viewIndex: 2, chunk: 0 });
  });

  it('stays right as lines arrive, merge, leave, and only some are shown', () => {
    const line = fc.record({ length: fc.integer({ min: 0, max: 35 }), isStderr: fc.boolean(), back: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 20 }), fc.array(fc.array(line, { maxLength: 6 }), { maxLength: 8 }), fc.boolean(), (capacity, batches, onlyStderr) => {
        const buffer = new LogBuffer(capacity);
        const shown = new LineIndex(buffer, (index) => (buffer.flags(index) & lineFlag.stderr) !== 0);
        const lines = onlyStderr ? indexedLines(shown) : allLines(buffer);
        const wrap = new WrapIndex(buffer, lines, 10);
        let time = 100;
        for (const batch of batches) {
          const lineBatch = emptyBatch();
          for (const { length, isStderr, back } of batch) {
            lineBatch.texts.push('w'.repeat(length));
            lineBatch.seconds.push((time += 1) - back * 2); // some arrive late
            lineBatch.nanos.push(0);
            lineBatch.flags.push(isStderr ? lineFlag.stderr : 0);
            lineBatch.sources.push(0);
          }
          const change = buffer.add(lineBatch);
          shown.update(change);
          shown.scan();
          wrap.update(change);
          wrap.scan();
          expect(actualRows(wrap)).toEqual(expectedRows(buffer, lines, 10));
        }
      }),
      { numRuns: 300 },
    );
  });
});
