import { memo } from 'react';
import { ansiCss } from './model/ansiCss.js';
import { formatInstant } from '../../../runtime/api/index.js';
import { lineFlag } from './model/logBuffer.js';
import type { LogViewModel } from './model/logViewModel.js';
import { parsedLine, rowPieces, safeCut } from './model/rowPieces.js';

/** How rows are laid out, the same for every row of a view. */
export interface RowLayout {
  timestamps: boolean;
  /** Each line starts with its container's name (several containers in one view). */
  sourceNameWidth: number | null;
  /** Wrapped rows of this many characters, or null: unwrapped, drawing only `window`. */
  columns: number | null;
  /** Unwrapped: the characters drawn, [start, start + length). */
  window: { start: number; length: number };
  charWidth: number;
  prefixPx: number;
}

interface LogRowProps {
  model: LogViewModel;
  index: number;
  position: number;
  chunk: number;
  top: number;
  layout: RowLayout;
  /** The current match when it is on this line, else null: a change re-draws only the rows concerned. */
  current: readonly [number, number] | null;
  /** Changes with the search, so rows re-draw their highlights. */
  searchVersion: number;
  /** Changes when lines were merged in or removed, so a position may hold another line. */
  contentVersion: number;
}

function shortName(name: string, width: number): string {
  return name.length > width ? `${name.slice(0, width - 1)}…` : name.padEnd(width);
}

/** One row of the log: a line (or one wrapped piece of it), a mark, its prefix. Text only: every piece is a React text node. */
export const LogRow = memo(function LogRow({ model, index, position, chunk, top, layout, current }: LogRowProps) {
  const { buffer } = model;
  const flags = buffer.flags(index);
  const isMark = (flags & lineFlag.mark) !== 0;
  const isStderr = (flags & lineFlag.stderr) !== 0;
  const source = layout.sourceNameWidth === null ? undefined : model.session.source(buffer.source(index));
  const className = `log-row${isMark ? ' log-row-mark' : isStderr ? ' log-row-stderr' : ''}`;
  const prefix = (layout.timestamps || source) && (
    <span className="log-prefix" style={{ width: layout.prefixPx }}>
      {chunk === 0 && layout.timestamps && <span className="log-time">{formatInstant({ seconds: buffer.seconds(index), nanos: buffer.nanos(index) })} </span>}
      {chunk === 0 && source && layout.sourceNameWidth !== null && <span className={`log-source log-source-${source.color}`}>{shortName(source.name, layout.sourceNameWidth)} </span>}
    </span>
  );

  if (isMark) {
    return (
      <div className={className} style={{ transform: `translateY(${top}px)` }}>
        {prefix}
        <span className="log-text">── {buffer.text(index)} ──</span>
      </div>
    );
  }

  const line = parsedLine(buffer.text(index));
  const { plain } = line;
  const wrapped = layout.columns !== null;
  const from = safeCut(plain, wrapped ? chunk * layout.columns! : layout.window.start);
  const to = safeCut(plain, wrapped ? (chunk + 1) * layout.columns! : layout.window.start + layout.window.length);
  const pieces = rowPieces(line, from, to, model.rangesOf(position), current);
  return (
    <div className={className} style={{ transform: `translateY(${top}px)` }}>
      {prefix}
      {isStderr && chunk === 0 && <span className="log-stream-label">stderr </span>}
      <span className="log-text" style={wrapped || from === 0 ? undefined : { paddingLeft: from * layout.charWidth }}>
        {pieces.map((piece, i) =>
          piece.mark === null ? (
            <span key={i} style={ansiCss(piece.style)}>
              {piece.text}
            </span>
          ) : (
            <mark key={i} className={piece.mark === 'current' ? 'log-match log-match-current' : 'log-match'}>
              {piece.text}
            </mark>
          ),
        )}
      </span>
    </div>
  );
});
