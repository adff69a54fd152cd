import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogLine, LogLines } from '../../api/index.js';
import { batchTextLimit, batchWaitMs, DeliveredLines, LineBatches } from './line-batches.js';

const line = (time: string, text: string, stream: LogLine['stream'] = 'stdout'): LogLine => ({ time, stream, text });

afterEach(() => {
  vi.useRealTimers();
});

describe('LineBatches', () => {
  it('sends the first line after a quiet spell at once, then holds lines for the wait while data flows', () => {
    vi.useFakeTimers();
    const sent: LogLines[] = [];
    const batches = new LineBatches((event) => sent.push(event));
    batches.add(line('t1', 'a'));
    batches.settle();
    expect(sent.map((event) => event.lines.length)).toEqual([1]);
    batches.add(line('t2', 'b'));
    batches.settle();
    batches.add(line('t3', 'c'));
    batches.settle();
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(batchWaitMs);
    expect(sent.map((event) => event.lines.map((l) => l.text))).toEqual([['a'], ['b', 'c']]);
  });

  it('sends a batch as soon as it holds 64 KiB of text; a longer line goes in one batch', () => {
    const sent: LogLines[] = [];
    const batches = new LineBatches((event) => sent.push(event));
    const kilobyte = 'k'.repeat(1024);
    for (let index = 0; index < 64; index++) batches.add(line(`t${index}`, kilobyte));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.lines.reduce((sum, l) => sum + l.text.length, 0)).toBe(batchTextLimit);
    batches.add(line('huge', 'h'.repeat(1_000_000)));
    expect(sent).toHaveLength(2);
    batches.flush();
    expect(sent).toHaveLength(2);
  });
});

describe('DeliveredLines', () => {
  it('after a resume, drops what was delivered at the last instant and before it, once each, and lets the rest through', () => {
    const delivered = new DeliveredLines();
    const t1 = '2026-11-30T10:00:00Z';
    const t2 = '2026-11-30T10:00:01Z';
    const t3 = '2026-11-30T10:00:02Z';
    for (const l of [line(t1, 'a'), line(t2, 'x'), line(t2, 'x'), line(t2, 'y', 'stderr')]) expect(delivered.admit(l)).toBe(true);
    expect(delivered.lastDelivered).toEqual({ seconds: Date.UTC(2026, 10, 30, 10, 0, 1) / 1000, nanos: 0 });
    delivered.resume();
    // The engine's since includes the instant: it sends t2's lines again, then what is new.
    const again = [line(t1, 'a'), line(t2, 'x'), line(t2, 'y', 'stderr'), line(t2, 'x'), line(t2, 'x'), line(t2, 'y'), line(t3, 'new'), line(t2, 'late')];
    expect(again.map((l) => delivered.admit(l))).toEqual([false, false, false, false, true, true, true, true]);
    // A second resume still knows every line of the last instant.
    delivered.resume();
    expect([line(t3, 'new'), line(t3, 'newer')].map((l) => delivered.admit(l))).toEqual([false, true]);
  });

  it('lets everything through before the first line and without a resume', () => {
    const delivered = new DeliveredLines();
    delivered.resume();
    expect(delivered.lastDelivered).toBeNull();
    expect([line('2026-11-30T10:00:00Z', 'a'), line('2026-11-30T10:00:00Z', 'a')].map((l) => delivered.admit(l))).toEqual([true, true]);
  });
});
