import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameDemuxer } from './frames.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe('FrameDemuxer', () => {
  it('splits one chunk holding several frames by stream', () => {
    const chunk = Buffer.concat([encodeFrame('stdout', bytes('out\n')), encodeFrame('stderr', bytes('err\n')), encodeFrame('stdout', bytes(''))]);
    const frames = new FrameDemuxer().push(chunk);
    expect(frames.map((f) => [f.stream, text(f.data)])).toEqual([
      ['stdout', 'out\n'],
      ['stderr', 'err\n'],
      ['stdout', ''],
    ]);
  });

  it('reassembles frames split at every possible byte, header included', () => {
    const whole = Buffer.concat([encodeFrame('stdout', bytes('héllo wörld')), encodeFrame('stderr', bytes('second'))]);
    for (let cut = 1; cut < whole.length; cut++) {
      const demuxer = new FrameDemuxer();
      const frames = [...demuxer.push(whole.subarray(0, cut)), ...demuxer.push(whole.subarray(cut))];
      expect(frames.map((f) => text(f.data))).toEqual(['héllo wörld', 'second']);
      expect(demuxer.pendingBytes).toBe(0);
    }
  });

  it('reads lengths above 16 MiB as unsigned', () => {
    const header = encodeFrame('stdout', new Uint8Array(0));
    header[4] = 0x81; // 2^31 + ... : must not turn negative
    const demuxer = new FrameDemuxer();
    expect(demuxer.push(header)).toEqual([]);
    expect(demuxer.pendingBytes).toBe(8);
  });

  it('keeps a frame whose payload has not all arrived', () => {
    const frame = encodeFrame('stdout', bytes('abcdef'));
    const demuxer = new FrameDemuxer();
    expect(demuxer.push(frame.subarray(0, 10))).toEqual([]);
    expect(demuxer.pendingBytes).toBe(10);
  });

  it('refuses bytes that are not frames (a TTY stream read as multiplexed)', () => {
    expect(() => new FrameDemuxer().push(bytes('plain tty output'))).toThrow(/Not a multiplexed stream/);
  });

  it('hands out copies, never views of the chunk (a Buffer chunk included)', () => {
    const chunk = Buffer.from(encodeFrame('stdout', bytes('abc')));
    const [frame] = new FrameDemuxer().push(chunk);
    chunk.fill(0);
    expect(text(frame!.data)).toBe('abc');
    expect(frame!.data.buffer.byteLength).toBe(3);
  });
});

describe('FrameDemuxer.each', () => {
  it('visits the same frames as push at every cut into three chunks, without copying a frame that is whole in its chunk', () => {
    const whole = Buffer.concat([encodeFrame('stdout', bytes('héllo')), encodeFrame('stderr', bytes('')), encodeFrame('stdout', bytes('wörld\n'))]);
    for (let first = 1; first < whole.length; first++) {
      for (let second = first; second < whole.length; second++) {
        const demuxer = new FrameDemuxer();
        const seen: string[] = [];
        for (const chunk of [whole.subarray(0, first), whole.subarray(first, second), whole.subarray(second)]) {
          demuxer.each(chunk, (stream, data) => seen.push(`${stream}:${text(data)}`));
        }
        expect(seen).toEqual(['stdout:héllo', 'stderr:', 'stdout:wörld\n']);
        expect(demuxer.pendingBytes).toBe(0);
      }
    }
    const chunk = Buffer.from(encodeFrame('stdout', bytes('abc')));
    new FrameDemuxer().each(chunk, (_stream, data) => expect(data.buffer).toBe(chunk.buffer));
  });
});
