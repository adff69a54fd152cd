import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject, type WheelEvent } from 'react';
import { followsAfterScroll, isUpwardKey } from './model/followState.js';
import type { LogViewModel } from './model/logViewModel.js';
import { rowAtScroll, scrollTopOf, type ScrollGeometry } from './model/scrollGeometry.js';

/** Where the view is: at the end following new lines, or held on a line (and pixels into it) while the reader reads. */
export type ViewPlace = { kind: 'following' } | { kind: 'held'; position: number; offsetPx: number };

export interface LogScroll {
  scrollRef: RefObject<HTMLDivElement | null>;
  isFollowing: boolean;
  /** The scroll position this render draws for (worked out from the place, not read back from the box). */
  scrollTop: number;
  onScroll: () => void;
  onWheel: (event: WheelEvent) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  /** A press on the scroll bar (the box itself, not a row) stops following before the drag lands. */
  onPointerDown: (event: PointerEvent) => void;
  /** Holds the view where it is (a selection being made must hold still). */
  pause: () => void;
  jumpToEnd: () => void;
  jumpToStart: () => void;
  /** Brings a row into the middle of the view (and stops following). */
  revealRow: (row: number) => void;
  /** The line at the top of the view, for "next match from here". */
  topPosition: () => number;
}

/**
 * The view's place as state, and the scroll position derived from it on every render: at the
 * end while following; on the held line while paused, so lines arriving, merging in before it
 * or leaving at the front never move what the reader sees. Scrolling up (wheel, keys, scroll
 * bar) pauses at once; reaching the end resumes.
 */
export function useLogScroll(model: LogViewModel, geometry: ScrollGeometry, clientHeight: number): LogScroll {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<ViewPlace>({ kind: 'following' });
  const lastTop = useRef(0);
  const endTop = Math.max(0, geometry.spacerPx - clientHeight);
  const scrollTop =
    place.kind === 'following' || model.rowCount === 0
      ? endTop
      : Math.min(endTop, scrollTopOf(geometry, model.rowOf(place.position), place.offsetPx));

  /** Holds the line at the top of the box as it is scrolled now. */
  const holdAt = useCallback(
    (top: number) => {
      if (model.rowCount === 0) return setPlace({ kind: 'held', position: model.buffer.dropped, offsetPx: 0 });
      const { position } = model.rowAt(rowAtScroll(geometry, top));
      const offsetPx = top * geometry.scale - model.rowOf(position) * geometry.rowHeight;
      // The same place again (the box moved because the place did): no new state, no new render.
      setPlace((old) => (old.kind === 'held' && old.position === position && Math.abs(old.offsetPx - offsetPx) < 1 ? old : { kind: 'held', position, offsetPx }));
    },
    [model, geometry],
  );

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const { scrollTop: top, scrollHeight, clientHeight: height } = element;
    const isFollowing = followsAfterScroll(place.kind === 'following', lastTop.current, { scrollTop: top, scrollHeight, clientHeight: height });
    lastTop.current = top;
    if (isFollowing) {
      if (place.kind !== 'following') setPlace({ kind: 'following' });
    } else holdAt(top);
  }, [place.kind, holdAt]);

  const pause = useCallback(() => {
    if (place.kind === 'following') holdAt(scrollRef.current?.scrollTop ?? 0);
  }, [place.kind, holdAt]);

  const onWheel = useCallback((event: WheelEvent) => (event.deltaY < 0 ? pause() : undefined), [pause]);
  const onPointerDown = useCallback((event: PointerEvent) => (event.target === scrollRef.current ? pause() : undefined), [pause]);
  const jumpToEnd = useCallback(() => setPlace({ kind: 'following' }), []);
  const jumpToStart = useCallback(() => setPlace({ kind: 'held', position: model.buffer.dropped, offsetPx: 0 }), [model]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.key === 'End' || event.key === 'Home') {
        event.preventDefault();
        if (event.key === 'End') jumpToEnd();
        else jumpToStart();
      } else if (isUpwardKey(event.key)) pause();
    },
    [jumpToEnd, jumpToStart, pause],
  );

  const revealRow = useCallback(
    (row: number) => {
      const topRow = Math.max(0, row - Math.floor(clientHeight / geometry.rowHeight / 2));
      const { position } = model.rowAt(Math.min(topRow, Math.max(0, model.rowCount - 1)));
      setPlace({ kind: 'held', position, offsetPx: (topRow - model.rowOf(position)) * geometry.rowHeight });
    },
    [model, geometry.rowHeight, clientHeight],
  );

  const topPosition = useCallback(() => (model.rowCount === 0 ? model.buffer.dropped : model.rowAt(rowAtScroll(geometry, scrollTop)).position), [model, geometry, scrollTop]);

  // The box follows the place: set the derived position if the box is elsewhere.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || Math.abs(element.scrollTop - scrollTop) < 1) return;
    element.scrollTop = scrollTop;
    lastTop.current = element.scrollTop;
  });

  return { scrollRef, isFollowing: place.kind === 'following', scrollTop, onScroll, onWheel, onKeyDown, onPointerDown, pause, jumpToEnd, jumpToStart, revealRow, topPosition };
}
