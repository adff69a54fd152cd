import { describe, expect, it } from 'vitest';
import { encodeFrame, type FrameStream } from './frames.js';
import { longestLine, MultiplexedLogDecoder, overwriteCarriageReturns, RawLogDecoder, type LogDecoder, type LogStreamName } from './log-lines.js';

type Line = [time: string, stream: LogStreamName, text: string];

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);
const join = (parts: Uint8Array[]) => {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
};

const t1 = '2026-11-30T10:29:50.320733246Z';
const t2 = '2026-11-30T10:29:51.000000001Z';
const t3 = '2026-11-30T10:29:52.123456789Z';
/** A whole engine message: timestamp, space, text. */
const message = (time: string, text: string | Uint8Array) => join([bytes(`${time} `), typeof text === 'string' ? bytes(text) : text]);
const frame = (stream: FrameStream, time: string, text: string | Uint8Array) => encodeFrame(stream, message(time, text));

function decodeChunks(make: (receive: (time: string, stream: LogStreamName, text: string) => void) => LogDecoder, chunks: Uint8Array[]): Line[] {
  const lines: Line[] = [];
  const decoder = make((time, stream, text) => lines.push([time, stream, text]));
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return lines;
}
const multiplexed = (chunks: Uint8Array[]) => decodeChunks((receive) => new MultiplexedLogDecoder(receive), chunks);
const raw = (chunks: Uint8Array[], now = Date.parse('2026-11-30T11:00:00Z')) => decodeChunks((receive) => new RawLogDecoder(receive, () => now), chunks);

/** Every way of cutting `whole` in two gives the same lines as the whole. */
function expectSameAtEveryCut(decode: (chunks: Uint8Array[]) => Line[], whole: Uint8Array, expected: Line[]): void {
  expect(decode([whole])).toEqual(expected);
  for (let cut = 1; cut < whole.length; cut++) {
    const lines = decode([whole.subarray(0, cut), whole.subarray(cut)]);
    if (JSON.stringify(lines) !== JSON.stringify(expected)) expect({ cut, lines }).toEqual({ cut, lines: expected });
  }
}

/** How Docker's json-file driver cuts a long line: 16 KiB pieces, each with the first one's time, `\n` only on the last. */
function dockerPieces(text: Uint8Array, size = 16 * 1024): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.subarray(start, start + size));
  return pieces;
}

