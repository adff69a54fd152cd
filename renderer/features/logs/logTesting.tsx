import { act } from '@testing-library/react';
import { linesEventOf, type LogEvent, type LogLine, type LogLines } from '../../../runtime/api/index.js';
import { berthStore } from '../../stores/store.js';
import type { FakeHost } from '../../testing/fakeHost.js';

const start = Date.UTC(2026, 0, 1) / 1000;

/** Log lines at whole seconds from a fixed start, so tests read times as small numbers. */
export function logLine(second: number, text: string, stream: LogLine['stream'] = 'stdout'): LogLine {
  return { seconds: start + second, nanos: 0, stream, text };
}

/** The time of `logLine(second, ...)` as a mark carries it (RFC 3339). */
export function logTime(second: number): string {
  return `2026-01-01T00:${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}.000000000Z`;
}

/** A `lines` event of these lines. */
export function linesEvent(...lines: LogLine[]): LogLines {
  return linesEventOf(lines);
}

/** The id of the last `logs.follow` subscription on `engine`. */
export function followOn(host: FakeHost, engine = 'engine-1'): number {
  const found = host.sent.filter((m) => m.kind === 'subscribe' && m.stream === 'logs.follow' && 'engine' in m && m.engine === engine).at(-1);
  if (!found) throw new Error(`No logs.follow on ${engine}.`);
  return found.id;
}

/** Lets an animation frame (and the timers standing in for it) pass, so the view draws what arrived. */
export async function nextFrame(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 40));
  });
}

/** Sends log events on a follow and waits for them to be drawn. */
export async function sendLog(host: FakeHost, id: number, ...events: LogEvent[]): Promise<void> {
  act(() => host.emitTo(id, ...events));
  await nextFrame();
}

/** Berth is connected: the app's link state, which the view resumes on. */
export function connectLink(): void {
  act(() => berthStore.getState().engine.setLink({ state: 'connected' }));
}
