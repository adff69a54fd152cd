import type { LineIndex } from './lineIndex.js';
import type { LogBuffer } from './logBuffer.js';

/**
 * The lines the view shows, in order: every line the buffer holds, or those of an index (the
 * shown streams, the matching lines). A view index runs 0..count-1; a position is the buffer's.
 */
export interface ViewLines {
  readonly count: number;
  positionAt(viewIndex: number): number;
  /** The view index of the first shown line at or after `position` (count when none). */
  viewIndexOf(position: number): number;
}

export function allLines(buffer: LogBuffer): ViewLines {
  return {
    get count() {
      return buffer.length;
    },
    positionAt: (viewIndex) => buffer.dropped + viewIndex,
    viewIndexOf: (position) => Math.min(buffer.length, Math.max(0, position - buffer.dropped)),
  };
}

export function indexedLines(index: LineIndex): ViewLines {
  return {
    get count() {
      return index.positions.length;
    },
    positionAt: (viewIndex) => index.positions.at(viewIndex),
    viewIndexOf: (position) => index.positions.lowerBound(position),
  };
}
