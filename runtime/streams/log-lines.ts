/**
 * A container's log as the engine sends it with `timestamps=1`, turned into lines: each
 * message is `<RFC 3339 timestamp> <text>`, ending with `\n`, or without it when the log
 * driver split a long line (over 16 KiB on Docker, 8 KiB on Podman) into partial messages, or
 * when the process ended without a newline. Partial messages all carry the first one's
 * timestamp, and are joined back into one line here. One streaming UTF-8 decoder per output
 * stream, so a character cut between messages or chunks stays whole; invalid bytes become
 * U+FFFD. A bare `\r` overwrites the start of the line, as on a terminal.
 *
 * Two framings: multiplexed (8-byte frame headers, one message per frame) for containers
 * without a TTY, raw bytes for TTY ones (see RawLogDecoder for how messages are told apart
 * there). Pure; the hot path reads bytes with indexOf and makes two strings per line.
 */
import { concatBytes, FrameDemuxer } from './frames.js';
import { compareInstants, instantOf, type Instant } from '../api/engine-time.js';
import { needMoreBytes, notATimestamp, timestampEnd } from './log-timestamps.js';

export type LogStreamName = 'stdout' | 'stderr';

/** Receives each finished line: the engine's timestamp of its first piece, its stream, its text. */
export type LineReceiver = (time: string, stream: LogStreamName, text: string) => void;

export interface LogDecoder {
  push(chunk: Uint8Array): void;
  /** The stream ended: what is still open (an unterminated last line) is a line too. */
  end(): void;
}

/**
 * A line no longer than this (UTF-16 units) is kept whole; a longer one is cut into lines of
 * this size (same time), so a process writing without newlines cannot fill the backend's memory.
 */
export const longestLine = 16 * 1024 * 1024;

/** Partial messages are at least this long (Podman cuts at 8 KiB, Docker at 16 KiB). */
const shortestPartial = 8 * 1024;

const ascii = new TextDecoder('latin1');
const newline = 0x0a;

/** Interprets each bare `\r` as a terminal does: what follows overwrites the line from its start. */
export function overwriteCarriageReturns(text: string): string {
  if (text.indexOf('\r') < 0) return text;
  const parts = text.split('\r');
  let line = parts[0] ?? '';
  for (let index = 1; index < parts.length; index++) {
    const part = parts[index]!;
    if (part.length === 0) continue; // `\r\n`, or `\r\r`: the cursor moves, nothing is written.
    if (/[\uD800-\uDFFF]/.test(line + part)) {
      // By code points, so a character outside the BMP is never cut in half.
      const over = Array.from(part);
      line = over.join('') + Array.from(line).slice(over.length).join('');
    } else {
      line = part + line.slice(part.length);
    }
  }
  return line;
}

/** One output stream's line being put together from its pieces. */
class LineAssembly {
  /** Time of the line's first piece; null when no line is open. */
  time: string | null = null;
  private readonly decoder = new TextDecoder('utf-8');
  private parts: string[] = [];
  private length = 0;

  constructor(
    private readonly stream: LogStreamName,
    private readonly receive: LineReceiver,
  ) {}

  start(time: string): void {
    this.time = time;
  }

  add(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const text = this.decoder.decode(bytes, { stream: true });
    if (text.length === 0) return;
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= longestLine) this.cut();
  }

  /** Ends the open line with its last bytes (possibly none). */
  finish(lastBytes?: Uint8Array): void {
    const time = this.time ?? '';
    const tail = this.decoder.decode(lastBytes);
    const text = this.parts.length === 0 ? tail : this.parts.join('') + tail;
    this.time = null;
    this.parts = [];
    this.length = 0;
    this.receive(time, this.stream, overwriteCarriageReturns(text));
  }

  /** A whole line in one piece, none open: the common case, without the piece list. */
  whole(time: string, bytes: Uint8Array): void {
    this.receive(time, this.stream, overwriteCarriageReturns(this.decoder.decode(bytes)));
  }

  private cut(): void {
    const time = this.time ?? '';
    const text = this.parts.join('');
    this.parts = [];
    this.length = 0;
    for (let start = 0; start + longestLine <= text.length; start += longestLine) {
      this.receive(time, this.stream, overwriteCarriageReturns(text.slice(start, start + longestLine)));
    }
    const rest = text.slice(text.length - (text.length % longestLine));
    if (rest.length > 0) {
      this.parts.push(rest);
      this.length = rest.length;
    }
  }
}

