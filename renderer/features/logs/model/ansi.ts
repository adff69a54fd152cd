/**
 * Reads a log line's escape sequences: SGR colours and attributes are kept as styled runs of
 * text; everything else (OSC 8 links, OSC 52 clipboard writes, titles, cursor movement, every
 * other CSI, DCS/SOS/PM/APC strings, C0 and C1 controls) is removed and never acted on. The
 * answer is text and numbers only, for React text nodes: nothing here produces HTML. Pure.
 *
 * Each line starts with the default style: log lines are read one at a time (a view shows any
 * line without reading those before it), so a colour left open at the end of a line ends there.
 */

/** Bits of `AnsiStyle.flags`. */
export const ansiFlag = { bold: 1, dim: 2, italic: 4, underline: 8, inverse: 16 } as const;

/** Where true colours start in `AnsiStyle.fg` / `bg`: `trueColorBase + 0xRRGGBB`. */
export const trueColorBase = 256;

export interface AnsiStyle {
  /** -1: the view's own colour; 0–255: the xterm palette; `trueColorBase + 0xRRGGBB`: a true colour. */
  readonly fg: number;
  readonly bg: number;
  /** `ansiFlag` bits. */
  readonly flags: number;
}

/** A line as shown: its text and the runs of one style that cover it. */
export interface AnsiText {
  /** The text with every escape sequence and control removed and tabs expanded to stops of 8. */
  readonly plain: string;
  /** Where each run starts in `plain`, ascending, the first at 0 (none for an empty line). */
  readonly starts: readonly number[];
  /** Each run's style; null is the default. */
  readonly styles: readonly (AnsiStyle | null)[];
}

/** Any character this module removes or rewrites (tabs included): matching controls is the point. */
// eslint-disable-next-line no-control-regex
const special = /[\x00-\x1f\x7f-\x9f]/g;
// eslint-disable-next-line no-control-regex
const anySpecial = /[\x00-\x1f\x7f-\x9f]/;
const ESC = 0x1b;
const BEL = 0x07;
const C1_ST = 0x9c;
/** No SGR needs more; further parameters of one sequence are read past and ignored. */
const maxSgrParams = 64;
/** A parameter stops growing here: every value SGR knows is far below it. */
const paramCeiling = 100_000;

/** True when `text` has anything `parseAnsi` would remove or rewrite. */
export function hasControls(text: string): boolean {
  return anySpecial.test(text);
}

/** The line's text as shown, without escape sequences and controls. */
export function stripAnsi(text: string): string {
  return hasControls(text) ? parseAnsi(text).plain : text;
}

export function parseAnsi(text: string): AnsiText {
  if (!hasControls(text)) return { plain: text, starts: text === '' ? [] : [0], styles: text === '' ? [] : [null] };
  const reader = new Reader(text);
  reader.read();
  return { plain: reader.parts.join(''), starts: reader.starts, styles: reader.styles };
}

function sameStyle(a: AnsiStyle | null, b: AnsiStyle | null): boolean {
  return a === b || (a !== null && b !== null && a.fg === b.fg && a.bg === b.bg && a.flags === b.flags);
}

class Reader {
  readonly parts: string[] = [];
  readonly starts: number[] = [];
  readonly styles: (AnsiStyle | null)[] = [];
  private length = 0;
  private style: AnsiStyle | null = null;
  private readonly end: number;

  constructor(private readonly text: string) {
    this.end = text.length;
  }

  read(): void {
    const { text, end } = this;
    let i = 0;
    while (i < end) {
      special.lastIndex = i;
      const found = special.exec(text);
      const at = found === null ? end : found.index;
      if (at > i) this.emit(text.slice(i, at));
      if (found === null) return;
      const code = text.charCodeAt(at);
      if (code === 0x09) {
        this.emit(' '.repeat(8 - (this.length % 8)));
        i = at + 1;
      } else if (code === ESC) i = this.escape(at + 1);
      // 8-bit introducers: read past their whole sequence, act on none of it.
      else if (code === 0x9b) i = this.csi(at + 1, false);
      else if (code === 0x9d) i = this.controlString(at + 1, true);
      else if (code === 0x90 || code === 0x98 || code === 0x9e || code === 0x9f) i = this.controlString(at + 1, false);
      else i = at + 1; // Any other C0 or C1 control, and DEL: dropped.
    }
  }

  private emit(piece: string): void {
    const last = this.styles.length - 1;
    if (last < 0 || !sameStyle(this.styles[last] ?? null, this.style)) {
      this.starts.push(this.length);
      this.styles.push(this.style);
    }
    this.parts.push(piece);
    this.length += piece.length;
  }

  /** After ESC at `from - 1`: returns where the text goes on. */
  private escape(from: number): number {
    if (from >= this.end) return from;
    const next = this.text.charCodeAt(from);
    if (next === 0x5b) return this.csi(from + 1, true); // [
    if (next === 0x5d) return this.controlString(from + 1, true); // ] OSC
    if (next === 0x50 || next === 0x58 || next === 0x5e || next === 0x5f) return this.controlString(from + 1, false); // P X ^ _
    let at = from;
    while (at < this.end && inRange(this.text.charCodeAt(at), 0x20, 0x2f)) at++; // intermediates: ESC ( B
    if (at < this.end && inRange(this.text.charCodeAt(at), 0x30, 0x7e)) return at + 1; // ESC 7, ESC c, ESC ( B ...
    // Not a sequence: the ESC (and any intermediates) go, what follows is read as it is.
    return at;
  }

