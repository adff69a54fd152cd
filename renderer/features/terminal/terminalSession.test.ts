import { describe, expect, it } from 'vitest';
import { BerthClient } from '../../../runtime/api/index.js';
import { FakeHost, settle } from '../../testing/fakeHost.js';
import { flowMarks, openTerminalSession, type SessionStatus, type TerminalTarget } from './terminalSession.js';

function harness(target: TerminalTarget = { kind: 'exec', command: ['sh'] }) {
  const host = new FakeHost();
  const client = new BerthClient(host.port);
  const written: string[] = [];
  const drawLater: (() => void)[] = [];
  const statuses: SessionStatus[] = [];
  const session = openTerminalSession({
    client,
    engineId: 'engine-2',
    containerId: 'web',
    target,
    size: { cols: 80, rows: 24 },
    screen: {
      write: (data, onWritten) => {
        written.push(new TextDecoder().decode(data));
        drawLater.push(onWritten);
      },
    },
    onStatus: (status) => statuses.push(status),
  });
  const streamName = target.kind === 'attach' ? 'containers.attach' : 'exec.open';
  const drawAll = () => drawLater.splice(0).forEach((draw) => draw());
  return { host, session, written, statuses, drawAll, streamId: () => host.subscriptionId(streamName) };
}

const opened = (stdin = true) => ({ type: 'opened', sessionId: 'session-0001', tty: true, stdin });

describe('a terminal session', () => {
  it('opens the asked process at the screen size, writes its output and reports how it ended', async () => {
    const { host, written, statuses, streamId } = harness();
    expect(host.sent.at(-1)).toMatchObject({ kind: 'subscribe', stream: 'exec.open', params: { id: 'web', command: ['sh'], size: { cols: 80, rows: 24 } } });
    host.emitTo(streamId(), opened(), { type: 'output', data: new TextEncoder().encode('$ '), stream: 'stdout' });
    host.emitTo(streamId(), { type: 'exit', exitCode: 3 });
    host.endStream(streamId());
    await settle();
    expect(written).toEqual(['$ ']);
    expect(statuses).toEqual([{ kind: 'opening' }, { kind: 'open', stdin: true }, { kind: 'ended', exitCode: 3 }]);
  });

  it('attaches to the main process when asked', () => {
    const { host } = harness({ kind: 'attach' });
    expect(host.sent.at(-1)).toMatchObject({ kind: 'subscribe', stream: 'containers.attach', params: { id: 'web', size: { cols: 80, rows: 24 } } });
  });

  it('sends keystrokes in order to the session, and none before it opened or when it takes no input', async () => {
    const { host, session, streamId } = harness();
    session.input('early');
    host.emitTo(streamId(), opened());
    session.input('l');
    session.input('s\r');
    await settle();
    expect(host.callsOf('terminal.input').map((c) => c.params)).toEqual([
      { sessionId: 'session-0001', data: 'l' },
      { sessionId: 'session-0001', data: 's\r' },
    ]);

    const readOnly = harness({ kind: 'attach' });
    readOnly.host.emitTo(readOnly.streamId(), opened(false));
    readOnly.session.input('x');
    expect(readOnly.host.callsOf('terminal.input')).toEqual([]);
  });

  it('sends only the newest size while a resize is in flight', async () => {
    const { host, session, streamId } = harness();
    host.emitTo(streamId(), opened());
    session.resize(100, 30);
    session.resize(110, 31);
    session.resize(120, 32);
    await settle();
    expect(host.callsOf('terminal.resize').map((c) => c.params)).toEqual([{ sessionId: 'session-0001', cols: 100, rows: 30 }]);
    host.reply(host.callsOf('terminal.resize')[0]!.id, null);
    await settle();
    expect(host.callsOf('terminal.resize').map((c) => c.params)).toEqual([
      { sessionId: 'session-0001', cols: 100, rows: 30 },
      { sessionId: 'session-0001', cols: 120, rows: 32 },
    ]);
  });

  it('reports a failure to open with the host\'s error, and disposing unsubscribes', async () => {
    const failing = harness();
    failing.host.fail(failing.streamId(), { code: 'conflict', message: 'Container web is not running' });
    await settle();
    expect(failing.statuses.at(-1)).toMatchObject({ kind: 'failed', error: { code: 'conflict', message: 'Container web is not running' } });

    const closing = harness();
    closing.session.dispose();
    expect(closing.host.sent.at(-1)).toEqual({ kind: 'unsubscribe', id: closing.streamId() });
  });

  it('opens the session on the container\'s engine and sends every keystroke, size and pause there', async () => {
    const { host, session, streamId, drawAll } = harness();
    expect(host.sent.at(-1)).toMatchObject({ kind: 'subscribe', stream: 'exec.open', engine: 'engine-2' });
    host.emitTo(streamId(), opened());
    session.input('l');
    session.resize(100, 30);
    host.emitTo(streamId(), { type: 'output', data: new Uint8Array(flowMarks.highBytes + 1), stream: 'stdout' });
    await settle();
    drawAll();
    await settle();
    const calls = host.sent.filter((m) => m.kind === 'call');
    expect(calls.map((m) => m.method).sort()).toEqual(['terminal.flow', 'terminal.flow', 'terminal.input', 'terminal.resize']);
    expect(calls.every((m) => m.engine === 'engine-2')).toBe(true);
  });

  it('pauses the host when the screen falls behind, and resumes once it has drawn enough', async () => {
    const { host, streamId, drawAll } = harness();
    host.emitTo(streamId(), opened());
    const chunk = new Uint8Array(flowMarks.highBytes / 4);
    for (let i = 0; i < 4; i++) host.emitTo(streamId(), { type: 'output', data: chunk, stream: 'stdout' });
    expect(host.callsOf('terminal.flow')).toEqual([]); // at the mark, not above it
    host.emitTo(streamId(), { type: 'output', data: chunk, stream: 'stdout' }, { type: 'output', data: chunk, stream: 'stdout' });
    await settle();
    expect(host.callsOf('terminal.flow').map((c) => c.params)).toEqual([{ sessionId: 'session-0001', paused: true }]);
    drawAll();
    await settle();
    expect(host.callsOf('terminal.flow').map((c) => c.params)).toEqual([
      { sessionId: 'session-0001', paused: true },
      { sessionId: 'session-0001', paused: false },
    ]);
  });
});
