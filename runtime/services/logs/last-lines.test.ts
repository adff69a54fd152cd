import { describe, expect, it } from 'vitest';
import { LastLines } from './last-lines.js';

describe('LastLines', () => {
  it('keeps the newest lines within the text limit, always the newest one, and says it let older ones go', () => {
    const lines = new LastLines(10);
    lines.add(1, 0, false, 'aaaa');
    lines.add(2, 0, true, 'bbbb');
    expect(lines.isCut).toBe(false);
    lines.add(3, 0, false, 'cccc');
    expect(lines.isCut).toBe(true);
    expect(lines.count).toBe(3);
    expect(lines.after(null).map((line) => line.text)).toEqual(['bbbb', 'cccc']);
    lines.add(4, 0, false, 'a line longer than the limit');
    expect(lines.after(null).map((line) => line.text)).toEqual(['a line longer than the limit']);
  });

  it('answers the lines later than an instant', () => {
    const lines = new LastLines(1_000);
    lines.add(1, 5, false, 'one');
    lines.add(1, 9, true, 'two');
    lines.add(2, 0, false, 'three');
    expect(lines.after({ seconds: 1, nanos: 5 }).map((line) => [line.text, line.isStderr])).toEqual([
      ['two', true],
      ['three', false],
    ]);
  });
});
