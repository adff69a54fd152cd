import type { LineIndex } from './lineIndex.js';

/** What the user asked to find. */
export interface SearchQuery {
  text: string;
  isRegex: boolean;
  matchCase: boolean;
}

/** A query ready to run: `tester` answers "does this line match", `finder` (global) finds where. */
export interface CompiledSearch {
  tester: RegExp;
  finder: RegExp;
}

export type SearchCompilation = { kind: 'none' } | { kind: 'ok'; search: CompiledSearch } | { kind: 'invalid'; message: string };

/** Reads the query once; a bad regular expression is an answer, never a throw. */
export function compileSearch(query: SearchQuery): SearchCompilation {
  if (query.text === '') return { kind: 'none' };
  const source = query.isRegex ? query.text : query.text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const flags = query.matchCase ? '' : 'i';
  try {
    return { kind: 'ok', search: { tester: new RegExp(source, flags), finder: new RegExp(source, `${flags}g`) } };
  } catch (error) {
    // V8 says "Invalid regular expression: /(/i: Unterminated group"; the last part is the news.
    const said = error instanceof Error ? error.message : String(error);
    return { kind: 'invalid', message: `not a valid regular expression: ${said.split(': ').at(-1) ?? said}` };
  }
}

/** Where the search finds something in one line: [start, end) pairs in the plain text. */
export type MatchRanges = readonly (readonly [number, number])[];

/** More than this many matches in one line are not highlighted (a million `a`s searched for `a`). */
export const maxRangesPerLine = 10_000;

/** The non-empty matches in `plain`, in order (empty matches are stepped over, never looped on). */
export function findRanges(search: CompiledSearch, plain: string): MatchRanges {
  const { finder } = search;
  const ranges: [number, number][] = [];
  finder.lastIndex = 0;
  for (let match = finder.exec(plain); match !== null && ranges.length < maxRangesPerLine; match = finder.exec(plain)) {
    if (match[0].length === 0) {
      finder.lastIndex++;
      continue;
    }
    ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

/** The current match: a line (by buffer position) and where in its plain text. A line matching only emptily has start = end = 0. */
export interface MatchCursor {
  position: number;
  start: number;
  end: number;
}

/**
 * The next (+1) or previous (-1) match, wrapping around. From no current match (or one whose
 * line is gone), the first match at or after `fromPosition` going forward, at or before going back.
 */
export function stepMatch(
  matches: LineIndex,
  rangesOf: (position: number) => MatchRanges,
  current: MatchCursor | null,
  direction: 1 | -1,
  fromPosition: number,
): MatchCursor | null {
  const { positions } = matches;
  const count = positions.length;
  if (count === 0) return null;
  const at = (ordinal: number) => positions.at(((ordinal % count) + count) % count);
  const lineCursor = (position: number, fromEnd: boolean): MatchCursor => {
    const ranges = rangesOf(position);
    const range = fromEnd ? ranges.at(-1) : ranges[0];
    return { position, start: range?.[0] ?? 0, end: range?.[1] ?? 0 };
  };
  const ordinal = current === null ? -1 : positions.lowerBound(current.position);
  if (current === null || ordinal >= count || positions.at(ordinal) !== current.position) {
    // No cursor, or its line is gone: start from where the user is looking.
    const start = positions.lowerBound(fromPosition);
    if (direction === 1) return lineCursor(at(start), false);
    const isOn = start < count && positions.at(start) === fromPosition;
    return lineCursor(at(isOn ? start : start - 1), true);
  }
  // Within the line first: a long line may match many times.
  const ranges = rangesOf(current.position);
  const within = direction === 1 ? ranges.find(([start]) => start > current.start) : ranges.findLast(([start]) => start < current.start);
  if (within) return { position: current.position, start: within[0], end: within[1] };
  return lineCursor(at(ordinal + direction), direction === -1);
}

/** 1-based: which matching line the cursor is on, for "3 of 57". */
export function matchOrdinal(matches: LineIndex, cursor: MatchCursor | null): number | null {
  if (cursor === null) return null;
  const ordinal = matches.positions.lowerBound(cursor.position);
  return ordinal < matches.positions.length && matches.positions.at(ordinal) === cursor.position ? ordinal + 1 : null;
}