/** The log of a container without a TTY: one message per frame, stdout and stderr apart. */
export class MultiplexedLogDecoder implements LogDecoder {
  private readonly frames = new FrameDemuxer();
  private readonly lines: Record<LogStreamName, LineAssembly>;
  private lastTime = '';

  constructor(receive: LineReceiver) {
    this.lines = { stdout: new LineAssembly('stdout', receive), stderr: new LineAssembly('stderr', receive) };
  }

  push(chunk: Uint8Array): void {
    this.frames.each(chunk, (stream, payload) => {
      if (stream !== 'stdin') this.message(this.lines[stream], payload);
    });
  }

  end(): void {
    const open = [this.lines.stdout, this.lines.stderr].filter((line) => line.time !== null);
    open.sort((a, b) => compareInstants(instantOf(a.time ?? ''), instantOf(b.time ?? '')));
    for (const line of open) line.finish();
  }

  private message(line: LineAssembly, payload: Uint8Array): void {
    let position = 0;
    while (position < payload.length) {
      const end = timestampEnd(payload, position);
      let time = this.lastTime;
      if (end >= 0) {
        time = ascii.decode(payload.subarray(position, end));
        this.lastTime = time;
        position = end + 1;
      }
      // The open line was partial: a piece with its time continues it; any other message means
      // it was the unterminated last output of a run (or a piece the driver ended without `\n`).
      if (line.time !== null && line.time !== time) line.finish();
      const lineEnd = payload.indexOf(newline, position);
      if (lineEnd >= 0) {
        if (line.time === null) line.whole(time, payload.subarray(position, lineEnd));
        else line.finish(payload.subarray(position, lineEnd));
        position = lineEnd + 1;
      } else {
        if (line.time === null) line.start(time);
        line.add(payload.subarray(position));
        position = payload.length;
      }
    }
  }
}

type Found = { kind: 'none' } | { kind: 'wait'; at: number } | { kind: 'continue'; at: number; end: number } | { kind: 'next'; at: number };

/**
 * The log of a TTY container: the messages' bytes one after the other, nothing between them.
 * A message ends at its `\n`. A partial one (a long line cut by the driver) has none: the next
 * message, with the very same timestamp, continues it. A message can also end without `\n`
 * and be followed by another: the last output of a run before a restart (a shell prompt), or
 * the last piece of a long line (the `local` driver of Docker 20.10 drops that `\n`); there the
 * next message's timestamp stands right after the text. Such a timestamp is recognised by its
 * exact shape, followed by a space, naming an instant after the current message's and not in
 * the future: a process's own timestamps in its output name an earlier instant (it writes
 * before the engine reads), so they stay text.
 */
export class RawLogDecoder implements LogDecoder {
  private readonly line: LineAssembly;
  /** Bytes kept from the last chunk: a timestamp cut in two, or the few bytes that could start one. */
  private carry: Uint8Array | null = null;
  /** The current message's timestamp; null between messages (a timestamp comes next). */
  private time: string | null = null;
  private instant: Instant | null = null;
  /** Text bytes of the current message so far. */
  private pieceBytes = 0;
  private needles: Uint8Array[] = [];
  private needlesFor = '';

  constructor(
    receive: LineReceiver,
    private readonly now: () => number = Date.now,
  ) {
    this.line = new LineAssembly('stdout', receive);
  }

