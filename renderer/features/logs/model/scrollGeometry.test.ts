import { describe, expect, it } from 'vitest';
import { rowAtScroll, rowTop, scrollGeometry, scrollTopOf, visibleRows } from './scrollGeometry.js';

describe('scroll geometry', () => {
  it('places rows at row × height while the content fits', () => {
    const geometry = scrollGeometry(1000, 18, 360);
    expect(geometry).toEqual({ rowHeight: 18, rowCount: 1000, spacerPx: 18_000, scale: 1 });
    expect(rowAtScroll(geometry, 900)).toBe(50);
    expect(scrollTopOf(geometry, 50, 4)).toBe(904);
    expect(rowTop(geometry, 51, 900)).toBe(918);
    expect(visibleRows(geometry, 900, 360, 2)).toEqual({ first: 48, last: 72 });
  });

  it('compresses the scroll range past the limit, still reaching the first and last rows', () => {
    const clientHeight = 400;
    const geometry = scrollGeometry(3_000_000, 18, clientHeight, 15_000_000);
    expect(geometry.spacerPx).toBe(15_000_000);
    expect(geometry.scale).toBeGreaterThan(3);
    const end = geometry.spacerPx - clientHeight;
    // At the end, the last row's bottom is the view's bottom.
    const last = geometry.rowCount - 1;
    expect(rowTop(geometry, last, end) + 18).toBeCloseTo(end + clientHeight, 6);
    expect(visibleRows(geometry, end, clientHeight, 0).last).toBe(last);
    expect(visibleRows(geometry, 0, clientHeight, 0).first).toBe(0);
    // Rows on screen keep their real spacing.
    const middle = 7_000_000;
    const row = rowAtScroll(geometry, middle);
    expect(rowTop(geometry, row + 1, middle) - rowTop(geometry, row, middle)).toBe(18);
    expect(rowAtScroll(geometry, scrollTopOf(geometry, 2_000_000))).toBe(2_000_000);
  });

  it('shows nothing for no rows', () => {
    expect(visibleRows(scrollGeometry(0, 18, 400), 0, 400, 5)).toEqual({ first: 0, last: -1 });
  });
});
