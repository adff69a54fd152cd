import type { Envelope } from './wire.js';

/**
 * How envelopes cross a WebSocket. Most are one JSON text frame. An envelope carrying bytes
 * (terminal output is `Uint8Array`, DESIGN.md) goes as one binary frame instead, so bytes are
 * neither inflated by base64 nor turned into `{"0":27,...}` by JSON:
 *
 *   [u32 big-endian header length][header: UTF-8 JSON][payload bytes, one after another]
 *
 * The header is `{envelope, binaries: [{path, length}]}`: the envelope with `null` where each
 * byte array was, and where they go back. Paths instead of placeholder objects, so no value a
 * container could send is ever mistaken for a byte array. Electron IPC needs none of this:
 * structured clone carries `Uint8Array` as is.
 */

/** UTF-8 both ways; `TextEncoder`/`TextDecoder` in browsers and Node (the contract names neither). */
export interface Utf8 {
  encode(text: string): Uint8Array;
  decode(bytes: Uint8Array): string;
}

type PathStep = string | number;

interface BinaryHeader {
  envelope: unknown;
  binaries: { path: PathStep[]; length: number }[];
}

/** Text for an envelope without bytes, a binary frame for one with. Only stream events carry bytes. */
export function encodeEnvelope(message: Envelope, utf8: Utf8): string | Uint8Array {
  // Most events carry no bytes (log lines, progress): one look without copying settles it.
  if (message.kind !== 'event' || !message.events.some(hasBytes)) return JSON.stringify(message);
  const binaries: { path: PathStep[]; bytes: Uint8Array }[] = [];
  const events = message.events.map((event, index) => withoutBytes(event, ['events', index], binaries));
  if (binaries.length === 0) return JSON.stringify(message);
  const header: BinaryHeader = {
    envelope: { ...message, events },
    binaries: binaries.map(({ path, bytes }) => ({ path, length: bytes.length })),
  };
  const headerBytes = utf8.encode(JSON.stringify(header));
  const total = 4 + headerBytes.length + binaries.reduce((sum, b) => sum + b.bytes.length, 0);
  const frame = new Uint8Array(total);
  new DataView(frame.buffer).setUint32(0, headerBytes.length);
  frame.set(headerBytes, 4);
  let offset = 4 + headerBytes.length;
  for (const { bytes } of binaries) {
    frame.set(bytes, offset);
    offset += bytes.length;
  }
  return frame;
}

/** The message a frame holds; a frame that is not well formed comes back as `undefined`. */
export function decodeFrame(frame: string | Uint8Array, utf8: Utf8): unknown {
  try {
    if (typeof frame === 'string') return JSON.parse(frame);
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const headerLength = view.getUint32(0);
    const header = JSON.parse(utf8.decode(frame.subarray(4, 4 + headerLength))) as BinaryHeader;
    let offset = 4 + headerLength;
    for (const { path, length } of header.binaries) {
      if (offset + length > frame.length) return undefined;
      // A copy: the receiver may keep it after the frame's buffer is reused.
      header.envelope = placeAt(header.envelope, path, frame.slice(offset, offset + length));
      offset += length;
    }
    return header.envelope;
  } catch {
    return undefined;
  }
}

function hasBytes(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (hasBytes(item)) return true;
    return false;
  }
  for (const key in value) if (hasBytes((value as Record<string, unknown>)[key])) return true;
  return false;
}

function withoutBytes(value: unknown, path: PathStep[], found: { path: PathStep[]; bytes: Uint8Array }[]): unknown {
  if (value instanceof Uint8Array) {
    found.push({ path, bytes: value });
    return null;
  }
  if (Array.isArray(value)) return value.map((item, index) => withoutBytes(item, [...path, index], found));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = withoutBytes(item, [...path, key], found);
    return copy;
  }
  return value;
}

function placeAt(root: unknown, path: PathStep[], bytes: Uint8Array): unknown {
  if (path.length === 0) return bytes;
  let node = root;
  for (const step of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) throw new Error('binary path leads nowhere');
    node = (node as Record<PathStep, unknown>)[step];
  }
  if (typeof node !== 'object' || node === null) throw new Error('binary path leads nowhere');
  const last = path[path.length - 1] as PathStep;
  (node as Record<PathStep, unknown>)[last] = bytes;
  return root;
}