  /** A control sequence whose parameters start at `from`; only `CSI ... m` (7-bit, no private marker) is applied. */
  private csi(from: number, isApplicable: boolean): number {
    const { text, end } = this;
    let at = from;
    while (at < end && inRange(text.charCodeAt(at), 0x30, 0x3f)) at++;
    const paramsEnd = at;
    while (at < end && inRange(text.charCodeAt(at), 0x20, 0x2f)) at++;
    if (at >= end || !inRange(text.charCodeAt(at), 0x40, 0x7e)) return at; // Unterminated or broken: dropped.
    if (isApplicable && text.charCodeAt(at) === 0x6d && at === paramsEnd) this.sgr(from, paramsEnd);
    return at + 1;
  }

  /** OSC, DCS, SOS, PM, APC: everything up to ST (or BEL for OSC) goes; unterminated, the rest of the line. */
  private controlString(from: number, isOsc: boolean): number {
    const { text, end } = this;
    for (let at = from; at < end; at++) {
      const code = text.charCodeAt(at);
      if (code === BEL && isOsc) return at + 1;
      if (code === C1_ST || code === 0x18 || code === 0x1a) return at + 1; // ST, or CAN/SUB cancelling it
      if (code === ESC) return text.charCodeAt(at + 1) === 0x5c ? at + 2 : at; // ESC \ ends it; another ESC starts anew
    }
    return end;
  }

  private sgr(from: number, to: number): void {
    const groups = readParams(this.text, from, to);
    if (groups === null) return;
    let { fg, bg, flags } = this.style ?? { fg: -1, bg: -1, flags: 0 };
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      const code = Math.max(group[0]!, 0);
      if (code === 0) [fg, bg, flags] = [-1, -1, 0];
      else if (code === 1) flags |= ansiFlag.bold;
      else if (code === 2) flags |= ansiFlag.dim;
      else if (code === 3) flags |= ansiFlag.italic;
      else if (code === 4) flags = group[1] === 0 ? flags & ~ansiFlag.underline : flags | ansiFlag.underline;
      else if (code === 7) flags |= ansiFlag.inverse;
      else if (code === 21) flags |= ansiFlag.underline;
      else if (code === 22) flags &= ~(ansiFlag.bold | ansiFlag.dim);
      else if (code === 23) flags &= ~ansiFlag.italic;
      else if (code === 24) flags &= ~ansiFlag.underline;
      else if (code === 27) flags &= ~ansiFlag.inverse;
      else if (code >= 30 && code <= 37) fg = code - 30;
      else if (code === 39) fg = -1;
      else if (code >= 40 && code <= 47) bg = code - 40;
      else if (code === 49) bg = -1;
      else if (code >= 90 && code <= 97) fg = code - 90 + 8;
      else if (code >= 100 && code <= 107) bg = code - 100 + 8;
      else if (code === 38 || code === 48) {
        const extended = readExtendedColor(groups, g);
        g = extended.last;
        if (extended.color !== null) {
          if (code === 38) fg = extended.color;
          else bg = extended.color;
        }
      }
      // Anything else (blink, conceal, strike, fonts...) is read past: conceal never hides text.
    }
    this.style = fg === -1 && bg === -1 && flags === 0 ? null : { fg, bg, flags };
  }
}

function inRange(code: number, low: number, high: number): boolean {
  return code >= low && code <= high;
}

/**
 * SGR parameters as groups of `;`-separated parameters with their `:` sub-parameters; an
 * empty one is -1. Null when the sequence has a private marker (`CSI > 4 ; 1 m` is not SGR).
 */
function readParams(text: string, from: number, to: number): number[][] | null {
  const groups: number[][] = [];
  let group: number[] = [];
  let value = -1;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code >= 0x30 && code <= 0x39) {
      if (value < paramCeiling) value = Math.max(value, 0) * 10 + (code - 0x30);
    } else if (code === 0x3a) {
      if (group.length < maxSgrParams) group.push(value);
      value = -1;
    } else if (code === 0x3b) {
      if (groups.length < maxSgrParams) groups.push([...group, value]);
      group = [];
      value = -1;
    } else return null; // < = > ?
  }
  if (groups.length < maxSgrParams) groups.push([...group, value]);
  return groups;
}

/**
 * `38;5;N`, `38;2;R;G;B`, or their colon forms (`38:5:N`, `38:2:R:G:B`, `38:2:CS:R:G:B`).
 * Returns the colour (null when malformed or out of range) and the last group it used.
 */
function readExtendedColor(groups: number[][], at: number): { color: number | null; last: number } {
  const group = groups[at]!;
  if (group.length > 1) {
    const mode = group[1];
    if (mode === 5) return { color: paletteColor(group[2]), last: at };
    if (mode === 2) return { color: group.length >= 6 ? rgbColor(group[3], group[4], group[5]) : rgbColor(group[2], group[3], group[4]), last: at };
    return { color: null, last: at };
  }
  const mode = groups[at + 1]?.[0];
  if (mode === 5) return { color: paletteColor(groups[at + 2]?.[0]), last: at + 2 };
  if (mode === 2) return { color: rgbColor(groups[at + 2]?.[0], groups[at + 3]?.[0], groups[at + 4]?.[0]), last: at + 4 };
  return { color: null, last: at + 1 };
}

function isByte(value: number | undefined): value is number {
  return value !== undefined && value >= 0 && value <= 255;
}

function paletteColor(index: number | undefined): number | null {
  return isByte(index) ? index : null;
}

function rgbColor(red: number | undefined, green: number | undefined, blue: number | undefined): number | null {
  return isByte(red) && isByte(green) && isByte(blue) ? trueColorBase + red * 65536 + green * 256 + blue : null;
}
