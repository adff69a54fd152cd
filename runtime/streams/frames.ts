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

  /** Frames completed by this chunk, in order. Throws on a header that is not a frame header. */
  push(chunk: Uint8Array): Frame[] {
    // A plain view: on a Node Buffer `slice` would share memory instead of copying.
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const buffer = this.pending.length === 0 ? bytes : concat(this.pending, bytes);
    const frames: Frame[] = [];
    let offset = 0;
    while (buffer.length - offset >= headerLength) {
      const header = new DataView(buffer.buffer, buffer.byteOffset + offset, headerLength);
      const type = header.getUint8(0);
      const stream = streamNames[type];
      if (stream === undefined) throw new Error(`Not a multiplexed stream: frame type ${String(type)} at byte ${String(offset)}.`);
      const length = header.getUint32(4);
      if (buffer.length - offset - headerLength < length) break;
      const start = offset + headerLength;
      // A copy, so the frame does not keep the whole chunk alive nor change if the chunk is reused.
      frames.push({ stream, data: buffer.slice(start, start + length) });
      offset = start + length;
    }
    this.pending = buffer.slice(offset);
    return frames;
  }

  /** Bytes of an unfinished frame still held (0 when the stream ended cleanly). */
  get pendingBytes(): number {
    return this.pending.length;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
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
