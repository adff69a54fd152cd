/**
 * Where rows sit in the scroll box. Rows have one fixed height. A browser will not make a box
 * taller than about 33 million pixels (Chromium; Firefox about 17.8 million), less than a
 * million 18-pixel rows plus wrapped pieces can need, so past `maxScrollPx` the scroll range is
 * compressed: a scroll pixel then stands for `scale` pixels of rows, and the rows on screen are
 * drawn at their real spacing around the scroll position. Below it, `scale` is 1 and a row's
 * place is simply `row × rowHeight`. Pure.
 */
export interface ScrollGeometry {
  rowHeight: number;
  rowCount: number;
  /** The height of the scrolled content (the spacer). */
  spacerPx: number;
  /** Row pixels per scroll pixel (1 unless compressed). */
  scale: number;
}

/** Safely under every browser's limit on an element's height. */
export const maxScrollPx = 15_000_000;

export function scrollGeometry(rowCount: number, rowHeight: number, clientHeight: number, limitPx = maxScrollPx): ScrollGeometry {
  const rowsPx = rowCount * rowHeight;
  if (rowsPx <= limitPx || clientHeight >= limitPx) return { rowHeight, rowCount, spacerPx: rowsPx, scale: 1 };
  // The last scroll position shows the last rows: (limit - view) scroll pixels cover (rows - view) row pixels.
  return { rowHeight, rowCount, spacerPx: limitPx, scale: (rowsPx - clientHeight) / (limitPx - clientHeight) };
}

/** The row pixel at the top of the view. */
export function rowsPxAt(geometry: ScrollGeometry, scrollTop: number): number {
  return scrollTop * geometry.scale;
}

/** The row at the top of the view. */
export function rowAtScroll(geometry: ScrollGeometry, scrollTop: number): number {
  return Math.max(0, Math.min(geometry.rowCount - 1, Math.floor(rowsPxAt(geometry, scrollTop) / geometry.rowHeight)));
}

/** The scroll position that puts `offsetPx` into `row` at the top of the view. */
export function scrollTopOf(geometry: ScrollGeometry, row: number, offsetPx = 0): number {
  return Math.max(0, (row * geometry.rowHeight + offsetPx) / geometry.scale);
}

/** Where to draw `row` in the scrolled content, given the scroll position. */
export function rowTop(geometry: ScrollGeometry, row: number, scrollTop: number): number {
  return scrollTop + row * geometry.rowHeight - rowsPxAt(geometry, scrollTop);
}

/** The rows the view shows at `scrollTop`, with `overscan` more either side. */
export function visibleRows(geometry: ScrollGeometry, scrollTop: number, clientHeight: number, overscan: number): { first: number; last: number } {
  if (geometry.rowCount === 0) return { first: 0, last: -1 };
  const top = rowsPxAt(geometry, scrollTop);
  const first = Math.max(0, Math.floor(top / geometry.rowHeight) - overscan);
  const last = Math.min(geometry.rowCount - 1, Math.ceil((top + clientHeight) / geometry.rowHeight) + overscan);
  return { first, last };
}
