import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ansiFlag, parseAnsi, stripAnsi, trueColorBase, type AnsiText } from './ansi.js';

/** The runs as [text, fg, bg, flags] (null style as [text]), for readable expectations. */
function runs(parsed: AnsiText): (string | number)[][] {
  return parsed.starts.map((start, index) => {
    const end = parsed.starts[index + 1] ?? parsed.plain.length;
    const style = parsed.styles[index] ?? null;
    const text = parsed.plain.slice(start, end);
    return style === null ? [text] : [text, style.fg, style.bg, style.flags];
  });
}

const E = '\x1b';

describe('SGR colours and attributes', () => {
  it('keeps plain text as one default run', () => {
    expect(runs(parseAnsi('hello world'))).toEqual([['hello world']]);
    expect(parseAnsi('')).toEqual({ plain: '', starts: [], styles: [] });
  });

  it('reads the 16 colours, bright ones, and resets', () => {
    expect(runs(parseAnsi(`a${E}[31mred${E}[0mb${E}[94;41mx${E}[39my${E}[49mz${E}[mq`))).toEqual([
      ['a'],
      ['red', 1, -1, 0],
      ['b'],
      ['x', 12, 1, 0],
      ['y', -1, 1, 0],
      ['zq'],
    ]);
    expect(runs(parseAnsi(`${E}[101mbg`))).toEqual([['bg', -1, 9, 0]]);
  });

  it('reads 256-colour and true colour, with semicolons or colons', () => {
    expect(runs(parseAnsi(`${E}[38;5;208ma${E}[48;5;17mb`))).toEqual([
      ['a', 208, -1, 0],
      ['b', 208, 17, 0],
    ]);
    expect(runs(parseAnsi(`${E}[38;2;255;128;0mrgb`))).toEqual([['rgb', trueColorBase + 0xff8000, -1, 0]]);
    expect(runs(parseAnsi(`${E}[38:2::1:2:3mcs${E}[48:2:4:5:6mnocs${E}[38:5:9mpal`))).toEqual([
      ['cs', trueColorBase + 0x010203, -1, 0],
      ['nocs', trueColorBase + 0x010203, trueColorBase + 0x040506, 0],
      ['pal', 9, trueColorBase + 0x040506, 0],
    ]);
  });

  it('reads attributes and turns them off one by one', () => {
    const { bold, dim, italic, underline, inverse } = ansiFlag;
    expect(runs(parseAnsi(`${E}[1;2;3;4;7ma${E}[22mb${E}[23mc${E}[24md${E}[27me${E}[4:0mf${E}[21mg`))).toEqual([
      ['a', -1, -1, bold | dim | italic | underline | inverse],
      ['b', -1, -1, italic | underline | inverse],
      ['c', -1, -1, underline | inverse],
      ['d', -1, -1, inverse],
      ['ef'],
      ['g', -1, -1, underline],
    ]);
  });

  it('treats empty parameters as 0 and ignores what it does not know', () => {
    expect(runs(parseAnsi(`${E}[31;;32mx`))).toEqual([['x', 2, -1, 0]]);
    expect(runs(parseAnsi(`${E}[5;8;9;53mblink-conceal-strike`))).toEqual([['blink-conceal-strike']]);
  });

  it('ignores colours out of range and incomplete extended colours, but reads on', () => {
    expect(runs(parseAnsi(`${E}[38;5;300mx`))).toEqual([['x']]);
    expect(runs(parseAnsi(`${E}[38;2;300;0;0mx`))).toEqual([['x']]);
    expect(runs(parseAnsi(`${E}[38;5mx`))).toEqual([['x']]);
    expect(runs(parseAnsi(`${E}[38;2;1;2mx`))).toEqual([['x']]);
    expect(runs(parseAnsi(`${E}[38;7;1mx`))).toEqual([['x', -1, -1, ansiFlag.bold]]);
  });

  it('merges runs whose style does not change', () => {
    expect(runs(parseAnsi(`${E}[31ma${E}[31mb${E}[1m${E}[22mc`))).toEqual([['abc', 1, -1, 0]]);
  });

  it('starts every line in the default style', () => {
    expect(runs(parseAnsi(`${E}[31mleft open`))).toEqual([['left open', 1, -1, 0]]);
    expect(runs(parseAnsi('next line'))).toEqual([['next line']]);
  });
});

