import { afterEach, describe, expect, it, vi } from 'vitest';
import { logLinesOf, type LogLines } from '../../api/index.js';
import { batchSpanNanos, batchTextLimit, batchWaitMs, DeliveredLines, LineBatches } from './line-batches.js';

afterEach(() => {
  vi.useRealTimers();
});

const base = Date.UTC(2026, 10, 30, 10) / 1000;

describe('LineBatches', () => {
  it('sends the first line after a quiet spell at once, then holds lines for the wait while data flows', () => {
    vi.useFakeTimers();
    const sent: LogLines[] = [];
    const batches = new LineBatches((event) => sent.push(event));
    batches.add(base, 1, false, 'a');
    batches.settle();
    expect(sent.map((event) => event.text.length)).toEqual([1]);
    batches.add(base, 2, false, 'b');
    batches.settle();
    batches.add(base, 3, false, 'c');
    batches.settle();
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(batchWaitMs);
    expect(sent.map((event) => event.text)).toEqual([['a'], ['b', 'c']]);
  });

  it('sends times as nanoseconds after the line before, exact across seconds and backwards, and stderr as indexes', () => {
    const sent: LogLines[] = [];
    const batches = new LineBatches((event) => sent.push(event));
    batches.add(base, 999_999_999, false, 'a');
    batches.add(base + 1, 5, true, 'b');
    batches.add(base, 999_999_998, false, 'c');
    batches.add(base + 3600 * 24 * 7, 123_456_789, true, 'd');
    batches.flush();
    expect(sent).toEqual([{ type: 'lines', text: ['a', 'b', 'c', 'd'], seconds: base, nanos: [999_999_999, 6, -7, 3600 * 24 * 7 * 1e9 + 123_456_789 - 999_999_998], stderr: [1, 3] }]);
    expect(logLinesOf(sent[0]!)).toEqual([
      { seconds: base, nanos: 999_999_999, stream: 'stdout', text: 'a' },
      { seconds: base + 1, nanos: 5, stream: 'stderr', text: 'b' },
      { seconds: base, nanos: 999_999_998, stream: 'stdout', text: 'c' },
      { seconds: base + 3600 * 24 * 7, nanos: 123_456_789, stream: 'stderr', text: 'd' },
    ]);
  });

  it('starts a new batch for a line too far in time from the batch, so every sum stays exact', () => {
    const sent: LogLines[] = [];
    const batches = new LineBatches((event) => sent.push(event));
    batches.add(base, 1, false, 'old');
    batches.add(base + batchSpanNanos / 1e9 + 1, 2, false, 'much later');
    batches.flush();
    expect(sent.map((event) => [event.seconds, event.nanos, event.stderr])).toEqual([
      [base, [1], undefined],
      [base + batchSpanNanos / 1e9 + 1, [2], undefined],
    ]);
  });

  it('sends a batch as soon as it holds 64 KiB of text; a longer line goes in one batch', () => {
    const sent: LogLines[] = [];
    const batches = new LineBatches((event) => sent.push(event));
    const kilobyte = 'k'.repeat(1024);
    for (let index = 0; index < 64; index++) batches.add(base, index, false, kilobyte);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text.reduce((sum, text) => sum + text.length, 0)).toBe(batchTextLimit);
    batches.add(base, 100, false, 'h'.repeat(1_000_000));
    expect(sent).toHaveLength(2);
    batches.flush();
    expect(sent).toHaveLength(2);
  });
});

describe('DeliveredLines', () => {
  const t1 = base;
  const t2 = base + 1;
  const t3 = base + 2;
  type Line = [seconds: number, text: string, isStderr?: boolean];
  const admit = (delivered: DeliveredLines, lines: Line[]) => lines.map(([seconds, text, isStderr = false]) => delivered.admit(seconds, 0, isStderr, text));

  it('after a resume, drops what was delivered at the last instant and before it, once each, and lets the rest through', () => {
    const delivered = new DeliveredLines();
    expect(admit(delivered, [[t1, 'a'], [t2, 'x'], [t2, 'x'], [t2, 'y', true]])).toEqual([true, true, true, true]);
    expect(delivered.lastDelivered).toEqual({ seconds: t2, nanos: 0 });
    delivered.resume();
    // The engine's since includes the instant: it sends t2's lines again, then what is new.
    const again: Line[] = [[t1, 'a'], [t2, 'x'], [t2, 'y', true], [t2, 'x'], [t2, 'x'], [t2, 'y'], [t3, 'new'], [t2, 'late']];
    expect(admit(delivered, again)).toEqual([false, false, false, false, true, true, true, true]);
    // A second resume still knows every line of the last instant.
    delivered.resume();
    expect(admit(delivered, [[t3, 'new'], [t3, 'newer']])).toEqual([false, true]);
  });

  it('tells instants apart to the nanosecond', () => {
    const delivered = new DeliveredLines();
    expect([delivered.admit(t1, 5, false, 'a'), delivered.admit(t1, 6, false, 'a')]).toEqual([true, true]);
    delivered.resume();
    expect([delivered.admit(t1, 5, false, 'a'), delivered.admit(t1, 6, false, 'a'), delivered.admit(t1, 6, false, 'a')]).toEqual([false, false, true]);
  });

  it('lets everything through before the first line and without a resume', () => {
    const delivered = new DeliveredLines();
    delivered.resume();
    expect(delivered.lastDelivered).toBeNull();
    expect(admit(delivered, [[t1, 'a'], [t1, 'a']])).toEqual([true, true]);
  });
});
