/**
 * The engine's multiplexed stream format, used for attach, exec and logs when the container has
 * no TTY: each frame is an 8-byte header (stream type, 3 zero bytes, big-endian payload length)
 * followed by the payload. Chunks from the socket split frames anywhere, headers included.
 */

/** 0 = stdin (written back by some engines), 1 = stdout, 2 = stderr. */
export type FrameStream = 'stdin' | 'stdout' | 'stderr';

export interface Frame {
  stream: FrameStream;
  data: Uint8Array;
}

const streamNames: Record<number, FrameStream | undefined> = { 0: 'stdin', 1: 'stdout', 2: 'stderr' };
const headerLength = 8;

/** Turns chunks of a multiplexed stream into whole frames; keeps what a chunk left unfinished. */
export class FrameDemuxer {
  private pending: Uint8Array = new Uint8Array(0);

  /** Frames completed by this chunk, in order, each a copy. Throws on a header that is not a frame header. */
  push(chunk: Uint8Array): Frame[] {
    const frames: Frame[] = [];
    // A copy, so the frame does not keep the whole chunk alive nor change if the chunk is reused.
    this.each(chunk, (stream, data) => frames.push({ stream, data: data.slice() }));
    return frames;
  }

  /**
   * Hands each frame this chunk completes to `visit`, in order, without copying: `data` is a
   * view into the chunk (or into the bytes kept from earlier chunks) that is valid only during
   * the call. For hot paths (logs) that read a frame once and keep nothing of it.
   */
  each(chunk: Uint8Array, visit: (stream: FrameStream, data: Uint8Array) => void): void {
    // A plain view: on a Node Buffer `slice` would share memory instead of copying.
    const buffer = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let offset = 0;
    if (this.pending.length > 0) {
      // Only the unfinished frame is joined with the start of this chunk, never the whole chunk.
      const header = this.pending.length >= headerLength ? this.pending : concatBytes(this.pending, buffer.subarray(0, headerLength - this.pending.length));
      if (header.length < headerLength) {
        this.pending = header;
        return;
      }
      const stream = streamOf(header, 0);
      const needed = headerLength + frameLength(header, 0) - this.pending.length;
      if (buffer.length < needed) {
        this.pending = concatBytes(this.pending, buffer);
        return;
      }
      const frame = concatBytes(this.pending, buffer.subarray(0, needed));
      this.pending = new Uint8Array(0);
      visit(stream, frame.subarray(headerLength));
      offset = needed;
    }
    while (buffer.length - offset >= headerLength) {
      const stream = streamOf(buffer, offset);
      const length = frameLength(buffer, offset);
      if (buffer.length - offset - headerLength < length) break;
      const start = offset + headerLength;
      offset = start + length;
      visit(stream, buffer.subarray(start, offset));
    }
    this.pending = buffer.slice(offset);
  }

  /** Bytes of an unfinished frame still held (0 when the stream ended cleanly). */
  get pendingBytes(): number {
    return this.pending.length;
  }
}

function streamOf(buffer: Uint8Array, offset: number): FrameStream {
  const type = buffer[offset] ?? -1;
  const stream = streamNames[type];
  if (stream === undefined) throw new Error(`Not a multiplexed stream: frame type ${String(type)} at byte ${String(offset)}.`);
  return stream;
}

/** The payload length of the header at `offset`: big-endian, unsigned. */
function frameLength(buffer: Uint8Array, offset: number): number {
  return ((buffer[offset + 4]! << 24) >>> 0) + (buffer[offset + 5]! << 16) + (buffer[offset + 6]! << 8) + buffer[offset + 7]!;
}

/** `a` then `b`, in a new array. */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/** One frame as the engine writes it (for tests and fixtures). */
export function encodeFrame(stream: FrameStream, data: Uint8Array): Uint8Array {
  const frame = new Uint8Array(headerLength + data.length);
  frame[0] = stream === 'stdin' ? 0 : stream === 'stdout' ? 1 : 2;
  new DataView(frame.buffer).setUint32(4, data.length);
  frame.set(data, headerLength);
  return frame;
}
