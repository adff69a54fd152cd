import { describe, expect, it } from 'vitest';
import { ansiFlag, trueColorBase } from './ansi.js';
import { ansiCss, cssColor } from './ansiCss.js';

describe('ANSI styles as CSS', () => {
  it('maps the 16 colours to theme variables and the rest to rgb', () => {
    expect(cssColor(-1)).toBeUndefined();
    expect(cssColor(1)).toBe('var(--ansi-1)');
    expect(cssColor(16)).toBe('rgb(0 0 0)');
    expect(cssColor(196)).toBe('rgb(255 0 0)');
    expect(cssColor(244)).toBe('rgb(128 128 128)');
    expect(cssColor(trueColorBase + 0x123456)).toBe('rgb(18 52 86)');
  });

  it('turns attributes into properties, inverse swapping the colours', () => {
    expect(ansiCss(null)).toBeUndefined();
    expect(ansiCss({ fg: 2, bg: -1, flags: ansiFlag.bold | ansiFlag.italic | ansiFlag.underline | ansiFlag.dim })).toEqual({
      color: 'var(--ansi-2)',
      fontWeight: 700,
      fontStyle: 'italic',
      textDecoration: 'underline',
      opacity: 0.65,
    });
    expect(ansiCss({ fg: 1, bg: -1, flags: ansiFlag.inverse })).toEqual({ color: 'var(--log-bg)', backgroundColor: 'var(--ansi-1)' });
  });
});