  push(chunk: Uint8Array): void {
    const data = this.carry === null ? chunk : concatBytes(this.carry, chunk);
    this.carry = null;
    let position = 0;
    while (position < data.length) {
      if (this.time === null) {
        const end = timestampEnd(data, position);
        if (end === needMoreBytes) {
          this.carry = data.slice(position);
          return;
        }
        if (end === notATimestamp) {
          // Not what an engine writes with timestamps on: read it as text of the last time.
          this.beginMessage(this.line.time ?? '');
          continue;
        }
        this.beginMessage(ascii.decode(data.subarray(position, end)));
        position = end + 1;
        continue;
      }
      const lineEnd = data.indexOf(newline, position);
      const limit = lineEnd < 0 ? data.length : lineEnd;
      const found = this.findTimestamp(data, position, limit);
      switch (found.kind) {
        case 'continue':
          this.addText(data.subarray(position, found.at));
          this.pieceBytes = 0;
          position = found.end + 1;
          break;
        case 'next':
          this.addText(data.subarray(position, found.at));
          this.line.finish();
          this.time = null;
          position = found.at;
          break;
        case 'wait':
          this.addText(data.subarray(position, found.at));
          this.carry = data.slice(found.at);
          return;
        case 'none':
          if (lineEnd >= 0) {
            this.line.finish(data.subarray(position, lineEnd));
            this.time = null;
            position = lineEnd + 1;
          } else {
            this.addText(data.subarray(position));
            position = data.length;
          }
      }
    }
  }

  end(): void {
    if (this.carry !== null && this.time !== null) this.addText(this.carry);
    this.carry = null;
    if (this.line.time !== null) this.line.finish();
    this.time = null;
  }

  private beginMessage(time: string): void {
    this.time = time;
    this.instant = null;
    this.pieceBytes = 0;
    if (this.line.time === null) this.line.start(time);
  }

  private addText(bytes: Uint8Array): void {
    this.pieceBytes += bytes.length;
    this.line.add(bytes);
  }

  /** The first timestamp in `data[from, to)` that ends or continues the current message. */
  private findTimestamp(data: Uint8Array, from: number, to: number): Found {
    const time = this.time ?? '';
    const needles = this.needlesOf(time);
    let searchFrom = from;
    for (;;) {
      let hit = -1;
      for (const needle of needles) {
        const at = indexOfBytes(data, needle, searchFrom, to);
        if (at >= 0 && (hit < 0 || at < hit)) hit = at;
      }
      if (hit < 0) break;
      const end = timestampEnd(data, hit);
      if (end === needMoreBytes) return { kind: 'wait', at: hit };
      if (end >= 0) {
        const candidate = ascii.decode(data.subarray(hit, end));
        if (candidate === time) {
          if (this.pieceBytes + (hit - from) >= shortestPartial) return { kind: 'continue', at: hit, end };
        } else if (this.startsNext(candidate)) {
          return { kind: 'next', at: hit };
        }
      }
      searchFrom = hit + 1;
    }
    return { kind: 'none' };
  }

  private startsNext(candidate: string): boolean {
    this.instant ??= instantOf(this.time ?? '');
    const next = instantOf(candidate);
    if (next === null || this.instant === null || compareInstants(next, this.instant) <= 0) return false;
    return next.seconds * 1000 <= this.now() + 60_000;
  }

  /** What a timestamp after the current one starts with: its year, and the next year in December. */
  private needlesOf(time: string): Uint8Array[] {
    const year = time.slice(0, 4);
    if (year === this.needlesFor) return this.needles;
    this.needlesFor = year;
    const encoder = new TextEncoder();
    const years = /^\d{4}$/.test(year) ? [Number(year), ...(time.slice(5, 7) === '12' ? [Number(year) + 1] : [])] : [];
    this.needles = years.map((value) => encoder.encode(`${value}-`));
    return this.needles;
  }
}

/**
 * The index in `haystack[from, to)` where `needle` starts, or where its start runs into the end
 * of `haystack` (the rest may come with the next chunk); -1 when neither.
 */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  const first = needle[0]!;
  for (let at = haystack.indexOf(first, from); at >= 0 && at < to; at = haystack.indexOf(first, at + 1)) {
    let index = 1;
    while (index < needle.length && haystack[at + index] === needle[index]) index++;
    if (index === needle.length) return at;
    // The needle runs past the bytes there are: it may continue in the next chunk.
    if (at + index === haystack.length) return at;
  }
  return -1;
}

/** The decoder for a container: raw for a TTY, multiplexed otherwise. */
export function logDecoderFor(isTty: boolean, receive: LineReceiver): LogDecoder {
  return isTty ? new RawLogDecoder(receive) : new MultiplexedLogDecoder(receive);
}
