import type { CSSProperties } from 'react';
import { ansiFlag, trueColorBase, type AnsiStyle } from './ansi.js';

/** The 6×6×6 cube's levels (xterm's 256-colour palette, entries 16–231). */
const cubeLevels = [0, 95, 135, 175, 215, 255];

/** A colour as CSS: the 16 from the theme (`--ansi-N`, readable in light and dark), the rest computed. */
export function cssColor(color: number): string | undefined {
  if (color < 0) return undefined;
  if (color < 16) return `var(--ansi-${color})`;
  if (color < 232) {
    const n = color - 16;
    return `rgb(${cubeLevels[Math.floor(n / 36)]} ${cubeLevels[Math.floor(n / 6) % 6]} ${cubeLevels[n % 6]})`;
  }
  if (color < 256) {
    const level = 8 + (color - 232) * 10;
    return `rgb(${level} ${level} ${level})`;
  }
  const rgb = color - trueColorBase;
  return `rgb(${(rgb >> 16) & 255} ${(rgb >> 8) & 255} ${rgb & 255})`;
}

const cache = new WeakMap<AnsiStyle, CSSProperties>();

/** Inline style for a run: numbers turned into CSS values, nothing from the log's text. */
export function ansiCss(style: AnsiStyle | null): CSSProperties | undefined {
  if (style === null) return undefined;
  const known = cache.get(style);
  if (known) return known;
  const isInverse = (style.flags & ansiFlag.inverse) !== 0;
  const fg = cssColor(isInverse ? style.bg : style.fg) ?? (isInverse ? 'var(--log-bg)' : undefined);
  const bg = cssColor(isInverse ? style.fg : style.bg) ?? (isInverse ? 'var(--log-fg)' : undefined);
  const css: CSSProperties = {
    ...(fg === undefined ? {} : { color: fg }),
    ...(bg === undefined ? {} : { backgroundColor: bg }),
    ...((style.flags & ansiFlag.bold) !== 0 ? { fontWeight: 700 } : {}),
    ...((style.flags & ansiFlag.dim) !== 0 ? { opacity: 0.65 } : {}),
    ...((style.flags & ansiFlag.italic) !== 0 ? { fontStyle: 'italic' } : {}),
    ...((style.flags & ansiFlag.underline) !== 0 ? { textDecoration: 'underline' } : {}),
  };
  cache.set(style, css);
  return css;
}
