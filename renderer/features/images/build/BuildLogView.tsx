import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { BuildLogRow } from './buildLog.js';

/** Rows have one fixed height: nothing is measured, and a long log scrolls as cheaply as a short one. */
const rowHeight = 20;

interface BuildLogViewProps {
  rows: readonly BuildLogRow[];
  /** Changes whenever rows were added or dropped (the array is mutated in place). */
  version: number;
  /** Rows of this step are marked as the failing step's. */
  failedStep: number | null;
}

/**
 * The build log: only the rows in view are in the DOM, each as text (never HTML). Follows the
 * end while the reader is at the end; scrolling up stops following until they come back down.
 */
export function BuildLogView({ rows, version, failedStep }: BuildLogViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  // The virtualizer keeps its own mutable state; React Compiler cannot memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 20,
    getItemKey: (index) => rows[index]?.seq ?? index,
  });

  useEffect(() => {
    if (following.current && rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [version, rows.length, virtualizer]);

  return (
    <div
      ref={scrollRef}
      className="build-log"
      role="region"
      aria-label="Build log"
      // Focusable, so the keyboard can scroll it.
      tabIndex={0}
      onScroll={(event) => {
        const box = event.currentTarget;
        following.current = box.scrollTop + box.clientHeight >= box.scrollHeight - rowHeight;
      }}
    >
      <div className="build-log-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          const classes = ['build-log-row', row.kind === 'step' ? 'build-log-step' : '', failedStep !== null && row.step === failedStep ? 'build-log-failed' : ''];
          return (
            <div key={item.key} className={classes.filter(Boolean).join(' ')} style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}>
              {row.text}
            </div>
          );
        })}
      </div>
    </div>
  );
}
