import { LineIndex } from './lineIndex.js';
import { lineFlag, shownLengthAtMost, type BufferChange } from './logBuffer.js';
import { findRanges, matchOrdinal, stepMatch, type CompiledSearch, type MatchCursor, type MatchRanges } from './logSearch.js';
import type { LogSession } from './logSession.js';
import { allLines, indexedLines, type ViewLines } from './viewLines.js';
import { WrapIndex } from './wrapIndex.js';

/** Which streams are shown. Marks are always shown. */
export interface StreamFilter {
  showStdout: boolean;
  showStderr: boolean;
}

/** A row of the virtual list: a line (its buffer index and position) and which of its wrapped pieces. */
export interface RowLine {
  index: number;
  position: number;
  chunk: number;
}

/** Runs `work` soon, as its own task; returns a canceller. */
export type SliceScheduler = (work: () => void) => () => void;

const nextTask: SliceScheduler = (work) => {
  const id = setTimeout(work, 0);
  return () => clearTimeout(id);
};

/** No slice of background work (search, measuring rows) holds the page longer. */
const sliceMs = 8;
const rangeCacheSize = 200;

/**
 * What one log view shows of its session: the shown streams, the search and its matches, only
 * the matching lines or all, wrapped rows or not, and the current match. Keeps its indexes up to
 * date with the session's changes (tested lines only), runs long work in slices, and counts a
 * version that React reads (useSyncExternalStore) to draw again.
 */
export class LogViewModel {
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private filter: StreamFilter = { showStdout: true, showStderr: true };
  private streamIndex: LineIndex | null = null;
  private search: CompiledSearch | null = null;
  private searchIndex: LineIndex | null = null;
  private onlyMatching = false;
  private columns: number | null = null;
  private wrap: WrapIndex | null = null;
  private cancelSlice: (() => void) | null = null;
  private readonly rangeCache = new Map<string, MatchRanges>();
  lines: ViewLines;
  cursor: MatchCursor | null = null;
  /** Changes with the search: rows draw their highlights again. */
  searchVersion = 0;
  /**
   * Changes when lines were merged in or removed rather than appended: positions from there on
   * now hold other lines, so rows (keyed by position) must draw again.
   */
  contentVersion = 0;
  private heldEnd = 0;
  /** The longest line as shown, at least (it never shrinks): how wide the unwrapped view scrolls. */
  maxLength = 0;

  constructor(
    readonly session: LogSession,
    private readonly schedule: SliceScheduler = nextTask,
  ) {
    this.lines = allLines(session.buffer);
  }

