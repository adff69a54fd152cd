/** What the view's scroll box says about where it is. */
export interface ScrollMetrics {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

/** Within this many pixels of the bottom counts as at the end (rounding, a partly shown last row). */
const endSlackPx = 8;

export function isAtEnd({ scrollTop, scrollHeight, clientHeight }: ScrollMetrics): boolean {
  return scrollTop + clientHeight >= scrollHeight - endSlackPx;
}

/**
 * Whether the view follows new lines after a scroll: at the end it does (scrolling back down
 * resumes); moved up from where it was, it stops (the user is reading); otherwise unchanged
 * (new lines growing the list below the reader do not resume it).
 */
export function followsAfterScroll(isFollowing: boolean, previousTop: number, metrics: ScrollMetrics): boolean {
  if (isAtEnd(metrics)) return true;
  if (metrics.scrollTop < previousTop) return false;
  return isFollowing;
}

/** Keys that move the view up: pressing one while following stops following at once, before the scroll lands. */
export function isUpwardKey(key: string): boolean {
  return key === 'ArrowUp' || key === 'PageUp' || key === 'Home';
}
