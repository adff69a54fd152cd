import { describe, expect, it } from 'vitest';
import { followsAfterScroll, isAtEnd, isUpwardKey } from './followState.js';

const box = (scrollTop: number) => ({ scrollTop, scrollHeight: 1000, clientHeight: 200 });

describe('following new lines', () => {
  it('counts the bottom (within a few pixels) as the end', () => {
    expect(isAtEnd(box(800))).toBe(true);
    expect(isAtEnd(box(795))).toBe(true);
    expect(isAtEnd(box(700))).toBe(false);
    expect(isAtEnd({ scrollTop: 0, scrollHeight: 100, clientHeight: 200 })).toBe(true);
  });

  it('pauses when the user scrolls up, and resumes at the end', () => {
    expect(followsAfterScroll(true, 800, box(600))).toBe(false);
    expect(followsAfterScroll(false, 600, box(700))).toBe(false);
    expect(followsAfterScroll(false, 700, box(800))).toBe(true);
  });

  it('keeps following while the list grows under it (the scroll only moves down)', () => {
    expect(followsAfterScroll(true, 600, box(650))).toBe(true);
  });

  it('knows the keys that scroll up', () => {
    expect(['ArrowUp', 'PageUp', 'Home'].every(isUpwardKey)).toBe(true);
    expect(isUpwardKey('End')).toBe(false);
  });
});