  /** Starts following the session's changes; returns the stop. */
  attach(): () => void {
    this.heldEnd = this.buffer.dropped + this.buffer.length;
    const listening = this.session.onChange((change) => this.onChange(change));
    this.rebuild();
    return () => {
      listening.dispose();
      this.cancelSlice?.();
      this.cancelSlice = null;
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  get buffer() {
    return this.session.buffer;
  }

  get rowCount(): number {
    return this.wrap ? this.wrap.rowCount : this.lines.count;
  }

  get hasSearch(): boolean {
    return this.search !== null;
  }

  get matchCount(): number {
    return this.searchIndex?.positions.length ?? 0;
  }

  /** False while a search is still going through the buffer. */
  get isSearchComplete(): boolean {
    return this.searchIndex?.isComplete ?? true;
  }

  get currentOrdinal(): number | null {
    return this.searchIndex ? matchOrdinal(this.searchIndex, this.cursor) : null;
  }

  setFilter(filter: StreamFilter): void {
    if (filter.showStdout === this.filter.showStdout && filter.showStderr === this.filter.showStderr) return;
    this.filter = filter;
    this.rebuild();
  }

  setSearch(search: CompiledSearch | null, onlyMatching: boolean): void {
    if (search === this.search && onlyMatching === this.onlyMatching) return;
    if (search !== this.search) {
      this.rangeCache.clear();
      this.cursor = null;
      this.searchVersion++;
    }
    this.search = search;
    this.onlyMatching = onlyMatching;
    this.rebuild();
  }

  /** Wrap at `columns` characters, or not at all (null). */
  setWrap(columns: number | null): void {
    if (columns === this.columns) return;
    this.columns = columns;
    this.rebuildWrap();
    this.bump();
  }

  /** Moves to the next or previous match; from no match, starting at `fromPosition` (the line at the top of the view). */
  step(direction: 1 | -1, fromPosition: number): MatchCursor | null {
    if (!this.searchIndex) return null;
    this.cursor = stepMatch(this.searchIndex, (position) => this.rangesOf(position), this.cursor, direction, fromPosition);
    this.bump();
    return this.cursor;
  }

  rowAt(row: number): RowLine {
    const { viewIndex, chunk } = this.wrap ? this.wrap.lineAt(row) : { viewIndex: row, chunk: 0 };
    const position = this.lines.positionAt(viewIndex);
    return { index: position - this.buffer.dropped, position, chunk };
  }

  /** The row showing the line at `position` (or the first shown after it), at character `offset`. */
  rowOf(position: number, offset = 0): number {
    const viewIndex = Math.min(this.lines.viewIndexOf(position), Math.max(0, this.lines.count - 1));
    return this.wrap ? this.wrap.rowOf(viewIndex, Math.floor(offset / this.wrap.columns)) : viewIndex;
  }

  /** Where the search matches the line at `position` (cached by text: a long line is searched once). */
  rangesOf(position: number): MatchRanges {
    if (!this.search) return [];
    const index = position - this.buffer.dropped;
    if (index < 0 || index >= this.buffer.length || (this.buffer.flags(index) & lineFlag.mark) !== 0) return [];
    const plain = this.buffer.plain(index);
    let ranges = this.rangeCache.get(plain);
    if (ranges === undefined) {
      ranges = findRanges(this.search, plain);
      if (this.rangeCache.size >= rangeCacheSize) this.rangeCache.delete(this.rangeCache.keys().next().value!);
      this.rangeCache.set(plain, ranges);
    }
    return ranges;
  }

  private isShown(index: number): boolean {
    const flags = this.buffer.flags(index);
    if ((flags & lineFlag.mark) !== 0) return true;
    return (flags & lineFlag.stderr) !== 0 ? this.filter.showStderr : this.filter.showStdout;
  }

  private rebuild(): void {
    const { buffer } = this;
    const showsAll = this.filter.showStdout && this.filter.showStderr;
    this.streamIndex = showsAll ? null : new LineIndex(buffer, (index) => this.isShown(index));
    this.streamIndex?.scan();
    const search = this.search;
    this.searchIndex =
      search === null
        ? null
        : new LineIndex(buffer, (index) => (buffer.flags(index) & lineFlag.mark) === 0 && this.isShown(index) && search.tester.test(buffer.plain(index)));
    this.lines = this.onlyMatching && this.searchIndex ? indexedLines(this.searchIndex) : this.streamIndex ? indexedLines(this.streamIndex) : allLines(buffer);
    this.rebuildWrap();
    this.measure(buffer.dropped);
    this.continueWork();
  }

  private rebuildWrap(): void {
    this.wrap = this.columns === null ? null : new WrapIndex(this.buffer, this.lines, this.columns);
    this.continueWork();
  }

  private onChange(change: BufferChange): void {
    if (change.changedFrom < this.heldEnd) this.contentVersion++;
    this.heldEnd = this.buffer.dropped + this.buffer.length;
    this.streamIndex?.update(change);
    this.streamIndex?.scan();
    this.searchIndex?.update(change);
    this.wrap?.update(change);
    this.measure(change.changedFrom);
    this.continueWork();
  }

  /** Raises `maxLength` to the longest of the lines from `from` on. */
  private measure(from: number): void {
    const { buffer } = this;
    for (let index = Math.max(0, from - buffer.dropped); index < buffer.length; index++) {
      const length = shownLengthAtMost(buffer.text(index), buffer.flags(index));
      if (length > this.maxLength) this.maxLength = length;
    }
  }

  /** Goes on with the search and the row measuring for a slice, then again in another task until both are done. */
  private continueWork(): void {
    this.cancelSlice?.();
    this.cancelSlice = null;
    const deadline = performance.now() + sliceMs;
    const searched = this.searchIndex?.scan(deadline) ?? true;
    const measured = this.wrap?.scan(deadline) ?? true;
    this.bump();
    if (!searched || !measured) this.cancelSlice = this.schedule(() => this.continueWork());
  }

  private bump(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}
