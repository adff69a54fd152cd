import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BerthClient, StreamHandlers } from '../../runtime/api/index.js';
import { keepSubscribed } from './keepSubscribed.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A client that records each subscription and lets the test end it (pure logic: no backend). */
function recordingClient() {
  const subscriptions: { handlers: StreamHandlers<unknown>; disposed: boolean }[] = [];
  const client = {
    subscribe: (_stream: string, _params: unknown, handlers: StreamHandlers<unknown>) => {
      const entry = { handlers, disposed: false };
      subscriptions.push(entry);
      return { dispose: () => (entry.disposed = true) };
    },
  } as unknown as BerthClient;
  return { client, subscriptions };
}

describe('keepSubscribed', () => {
  it('subscribes again after an end or a failure, with a fresh handler each time, until disposed', () => {
    const { client, subscriptions } = recordingClient();
    const seen: string[] = [];
    let started = 0;
    const kept = keepSubscribed(() => client, 'settings.watch', {}, () => {
      const round = ++started;
      return (event) => seen.push(`${round}:${event.theme}`);
    });
    expect(subscriptions).toHaveLength(1);
    subscriptions[0]!.handlers.onEvent({ theme: 'dark' });
    subscriptions[0]!.handlers.onEnd?.();
    vi.advanceTimersByTime(60_000);
    expect(subscriptions).toHaveLength(2);
    subscriptions[1]!.handlers.onEvent({ theme: 'light' });
    subscriptions[1]!.handlers.onError?.(new Error('gone') as never);
    vi.advanceTimersByTime(60_000);
    expect(subscriptions).toHaveLength(3);
    expect(seen).toEqual(['1:dark', '2:light']);
    kept.dispose();
    expect(subscriptions[2]!.disposed).toBe(true);
    subscriptions[2]!.handlers.onEnd?.();
    vi.advanceTimersByTime(60_000);
    expect(subscriptions).toHaveLength(3);
  });

  it('waits for a client when there is none yet, and stops waiting when disposed', () => {
    const { client, subscriptions } = recordingClient();
    let available: BerthClient | null = null;
    const kept = keepSubscribed(() => available, 'settings.watch', {}, () => () => undefined);
    vi.advanceTimersByTime(60_000);
    expect(subscriptions).toHaveLength(0);
    available = client;
    vi.advanceTimersByTime(60_000);
    expect(subscriptions).toHaveLength(1);
    kept.dispose();
    const other = keepSubscribed(() => null, 'settings.watch', {}, () => () => undefined);
    other.dispose();
    available = client;
    vi.advanceTimersByTime(60_000);
    expect(subscriptions).toHaveLength(1);
  });
});