describe('everything that is not SGR is removed and never acted on', () => {
  it('drops OSC 52 clipboard writes, OSC 8 links and title changes', () => {
    expect(stripAnsi(`before${E}]52;c;aGVsbG8=\x07after`)).toBe('beforeafter');
    expect(stripAnsi(`${E}]8;;https://evil.example/${E}\\click${E}]8;;${E}\\`)).toBe('click');
    expect(stripAnsi(`${E}]0;new title\x07${E}]2;other${E}\\text`)).toBe('text');
  });

  it('drops cursor movement, erasing, modes and every other CSI', () => {
    expect(stripAnsi(`a${E}[2J${E}[H${E}[10;20Hb${E}[3A${E}[K${E}[?1049h${E}[?25lc${E}[6n${E}[>4;1m${E}[1 qd`)).toBe('abcd');
    expect(runs(parseAnsi(`${E}[>4;1mx${E}[?31mx`))).toEqual([['xx']]);
  });

  it('drops DCS, SOS, PM and APC strings', () => {
    expect(stripAnsi(`a${E}Pq#0;2;0;0;0${E}\\b${E}Xsos${E}\\c${E}^pm${E}\\d${E}_apc${E}\\e`)).toBe('abcde');
  });

  it('drops C1 controls and their 8-bit sequences without applying them', () => {
    expect(runs(parseAnsi('a\x9b31mb\x9d52;c;eA==\x07c\x90dcs\x9cd\x85e'))).toEqual([['abcde']]);
  });

  it('drops C0 controls and DEL, and expands tabs to stops of 8', () => {
    expect(stripAnsi('a\x07b\x08c\rd\x00e\x7ff')).toBe('abcdef');
    expect(stripAnsi('ab\tc\t\td')).toBe('ab      c               d');
  });

  it('drops two-character escapes and charset designations', () => {
    expect(stripAnsi(`a${E}7b${E}8c${E}(Bd${E}ce${E}Mf`)).toBe('abcdef');
  });

  it('handles unterminated and broken sequences', () => {
    expect(stripAnsi(`text${E}`)).toBe('text');
    expect(stripAnsi(`text${E}[`)).toBe('text');
    expect(stripAnsi(`text${E}[31;4`)).toBe('text');
    expect(stripAnsi(`text${E}]52;c;aGVsbG8=`)).toBe('text'); // an OSC never ended takes the rest of the line
    expect(stripAnsi(`a${E}]0;title${E}[31mb`)).toBe('ab'); // ESC inside an OSC ends it and starts anew
    expect(runs(parseAnsi(`a${E}]0;title${E}[31mb`))).toEqual([['a'], ['b', 1, -1, 0]]);
    expect(stripAnsi(`a${E}[31\x18b`)).toBe('ab');
    expect(stripAnsi(`a${E}[31éb`)).toBe('aéb');
    expect(stripAnsi(`a${E}${E}[1mb`)).toBe('ab');
    expect(stripAnsi(`a${E}\x05b`)).toBe('ab');
  });

  it('keeps HTML as text', () => {
    expect(stripAnsi('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('hostile sizes', () => {
  it('reads a parameter of a million digits as out of range, in linear time', () => {
    const parsed = parseAnsi(`${E}[38;5;${'9'.repeat(1_000_000)}mx${E}[${'1'.repeat(1_000_000)}my`);
    expect(runs(parsed)).toEqual([['xy']]);
  });

  it('reads past a hundred thousand parameters, applying the first 64', () => {
    const parsed = parseAnsi(`${E}[31;${'1;'.repeat(100_000)}4mx`);
    expect(runs(parsed)).toEqual([['x', 1, -1, ansiFlag.bold]]);
  });

  it('parses a million-character line and a colour change per character', () => {
    expect(parseAnsi('x'.repeat(1_000_000)).plain.length).toBe(1_000_000);
    const striped = Array.from({ length: 100_000 }, (_, i) => `${E}[3${i % 8}mx`).join('');
    const parsed = parseAnsi(striped);
    expect(parsed.plain).toBe('x'.repeat(100_000));
    expect(parsed.starts.length).toBe(100_000);
  });

  it('never lets a control character through and keeps runs ordered, whatever the input', () => {
    const pieces = fc.constantFrom(E, '[', ']', ';', ':', 'm', '\\', '\x07', '\x9b', '\x9c', '\x9d', '1', '38', '5', '2', 'a', 'é', '\t', 'P', '_', '?');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const parsed = parseAnsi(parts.join(''));
        // eslint-disable-next-line no-control-regex
        expect(parsed.plain).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
        expect(parsed.starts.length).toBe(parsed.styles.length);
        parsed.starts.forEach((start, i) => {
          expect(start).toBeLessThan(parsed.plain.length);
          if (i > 0) expect(start).toBeGreaterThan(parsed.starts[i - 1]!);
        });
        if (parsed.plain.length > 0) expect(parsed.starts[0]).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
});