describe('MultiplexedLogDecoder (containers without a TTY)', () => {
  it('reads stdout and stderr messages with their timestamps, in order, at every cut of the stream', () => {
    const whole = join([frame('stdout', t1, 'one\n'), frame('stderr', t2, 'två\n'), frame('stdout', t3, 'three\r\n')]);
    expectSameAtEveryCut(multiplexed, whole, [
      [t1, 'stdout', 'one'],
      [t2, 'stderr', 'två'],
      [t3, 'stdout', 'three'],
    ]);
  });

  it('reads several messages in one frame and empty lines', () => {
    const whole = encodeFrame('stdout', join([message(t1, 'a\n'), message(t2, '\n'), message(t3, 'c\n')]));
    expect(multiplexed([whole])).toEqual([
      [t1, 'stdout', 'a'],
      [t2, 'stdout', ''],
      [t3, 'stdout', 'c'],
    ]);
  });

  it('joins partial messages into one line with the first piece\'s time, even with the other stream in between', () => {
    const long = 'x'.repeat(40_000);
    const pieces = dockerPieces(bytes(long));
    const whole = join([
      ...pieces.slice(0, 2).map((piece) => frame('stdout', t1, piece)),
      frame('stderr', t2, 'between\n'),
      frame('stdout', t1, join([pieces[2]!, bytes('\n')])),
      frame('stdout', t3, 'after\n'),
    ]);
    expect(multiplexed([whole])).toEqual([
      [t2, 'stderr', 'between'],
      [t1, 'stdout', long],
      [t3, 'stdout', 'after'],
    ]);
  });

  it('keeps a character cut between two partial messages whole, at every cut of the stream', () => {
    // 'é' is 2 bytes, '→' 3, '😀' 4: pieces of 5 bytes cut through each of them.
    const text = bytes('aé→😀b');
    const pieces = dockerPieces(text, 5);
    const whole = join([...pieces.map((piece, index) => frame('stdout', t1, index === pieces.length - 1 ? join([piece, bytes('\n')]) : piece)), frame('stdout', t2, 'next\n')]);
    expectSameAtEveryCut(multiplexed, whole, [
      [t1, 'stdout', 'aé→😀b'],
      [t2, 'stdout', 'next'],
    ]);
  });

  it('ends an unterminated last message when a message with another time follows (a restart), and at the end', () => {
    const whole = join([frame('stdout', t1, '/ # '), frame('stdout', t2, 'again\n'), frame('stderr', t3, 'no newline')]);
    expect(multiplexed([whole])).toEqual([
      [t1, 'stdout', '/ # '],
      [t2, 'stdout', 'again'],
      [t3, 'stderr', 'no newline'],
    ]);
  });

  it('reads Podman\'s whole-second timestamps and its 8 KiB pieces with a lone newline last', () => {
    const podman = '2026-11-30T10:33:24Z';
    const long = 'a'.repeat(20_000);
    const pieces = dockerPieces(bytes(long), 8192);
    const whole = join([frame('stdout', podman, 'one\n'), ...pieces.map((piece) => frame('stdout', podman, piece)), frame('stdout', podman, '\n'), frame('stdout', podman, 'two\n')]);
    expect(multiplexed([whole])).toEqual([
      [podman, 'stdout', 'one'],
      [podman, 'stdout', long],
      [podman, 'stdout', 'two'],
    ]);
  });

  it('replaces invalid UTF-8 with U+FFFD, one per bad sequence, without touching the next line', () => {
    const bad = Uint8Array.of(0x61, 0xff, 0x62, 0xe2, 0x82, 0x0a); // a, invalid, b, truncated '€' then newline
    const whole = join([frame('stdout', t1, bad), frame('stdout', t2, 'ok\n')]);
    expect(multiplexed([whole])).toEqual([
      [t1, 'stdout', 'a\uFFFDb\uFFFD'],
      [t2, 'stdout', 'ok'],
    ]);
  });

  it('ignores frames of stdin some engines echo back', () => {
    expect(multiplexed([join([frame('stdin', t1, 'typed\n'), frame('stdout', t2, 'out\n')])])).toEqual([[t2, 'stdout', 'out']]);
  });

  it('brings a 1,000,000-character line through whole, in linear time', () => {
    const long = bytes('0123456789'.repeat(100_000));
    const pieces = dockerPieces(long);
    const frames = pieces.map((piece, index) => frame('stdout', t1, index === pieces.length - 1 ? join([piece, bytes('\n')]) : piece));
    // Chunks as a socket hands them: 64 KiB, cutting frames anywhere.
    const stream = join(frames);
    const chunks: Uint8Array[] = [];
    for (let start = 0; start < stream.length; start += 65_536) chunks.push(stream.subarray(start, start + 65_536));
    const started = performance.now();
    const lines = multiplexed(chunks);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(lines).toHaveLength(1);
    expect(lines[0]![2]).toHaveLength(1_000_000);
    expect(lines[0]![2].slice(999_990)).toBe('0123456789');
  });

  it('cuts a line longer than the longest kept into lines of that size with the same time', () => {
    const piece = bytes('y'.repeat(1024 * 1024));
    const frames: Uint8Array[] = [];
    const count = longestLine / piece.length + 1;
    for (let index = 0; index < count; index++) frames.push(frame('stdout', t1, piece));
    const lines = multiplexed([...frames, frame('stdout', t1, 'end\n')]);
    expect(lines.map(([time, , text]) => [time, text.length])).toEqual([
      [t1, longestLine],
      [t1, 1024 * 1024 + 3],
    ]);
  });
});

