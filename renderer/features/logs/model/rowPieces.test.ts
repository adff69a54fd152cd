import { describe, expect, it } from 'vitest';
import { parseAnsi } from './ansi.js';
import { parsedLine, rowPieces, safeCut } from './rowPieces.js';

const brief = (pieces: ReturnType<typeof rowPieces>) => pieces.map((p) => `${p.text}${p.style ? `{${p.style.fg}}` : ''}${p.mark ? `[${p.mark}]` : ''}`);

describe('the pieces of a row', () => {
  const line = parseAnsi('plain \x1b[31mred text\x1b[0m tail');

  it('cuts at style changes', () => {
    expect(brief(rowPieces(line, 0, 100, [], null))).toEqual(['plain ', 'red text{1}', ' tail']);
  });

  it('draws only the window asked for', () => {
    expect(brief(rowPieces(line, 3, 9, [], null))).toEqual(['in ', 'red{1}']);
    expect(rowPieces(line, 50, 60, [], null)).toEqual([]);
  });

  it('cuts at matches across styles, the current one marked apart', () => {
    const ranges = [
      [4, 10],
      [15, 16],
    ] as const;
    expect(brief(rowPieces(line, 0, 100, ranges, [15, 16]))).toEqual(['plai', 'n [match]', 'red {1}[match]', 'text{1}', ' ', 't[current]', 'ail']);
  });

  it('starts in the middle of a match', () => {
    expect(brief(rowPieces(line, 5, 8, [[4, 10]], null))).toEqual([' [match]', 're{1}[match]']);
  });

  it('reads a million-character line once, and draws a window of it cheaply', () => {
    const text = 'x'.repeat(1_000_000);
    expect(parsedLine(text)).toBe(parsedLine(text));
    expect(rowPieces(parsedLine(text), 500_000, 500_100, [], null)[0]!.text).toHaveLength(100);
  });

  it('never splits a surrogate pair at a cut', () => {
    const text = 'ab😀cd';
    expect(safeCut(text, 3)).toBe(4);
    expect(safeCut(text, 2)).toBe(2);
    expect(safeCut(text, 99)).toBe(text.length);
  });
});
