import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { LogRow, type RowLayout } from './LogRow.js';
import type { LogViewModel } from './model/logViewModel.js';
import { maxScrollPx, rowTop, visibleRows, type ScrollGeometry } from './model/scrollGeometry.js';
import type { BoxMetrics } from './useBoxMetrics.js';
import type { LogScroll } from './useLogScroll.js';

const overscanRows = 10;
/** Unwrapped, this many characters are drawn either side of what is in view. */
const windowMargin = 200;
const timestampChars = 31;

interface LogViewportProps {
  model: LogViewModel;
  scroll: LogScroll;
  geometry: ScrollGeometry;
  metrics: BoxMetrics;
  /** The box's ref (its size and font are measured from it). */
  boxRef: (element: HTMLDivElement | null) => (() => void) | undefined;
  /** Accessible name of the log region. */
  label: string;
  timestamps: boolean;
  wrap: boolean;
  /** Several containers: each line starts with its container's name, this wide. */
  sourceNameWidth: number | null;
}

/**
 * The log itself: a focusable `log` region whose content holds only the rows in view (and a
 * few either side), placed by arithmetic on fixed-height rows (see scrollGeometry.ts). Each
 * row is keyed by its line, so a row on screen keeps its DOM (and a selection in it) while
 * lines arrive.
 */
export function LogViewport({ model, scroll, geometry, metrics, boxRef, label, timestamps, wrap, sourceNameWidth }: LogViewportProps) {
  const { scrollRef, onScroll: onScrollFollow, pause, scrollTop } = scroll;
  const { charWidth, width, height } = metrics;
  const prefixChars = (timestamps ? timestampChars : 0) + (sourceNameWidth === null ? 0 : sourceNameWidth + 1);
  const prefixPx = Math.ceil(prefixChars * charWidth);
  const columns = wrap ? Math.max(20, Math.floor((width - prefixPx - 24) / charWidth)) : null;
  useLayoutEffect(() => model.setWrap(columns), [model, columns]);

  // Unwrapped: which characters to draw follows the horizontal scroll in steps, so scrolling sideways re-draws rarely.
  const [windowStart, setWindowStart] = useState(0);
  const onScroll = useCallback(() => {
    onScrollFollow();
    const element = scrollRef.current;
    if (!element) return;
    const step = windowMargin / 2;
    const start = Math.max(0, Math.floor(element.scrollLeft / charWidth / step) * step - step);
    setWindowStart((old) => (old === start ? old : start));
  }, [onScrollFollow, scrollRef, charWidth]);

  // A selection being made in the log holds the view still.
  useEffect(() => {
    const onSelection = () => {
      const selection = document.getSelection();
      if (selection && !selection.isCollapsed && scrollRef.current?.contains(selection.anchorNode)) pause();
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, [scrollRef, pause]);

  const layout: RowLayout = useMemo(
    () => ({ timestamps, sourceNameWidth, columns, window: { start: windowStart, length: Math.ceil(width / charWidth) + 2 * windowMargin }, charWidth, prefixPx }),
    [timestamps, sourceNameWidth, columns, windowStart, width, charWidth, prefixPx],
  );
  const contentWidth = wrap ? undefined : Math.min(maxScrollPx, prefixPx + model.maxLength * charWidth + 24);
  const { first, last } = visibleRows(geometry, scrollTop, height, overscanRows);
  const cursor = model.cursor;
  const rows = [];
  for (let row = first; row <= last; row++) {
    const { index, position, chunk } = model.rowAt(row);
    const current = cursor !== null && cursor.position === position ? ([cursor.start, cursor.end] as const) : null;
    rows.push(
      <LogRow
        key={`${position}:${chunk}`}
        model={model}
        index={index}
        position={position}
        chunk={chunk}
        top={rowTop(geometry, row, scrollTop)}
        layout={layout}
        current={current}
        searchVersion={model.searchVersion}
        contentVersion={model.contentVersion}
      />,
    );
  }

  return (
    <div
      ref={boxRef}
      className={`log-viewport${wrap ? ' log-wrap' : ''}`}
      role="log"
      aria-label={label}
      // A busy log would flood a screen reader; the status line says what changed instead.
      aria-live="off"
      tabIndex={0}
      onScroll={onScroll}
      onWheel={scroll.onWheel}
      onKeyDown={scroll.onKeyDown}
      onPointerDown={scroll.onPointerDown}
    >
      <span className="log-measure" aria-hidden="true">
        0000000000
      </span>
      <div className="log-spacer" style={{ height: geometry.spacerPx, width: contentWidth }}>
        {rows}
      </div>
    </div>
  );
}
