import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeEnvelope, type Utf8 } from './wire-frames.js';
import type { Envelope } from './wire.js';

// The contract's folder knows neither DOM nor Node types; both runtimes have these two.
const codecs = globalThis as unknown as { TextEncoder: new () => { encode(t: string): Uint8Array }; TextDecoder: new () => { decode(b: Uint8Array): string } };
const utf8: Utf8 = { encode: (t) => new codecs.TextEncoder().encode(t), decode: (b) => new codecs.TextDecoder().decode(b) };

describe('wire frames', () => {
  it('sends envelopes without bytes as plain JSON text', () => {
    const call: Envelope = { kind: 'result', id: 1, result: { name: 'web', labels: { a: 'b' } } };
    const frame = encodeEnvelope(call, utf8);
    expect(typeof frame).toBe('string');
    expect(decodeFrame(frame, utf8)).toEqual(call);
  });

  it('carries byte arrays in events as raw bytes, anywhere in the event', () => {
    const output = new Uint8Array([27, 91, 51, 49, 109, 0, 255, 0xe2, 0x82]); // escape codes, NUL, a split UTF-8 sequence
    const event: Envelope = {
      kind: 'event',
      id: 7,
      events: [{ type: 'output', data: output }, { type: 'exit', exitCode: 0 }, { nested: [{ data: new Uint8Array([1, 2]) }] }],
    };
    const frame = encodeEnvelope(event, utf8);
    expect(frame).toBeInstanceOf(Uint8Array);
    const decoded = decodeFrame(frame, utf8) as { events: [{ data: Uint8Array }, unknown, { nested: [{ data: Uint8Array }] }] };
    expect(decoded.events[0].data).toBeInstanceOf(Uint8Array);
    expect([...decoded.events[0].data]).toEqual([...output]);
    expect(decoded.events[1]).toEqual({ type: 'exit', exitCode: 0 });
    expect([...decoded.events[2].nested[0].data]).toEqual([1, 2]);
  });

  it('never mistakes a value a container chose for a byte array', () => {
    // A label or env value shaped like a marker stays what it is.
    const event: Envelope = { kind: 'event', id: 2, events: [{ labels: { $bytes: 'AAAA', path: ['events', 0] }, data: new Uint8Array([9]) }] };
    const decoded = decodeFrame(encodeEnvelope(event, utf8), utf8) as { events: [{ labels: unknown; data: Uint8Array }] };
    expect(decoded.events[0].labels).toEqual({ $bytes: 'AAAA', path: ['events', 0] });
    expect([...decoded.events[0].data]).toEqual([9]);
  });

  it('answers undefined for a truncated or garbled binary frame', () => {
    const frame = encodeEnvelope({ kind: 'event', id: 1, events: [{ data: new Uint8Array(100) }] }, utf8) as Uint8Array;
    expect(decodeFrame(frame.subarray(0, frame.length - 1), utf8)).toBeUndefined();
    expect(decodeFrame(new Uint8Array([0, 0, 0, 50, 1, 2]), utf8)).toBeUndefined();
    expect(decodeFrame('{not json', utf8)).toBeUndefined();
  });
});
