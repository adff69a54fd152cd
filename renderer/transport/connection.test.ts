import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toDisposable, type BerthClient } from '../../runtime/api/index.js';
import type { BerthLink } from '../stores/engineSlice.js';
import { engineStatus, FakeHost, settle } from '../testing/fakeHost.js';
import { connectToBerth } from './connection.js';

describe('connection to Berth', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function harness(outcomes: ('fail' | FakeHost)[]) {
    const links: BerthLink[] = [];
    const clients: BerthClient[] = [];
    let sessionsDisposed = 0;
    const connection = connectToBerth({
      openPort: () => {
        const next = outcomes.shift();
        if (next === undefined || next === 'fail') return Promise.reject(new Error('refused'));
        return Promise.resolve(next.port);
      },
      onClient: (client) => {
        clients.push(client);
        return toDisposable(() => sessionsDisposed++);
      },
      onLinkChange: (link) => links.push(link),
    });
    return { connection, links, clients, sessionsDisposed: () => sessionsDisposed };
  }

  it('retries with backoff until a port opens, then builds a client', async () => {
    const host = new FakeHost();
    const { connection, links, clients } = harness(['fail', 'fail', host]);
    await settle();
    expect(links).toEqual([{ state: 'connecting' }, { state: 'reconnecting', retryInMs: 250 }]);
    await vi.advanceTimersByTimeAsync(250);
    expect(links.at(-1)).toEqual({ state: 'reconnecting', retryInMs: 500 });
    await vi.advanceTimersByTimeAsync(500);
    expect(links.at(-1)).toEqual({ state: 'connected' });
    expect(clients).toHaveLength(1);
    expect(connection.current()).toBe(clients[0]);
  });

  it('on close drops the session and builds a new client on a new port', async () => {
    const first = new FakeHost();
    const second = new FakeHost();
    const { connection, links, clients, sessionsDisposed } = harness([first, second]);
    await settle();
    first.close();
    expect(sessionsDisposed()).toBe(1);
    expect(connection.current()).toBeNull();
    expect(links.at(-1)).toEqual({ state: 'reconnecting', retryInMs: 250 });
    await vi.advanceTimersByTimeAsync(250);
    expect(clients).toHaveLength(2);
    expect(connection.current()).toBe(clients[1]);
  });

  it('resets the backoff only after the host has answered', async () => {
    const first = new FakeHost();
    const second = new FakeHost();
    const third = new FakeHost();
    const { links } = harness([first, second, third]);
    await settle();
    first.close(); // closed without a word: the next delay grows
    await vi.advanceTimersByTimeAsync(250);
    second.emit(1, { type: 'engine', status: engineStatus() }); // any message counts as an answer
    second.close();
    expect(links.at(-1)).toEqual({ state: 'reconnecting', retryInMs: 250 });
  });

  it('stops retrying when disposed', async () => {
    const { connection, links } = harness(['fail', 'fail']);
    await settle();
    connection.dispose();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(links).toHaveLength(2);
  });
});
