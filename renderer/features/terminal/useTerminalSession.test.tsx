// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import type { Terminal } from '@xterm/xterm';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { BerthClient } from '../../../runtime/api/index.js';
import { ClientSourceContext } from '../../app/connectionContext.js';
import { berthStore } from '../../stores/store.js';
import { FakeHost, settle } from '../../testing/fakeHost.js';
import { restartSettleMs, useTerminalSession } from './useTerminalSession.js';

/** Just the part of an xterm the hook touches. */
function fakeTerminal(): Terminal {
  const none = { dispose: () => undefined };
  return { cols: 80, rows: 24, reset: () => undefined, write: () => undefined, onData: () => none, onResize: () => none } as unknown as Terminal;
}

function setup() {
  berthStore.setState(berthStore.getInitialState(), true);
  act(() => berthStore.getState().engine.setLink({ state: 'connected' }));
  const host = new FakeHost();
  const client = new BerthClient(host.port);
  const terminal = fakeTerminal();
  const clientSource = () => client; // stable, as the app's is
  const wrapper = ({ children }: { children: ReactNode }) => <ClientSourceContext value={clientSource}>{children}</ClientSourceContext>;
  const hook = renderHook(
    ({ isRunning }: { isRunning: boolean }) => useTerminalSession({ terminal, engineId: 'engine-1', containerId: 'web', target: { kind: 'attach' }, isRunning, generation: 0 }),
    { wrapper, initialProps: { isRunning: true } },
  );
  const subscriptions = () => host.sent.filter((m) => m.kind === 'subscribe');
  return { host, hook, subscriptions };
}

describe('a terminal session over the life of a container', () => {
  it('lets the engine end it when the container stops, keeping the exit code, and opens a new one when it starts again', async () => {
    const { host, hook, subscriptions } = setup();
    expect(subscriptions()).toHaveLength(1);
    const first = subscriptions()[0]!.id;
    act(() => host.emitTo(first, { type: 'opened', sessionId: 'session-0001', tty: true, stdin: true }));
    expect(hook.result.current).toEqual({ kind: 'open', stdin: true });

    // The list hears `die` before the attach stream delivers the exit: the session must stay.
    hook.rerender({ isRunning: false });
    expect(host.sent.filter((m) => m.kind === 'unsubscribe')).toEqual([]);
    await act(async () => {
      host.emitTo(first, { type: 'exit', exitCode: 4 });
      host.endStream(first);
      await settle();
    });
    expect(hook.result.current).toEqual({ kind: 'ended', exitCode: 4 });

    hook.rerender({ isRunning: true });
    expect(subscriptions()).toHaveLength(2);
    expect(subscriptions()[1]).toMatchObject({ stream: 'containers.attach', params: { id: 'web' } });
  });

  it('attaches again when the container restarted faster than the list saw it stop (docker restart)', async () => {
    const { host, hook, subscriptions } = setup();
    const first = subscriptions()[0]!.id;
    act(() => host.emitTo(first, { type: 'opened', sessionId: 'session-0001', tty: true, stdin: true }));
    // The main process ends; the list never says the container stopped (die and start came together).
    await act(async () => {
      host.emitTo(first, { type: 'exit', exitCode: 137 });
      host.endStream(first);
      await settle();
    });
    expect(subscriptions()).toHaveLength(1);
    await act(() => new Promise((resolve) => setTimeout(resolve, restartSettleMs + 100)));
    expect(subscriptions()).toHaveLength(2);
    expect(subscriptions()[1]).toMatchObject({ stream: 'containers.attach', params: { id: 'web' } });
    hook.unmount();
  });

  it('does not attach again when the list says the container stopped', async () => {
    const { host, hook, subscriptions } = setup();
    const first = subscriptions()[0]!.id;
    await act(async () => {
      host.emitTo(first, { type: 'exit', exitCode: 0 });
      host.endStream(first);
      await settle();
    });
    hook.rerender({ isRunning: false });
    await act(() => new Promise((resolve) => setTimeout(resolve, restartSettleMs + 100)));
    expect(subscriptions()).toHaveLength(1);
    expect(hook.result.current).toEqual({ kind: 'ended', exitCode: 0 });
  });

  it('opens nothing for a container that has not run yet', () => {
    berthStore.setState(berthStore.getInitialState(), true);
    const host = new FakeHost();
    const client = new BerthClient(host.port);
    const wrapper = ({ children }: { children: ReactNode }) => <ClientSourceContext value={() => client}>{children}</ClientSourceContext>;
    act(() => berthStore.getState().engine.setLink({ state: 'connected' }));
    const hook = renderHook(() => useTerminalSession({ terminal: fakeTerminal(), engineId: 'engine-1', containerId: 'web', target: { kind: 'attach' }, isRunning: false, generation: 0 }), { wrapper });
    expect(host.sent).toEqual([]);
    expect(hook.result.current).toEqual({ kind: 'waiting' });
  });
});
