import { describe, expect, it } from 'vitest';
import { LineIndex } from './lineIndex.js';
import { emptyBatch, LogBuffer, lineFlag, type LineBatch } from './logBuffer.js';
import { compileSearch, findRanges, matchOrdinal, stepMatch, type CompiledSearch, type MatchCursor, type SearchQuery } from './logSearch.js';

function batchOf(texts: string[], firstSecond: number, flags = 0): LineBatch {
  const batch = emptyBatch();
  texts.forEach((text, i) => {
    batch.texts.push(text);
    batch.seconds.push(firstSecond + i);
    batch.nanos.push(0);
    batch.flags.push(flags);
    batch.sources.push(0);
  });
  return batch;
}

function compiled(query: Partial<SearchQuery> & { text: string }): CompiledSearch {
  const result = compileSearch({ isRegex: false, matchCase: false, ...query });
  if (result.kind !== 'ok') throw new Error(`expected a search, got ${result.kind}`);
  return result.search;
}

function searchIndex(buffer: LogBuffer, search: CompiledSearch): LineIndex {
  return new LineIndex(buffer, (index) => (buffer.flags(index) & lineFlag.mark) === 0 && search.tester.test(buffer.plain(index)));
}

describe('compiling a search', () => {
  it('names a bad regular expression instead of throwing', () => {
    expect(compileSearch({ text: '(', isRegex: true, matchCase: false })).toEqual({ kind: 'invalid', message: 'not a valid regular expression: Unterminated group' });
    expect(compileSearch({ text: '[', isRegex: true, matchCase: true }).kind).toBe('invalid');
    expect(compileSearch({ text: 'a{2,1}', isRegex: true, matchCase: true }).kind).toBe('invalid');
  });

  it('searches plain text literally, and nothing for an empty query', () => {
    expect(compileSearch({ text: '', isRegex: true, matchCase: false })).toEqual({ kind: 'none' });
    const literal = compiled({ text: 'a.b(c)[d]*/-$' });
    expect(literal.tester.test('xx a.b(c)[d]*/-$ yy')).toBe(true);
    expect(literal.tester.test('aXb(c)[d]*/-$')).toBe(false);
  });

  it('ignores case unless asked', () => {
    expect(compiled({ text: 'ERROR' }).tester.test('an error')).toBe(true);
    expect(compiled({ text: 'ERROR', matchCase: true }).tester.test('an error')).toBe(false);
    expect(compiled({ text: 'err(or)?\\b', isRegex: true }).tester.test('Error:')).toBe(true);
  });
});

describe('finding matches in a line', () => {
  it('finds every non-empty match and steps over empty ones', () => {
    expect(findRanges(compiled({ text: 'ab' }), 'ab xab ab')).toEqual([
      [0, 2],
      [4, 6],
      [7, 9],
    ]);
    expect(findRanges(compiled({ text: 'x*', isRegex: true }), 'axxbx')).toEqual([
      [1, 3],
      [4, 5],
    ]);
    expect(findRanges(compiled({ text: '^', isRegex: true }), 'abc')).toEqual([]);
  });

  it('stops highlighting after 10,000 matches in one line', () => {
    expect(findRanges(compiled({ text: 'a' }), 'a'.repeat(1_000_000))).toHaveLength(10_000);
  });
});

describe('searching the buffer', () => {
  it('keeps its matches up to date as lines arrive, merge and leave', () => {
    const buffer = new LogBuffer(5);
    const search = compiled({ text: 'hit' });
    const index = searchIndex(buffer, search);
    index.update(buffer.add(batchOf(['hit 1', 'miss', 'hit 2'], 10)));
    index.scan();
    expect([...Array(index.positions.length).keys()].map((i) => index.positions.at(i))).toEqual([0, 2]);
    // A late line lands between the two; one more leaves at the front.
    index.update(buffer.add(batchOf(['hit late'], 11)));
    index.update(buffer.add(batchOf(['miss', 'hit 3'], 20)));
    index.scan();
    const texts = [...Array(index.positions.length).keys()].map((i) => buffer.plain(index.positions.at(i) - buffer.dropped));
    expect(texts).toEqual(['hit late', 'hit 2', 'hit 3']);
    expect(index.isComplete).toBe(true);
  });

  it('searches the text as shown, without escape sequences, and skips marks', () => {
    const buffer = new LogBuffer(10);
    buffer.add(batchOf(['\x1b[31mre\x1b[0md alert'], 1));
    buffer.add(batchOf(['red alert'], 2, lineFlag.mark));
    const index = searchIndex(buffer, compiled({ text: 'red alert' }));
    index.scan();
    expect(index.positions.length).toBe(1);
    const hidden = searchIndex(buffer, compiled({ text: '31m' }));
    hidden.scan();
    expect(hidden.positions.length).toBe(0);
  });

  it('steps through matches within a line, then line by line, wrapping', () => {
    const buffer = new LogBuffer(10);
    buffer.add(batchOf(['a x', 'none', 'x a x', 'x'], 1));
    const search = compiled({ text: 'x' });
    const index = searchIndex(buffer, search);
    index.scan();
    const rangesOf = (position: number) => findRanges(search, buffer.plain(position - buffer.dropped));
    const walk: (MatchCursor | null)[] = [];
    let cursor: MatchCursor | null = null;
    for (let i = 0; i < 5; i++) walk.push((cursor = stepMatch(index, rangesOf, cursor, 1, 0)));
    expect(walk).toEqual([
      { position: 0, start: 2, end: 3 },
      { position: 2, start: 0, end: 1 },
      { position: 2, start: 4, end: 5 },
      { position: 3, start: 0, end: 1 },
      { position: 0, start: 2, end: 3 },
    ]);
    expect(stepMatch(index, rangesOf, walk[0]!, -1, 0)).toEqual({ position: 3, start: 0, end: 1 });
    expect(stepMatch(index, rangesOf, walk[3]!, -1, 0)).toEqual({ position: 2, start: 4, end: 5 });
    expect(matchOrdinal(index, walk[2]!)).toBe(2);
    // With no cursor: from where the view is.
    expect(stepMatch(index, rangesOf, null, 1, 1)).toEqual({ position: 2, start: 0, end: 1 });
    expect(stepMatch(index, rangesOf, null, -1, 1)).toEqual({ position: 0, start: 2, end: 3 });
  });

  it('answers over a million lines in slices that each stop at their deadline', () => {
    const buffer = new LogBuffer(1_000_000);
    for (let b = 0; b < 100; b++) {
      buffer.add(batchOf(Array.from({ length: 10_000 }, (_, i) => `GET /items/${b * 10_000 + i} 200 took ${i % 97}ms`), b * 10_000));
    }
    const index = searchIndex(buffer, compiled({ text: 'items/\\d+7 200 took 5\\dms', isRegex: true }));
    // A deadline already passed: one step of lines is tested, then it yields.
    expect(index.scan(performance.now() - 1)).toBe(false);
    expect(index.progress).toBeCloseTo(2048 / 1_000_000);
    while (!index.scan(performance.now() + 8));
    let expected = 0;
    for (let n = 0; n < 1_000_000; n++) if (n % 10 === 7 && Math.floor((n % 10_000) % 97 / 10) === 5) expected++;
    expect(index.positions.length).toBe(expected);
  });
});
