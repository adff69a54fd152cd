import { describe, expect, it } from 'vitest';
import { LineSplitter, NdjsonParser } from './lines.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('LineSplitter', () => {
  it('joins lines split across chunks and strips CRLF', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(bytes('ab'))).toEqual([]);
    expect(splitter.push(bytes('c\r\nde\nf'))).toEqual(['abc', 'de']);
    expect(splitter.flush()).toEqual(['f']);
  });

  it('keeps a multi-byte character whole when a chunk boundary cuts it', () => {
    const encoded = bytes('héllo→\n');
    const splitter = new LineSplitter();
    const lines: string[] = [];
    for (const byte of encoded) lines.push(...splitter.push(Uint8Array.of(byte)));
    expect(lines).toEqual(['héllo→']);
  });
});

describe('NdjsonParser', () => {
  it('parses objects split anywhere and reports a bad line as an item, not a throw', () => {
    const parser = new NdjsonParser<{ a: number }>();
    const text = '{"a":1}\n{"a"' + ':2}\nnot json\n\n{"a":3}';
    const items = [...parser.push(bytes(text.slice(0, 10))), ...parser.push(bytes(text.slice(10))), ...parser.flush()];
    expect(items).toEqual([
      { ok: true, value: { a: 1 } },
      { ok: true, value: { a: 2 } },
      expect.objectContaining({ ok: false, line: 'not json' }),
      { ok: true, value: { a: 3 } },
    ]);
  });
});
