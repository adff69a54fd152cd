import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NdjsonReader, SkippedLines } from './ndjson.js';

const lineSchema = z.looseObject({ n: z.number() });

function reader() {
  const logged: string[] = [];
  const skipped = new SkippedLines('test stream', (line) => logged.push(line));
  return { reader: new NdjsonReader(lineSchema, skipped), skipped, logged };
}

describe('NdjsonReader', () => {
  it('keeps reading after a line that is not JSON, and counts and logs it', () => {
    const { reader: ndjson, skipped, logged } = reader();
    expect(ndjson.push('{"n":1}\n{not json\n{"n":2}\n')).toEqual([{ n: 1 }, { n: 2 }]);
    expect(skipped.count).toBe(1);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^berth: test stream: skipped a line from the engine that Berth cannot read \(1 so far\): .*\{not json$/);
  });

  it('skips a line of the wrong shape the same way, naming the field', () => {
    const { reader: ndjson, skipped, logged } = reader();
    expect(ndjson.push('{"n":1}\n{"n":"two"}\n[]\n{"n":3}\n')).toEqual([{ n: 1 }, { n: 3 }]);
    expect(skipped.count).toBe(2);
    expect(logged[0]).toContain('n: ');
    expect(logged[1]).toContain('(2 so far)');
  });

  it('reads lines split anywhere across chunks, and the last line without a newline', () => {
    const { reader: ndjson, skipped } = reader();
    expect(ndjson.push('{"n"')).toEqual([]);
    expect(ndjson.push(':1}\n{"n":')).toEqual([{ n: 1 }]);
    expect(ndjson.push('2}')).toEqual([]);
    expect(ndjson.flush()).toEqual([{ n: 2 }]);
    expect(skipped.count).toBe(0);
  });

  it('stops logging every line of a stream that is all garbage, but keeps counting', () => {
    const { reader: ndjson, skipped, logged } = reader();
    ndjson.push('x\n'.repeat(250));
    expect(skipped.count).toBe(250);
    expect(logged).toHaveLength(12); // the first 10, then the 100th and the 200th
    expect(logged.at(-1)).toContain('(200 so far)');
  });
});
