import { parseAnsi, type AnsiStyle, type AnsiText } from './ansi.js';
import type { MatchRanges } from './logSearch.js';

/** One run of a row: text in one style, maybe (part of) a search match. */
export interface RowPiece {
  text: string;
  style: AnsiStyle | null;
  /** Inside a search match: `current` for the current one. */
  mark: 'match' | 'current' | null;
}

const cacheSize = 500;
const parsed = new Map<string, AnsiText>();

/** A line's styled runs, remembered for the few hundred lines last drawn (keyed by text: a million-character line is read once, not every frame). */
export function parsedLine(text: string): AnsiText {
  let found = parsed.get(text);
  if (found === undefined) {
    found = parseAnsi(text);
    if (parsed.size >= cacheSize) parsed.delete(parsed.keys().next().value!);
    parsed.set(text, found);
  }
  return found;
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves a cut that would split a surrogate pair to just after it, so no half of a character is drawn alone. */
export function safeCut(text: string, at: number): number {
  return at > 0 && at < text.length && isLowSurrogate(text, at) ? at + 1 : Math.min(Math.max(at, 0), text.length);
}

/** The first index i with key(i) > value among 0..count-1 (count when none). */
function upperBound(count: number, key: (index: number) => number, value: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(middle) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The runs of `plain[from, to)`: cut where the style changes and where matches start and end.
 * Work is proportional to what is drawn (binary searches find the first run and match), never
 * to the whole line.
 */
export function rowPieces(line: AnsiText, from: number, to: number, ranges: MatchRanges, current: readonly [number, number] | null): RowPiece[] {
  const { plain, starts, styles } = line;
  const end = Math.min(to, plain.length);
  const pieces: RowPiece[] = [];
  if (from >= end) return pieces;
  let run = Math.max(0, upperBound(starts.length, (i) => starts[i]!, from) - 1);
  // The first match that ends after `from`.
  let match = upperBound(ranges.length, (i) => ranges[i]![1], from);
  let at = from;
  while (at < end) {
    const runEnd = Math.min(end, starts[run + 1] ?? plain.length);
    const range = ranges[match];
    let pieceEnd = runEnd;
    let mark: RowPiece['mark'] = null;
    if (range !== undefined && range[0] <= at) {
      pieceEnd = Math.min(runEnd, range[1]);
      mark = current !== null && current[0] === range[0] && current[1] === range[1] ? 'current' : 'match';
    } else if (range !== undefined && range[0] < runEnd) {
      pieceEnd = range[0];
    }
    pieces.push({ text: plain.slice(at, pieceEnd), style: styles[run] ?? null, mark });
    at = pieceEnd;
    if (range !== undefined && at >= range[1]) match++;
    if (at >= runEnd) run++;
  }
  return pieces;
}