describe('RawLogDecoder (TTY containers)', () => {
  it('reads messages one after the other, CRLF ended, at every cut of the stream', () => {
    const whole = join([message(t1, 'one\r\n'), message(t2, 'zwei ü\r\n'), message(t3, '\r\n')]);
    expectSameAtEveryCut(raw, whole, [
      [t1, 'stdout', 'one'],
      [t2, 'stdout', 'zwei ü'],
      [t3, 'stdout', ''],
    ]);
  });

  it('joins a long line from its 16 KiB pieces, each with the same timestamp before it', () => {
    const long = 'b'.repeat(100_000);
    const pieces = dockerPieces(bytes(`${long}\r\n`));
    const whole = join([...pieces.map((piece) => message(t1, piece)), message(t2, 'second\r\n')]);
    expect(raw([whole])).toEqual([
      [t1, 'stdout', long],
      [t2, 'stdout', 'second'],
    ]);
  });

  it('joins pieces whose boundary cuts a character and a chunk, at every cut around the boundary', () => {
    const text = `${'c'.repeat(16 * 1024 - 1)}é${'d'.repeat(10)}\r\n`; // é's two bytes on both sides of 16 KiB
    const pieces = dockerPieces(bytes(text));
    const whole = join([...pieces.map((piece) => message(t1, piece)), message(t2, 'x\r\n')]);
    const expected: Line[] = [
      [t1, 'stdout', text.slice(0, -2)],
      [t2, 'stdout', 'x'],
    ];
    const boundary = 31 + 16 * 1024;
    for (let cut = boundary - 40; cut < boundary + 40; cut++) {
      expect(raw([whole.subarray(0, cut), whole.subarray(cut)])).toEqual(expected);
    }
  });

  it('ends an unterminated message where the next message\'s timestamp stands (a prompt before a restart)', () => {
    const whole = join([message(t1, '/ # '), message(t2, 'back\r\n'), message(t3, '/ # ')]);
    expectSameAtEveryCut(raw, whole, [
      [t1, 'stdout', '/ # '],
      [t2, 'stdout', 'back'],
      [t3, 'stdout', '/ # '],
    ]);
  });

  it('ends the last piece of a long line that the local driver left without newline', () => {
    const long = 'b'.repeat(40_000);
    const pieces = dockerPieces(bytes(`${long}\r`));
    const whole = join([...pieces.map((piece) => message(t1, piece)), message(t2, 'unterminated'), message(t3, 'next\r\n')]);
    expect(raw([whole])).toEqual([
      [t1, 'stdout', long],
      [t2, 'stdout', 'unterminated'],
      [t3, 'stdout', 'next'],
    ]);
  });

  it('keeps timestamps a process writes itself as text: earlier than the engine\'s, in the future, or not followed by a space', () => {
    const own = '2026-11-30T10:29:50.320733000Z'; // stamped by the process just before the engine read it
    const future = '2027-01-01T00:00:00.000000000Z';
    const whole = join([
      message(t2, `level=info ts=${own} msg=hi\r\n`),
      message(t3, `expires ${future} soon\r\n`),
      message(t3.replace('52.', '53.'), `at ${t3.replace('52.', '54.')}]\r\n`),
    ]);
    expect(raw([whole]).map(([, , text]) => text)).toEqual([`level=info ts=${own} msg=hi`, `expires ${future} soon`, `at ${t3.replace('52.', '54.')}]`]);
  });

  it('reads invalid UTF-8 as U+FFFD and a bare CR as an overwrite', () => {
    const whole = join([message(t1, Uint8Array.of(0x41, 0xc3, 0x28, 0x0d, 0x0a)), message(t2, 'abcdef\rXY\r\n'), message(t3, '10%\r20%\r100%\r\n')]);
    expect(raw([whole])).toEqual([
      [t1, 'stdout', 'A\uFFFD('],
      [t2, 'stdout', 'XYcdef'],
      [t3, 'stdout', '100%'],
    ]);
  });

  it('brings a 1,000,000-character line through whole, one byte at a time around its pieces too', () => {
    const long = 'z'.repeat(1_000_000);
    const whole = join([...dockerPieces(bytes(`${long}\r\n`)).map((piece) => message(t1, piece)), message(t2, 'after\r\n')]);
    const chunks: Uint8Array[] = [];
    for (let start = 0; start < whole.length; start += 65_536) chunks.push(whole.subarray(start, start + 65_536));
    const started = performance.now();
    const lines = raw(chunks);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(lines.map(([time, , text]) => [time, text.length])).toEqual([
      [t1, 1_000_000],
      [t2, 5],
    ]);
  });

  it('reads a stream fed byte by byte the same as whole', () => {
    const whole = join([message(t1, 'é→😀\r\n'), message(t2, '/ # '), message(t3, 'ok\r\n')]);
    const chunks = Array.from(whole, (byte) => Uint8Array.of(byte));
    expect(raw(chunks)).toEqual(raw([whole]));
    expect(raw(chunks).map(([, , text]) => text)).toEqual(['é→😀', '/ # ', 'ok']);
  });
});

describe('overwriteCarriageReturns', () => {
  it('overwrites from the start of the line, as a terminal does', () => {
    expect(overwriteCarriageReturns('abcdef\rXY')).toBe('XYcdef');
    expect(overwriteCarriageReturns('abc\r')).toBe('abc');
    expect(overwriteCarriageReturns('\rabc')).toBe('abc');
    expect(overwriteCarriageReturns('short\rlonger text')).toBe('longer text');
    expect(overwriteCarriageReturns('😀😀😀\rab')).toBe('ab😀');
    expect(overwriteCarriageReturns('plain')).toBe('plain');
  });
});
