import { describe, expect, it } from 'vitest';
import { BerthClient, linesEventOf, type LogEvent, type LogLine } from '../../../../runtime/api/index.js';
import { FakeHost } from '../../../testing/fakeHost.js';
import type { FrameClock } from './frameScheduler.js';
import { lineFlag, type BufferChange } from './logBuffer.js';
import { LogSession, type LogReadOptions } from './logSession.js';

/** A clock whose frames run when the test says. */
class ManualClock implements FrameClock {
  private frames: (() => void)[] = [];
  requestFrame(callback: () => void) {
    this.frames.push(callback);
    return () => (this.frames = this.frames.filter((frame) => frame !== callback));
  }
  setTimer() {
    return () => undefined;
  }
  get pending() {
    return this.frames.length;
  }
  runFrame() {
    const frames = this.frames;
    this.frames = [];
    for (const frame of frames) frame();
  }
}

const web = { engineId: 'engine-1', containerId: 'w'.repeat(64), name: 'web' };
const db = { engineId: 'engine-2', containerId: 'd'.repeat(64), name: 'db' };
const options: LogReadOptions = { tail: 1000, since: null, until: null };

function setup(readOptions = options) {
  const host = new FakeHost();
  const link = { client: new BerthClient(host.port) };
  const clock = new ManualClock();
  const session = new LogSession(() => link.client, readOptions, 100, clock);
  const changes: BufferChange[] = [];
  session.onChange((change) => changes.push(change));
  const subscriptions = () => host.sent.filter((m) => m.kind === 'subscribe');
  const idOf = (engine: string) => subscriptions().filter((m) => 'engine' in m && m.engine === engine).at(-1)!.id;
  const emit = (engine: string, ...events: LogEvent[]) => host.emitTo(idOf(engine), ...events);
  return { host, link, session, clock, changes, subscriptions, idOf, emit };
}

const at = (second: number, nanos = 0) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.${String(nanos).padStart(9, '0')}Z`;
const line = (second: number, text: string, stream: LogLine['stream'] = 'stdout', nanos = 0): LogLine => ({ seconds: Date.UTC(2026, 0, 1) / 1000 + second, nanos, stream, text });
const texts = (session: LogSession) => Array.from({ length: session.buffer.length }, (_, i) => session.buffer.text(i));

describe('a log session', () => {
  it('follows each container on its own engine, with the read options', () => {
    const { session, subscriptions } = setup({ tail: 'all', since: '10m', until: '2026-01-01T00:00:00Z' });
    session.setSources([web, db]);
    expect(subscriptions()).toEqual([
      { kind: 'subscribe', id: 1, stream: 'logs.follow', engine: 'engine-1', params: { id: web.containerId, follow: true, lastLinesFirst: true, tail: 'all', since: '10m', until: '2026-01-01T00:00:00Z' } },
      { kind: 'subscribe', id: 2, stream: 'logs.follow', engine: 'engine-2', params: { id: db.containerId, follow: true, lastLinesFirst: true, tail: 'all', since: '10m', until: '2026-01-01T00:00:00Z' } },
    ]);
  });

  it('interleaves containers by engine time and tells listeners once per frame', () => {
    const { session, clock, changes, emit } = setup();
    session.setSources([web, db]);
    emit('engine-1', { type: 'opened', name: 'web', tty: false, logDriver: 'json-file' }, linesEventOf([line(1, 'w1'), line(3, 'w3', 'stderr')]));
    emit('engine-2', linesEventOf([line(2, 'd2'), line(3, 'd3', 'stdout', 5)]));
    expect(clock.pending).toBe(1);
    clock.runFrame();
    expect(texts(session)).toEqual(['w1', 'd2', 'w3', 'd3']);
    expect(changes).toEqual([{ dropped: 0, changedFrom: 0 }]);
    expect(session.buffer.flags(2) & lineFlag.stderr).toBe(lineFlag.stderr);
    expect(session.source(session.buffer.source(1))?.name).toBe('db');
    expect(session.sources().map((s) => [s.name, s.status.kind])).toEqual([
      ['web', 'open'],
      ['db', 'opening'],
    ]);
    // Two containers get two colours.
    expect(new Set(session.sources().map((s) => s.color)).size).toBe(2);
  });

  it('shows marks as rows at their time, and an unreadable log as its message', () => {
    const { session, clock, emit } = setup();
    session.setSources([web, db]);
    emit('engine-1', linesEventOf([line(1, 'a'), line(5, 'b')]), { type: 'mark', kind: 'exited', time: at(3), exitCode: 137 });
    emit('engine-2', { type: 'unreadable', logDriver: 'none', message: 'The log driver none keeps no logs.' });
    clock.runFrame();
    expect(texts(session)).toEqual(['a', 'Container exited with code 137', 'b']);
    expect(session.buffer.flags(1) & lineFlag.mark).toBe(lineFlag.mark);
    expect(session.sources()[1]?.status).toEqual({ kind: 'unreadable', message: 'The log driver none keeps no logs.' });
  });

  it('drops a container taken out of the view, with its lines', () => {
    const { session, host, clock, emit, idOf } = setup();
    session.setSources([web, db]);
    emit('engine-1', linesEventOf([line(1, 'w1')]));
    emit('engine-2', linesEventOf([line(2, 'd2')]));
    const dbId = idOf('engine-2');
    session.setSources([web]);
    expect(host.sent.at(-1)).toEqual({ kind: 'unsubscribe', id: dbId });
    clock.runFrame();
    expect(texts(session)).toEqual(['w1']);
  });

  it('picks up after the last line when the link comes back, without repeating lines', () => {
    const { session, host, link, clock, emit, subscriptions } = setup();
    session.setSources([web]);
    emit('engine-1', linesEventOf([line(1, 'a'), line(2, 'b1'), line(2, 'b2')]));
    host.close();
    expect(session.sources()[0]?.status).toEqual({ kind: 'failed', message: 'The connection to Berth closed.' });
    const fresh = new FakeHost();
    link.client = new BerthClient(fresh.port);
    session.resume();
    const resumed = fresh.sent.find((m) => m.kind === 'subscribe')!;
    expect(resumed).toMatchObject({ params: { tail: 'all', since: `${Date.UTC(2026, 0, 1, 0, 0, 2) / 1000}.000000000` } });
    fresh.emitTo(resumed.id, linesEventOf([line(2, 'b1'), line(2, 'b2'), line(2, 'b3'), line(4, 'c')]));
    clock.runFrame();
    expect(texts(session)).toEqual(['a', 'b1', 'b2', 'b3', 'c']);
    expect(subscriptions()).toHaveLength(1);
  });

  it('puts lines sent ahead at an exit after the lines between, which come later', () => {
    const { session, clock, emit } = setup();
    session.setSources([web]);
    emit('engine-1', linesEventOf([line(1, 'a'), line(2, 'b')]));
    emit('engine-1', { ...linesEventOf([line(8, 'y'), line(9, 'z')]), ahead: true });
    clock.runFrame();
    expect(texts(session)).toEqual(['a', 'b', 'y', 'z']);
    emit('engine-1', linesEventOf([line(3, 'c'), line(4, 'd')]), { type: 'mark', kind: 'exited', time: at(9, 5), exitCode: 0 });
    clock.runFrame();
    expect(texts(session)).toEqual(['a', 'b', 'c', 'd', 'y', 'z', 'Container exited with code 0']);
  });

  it('picks up from before the lines sent ahead when the link comes back while the lines between are coming, and skips those sent ahead', () => {
    const { session, host, link, clock, emit } = setup();
    session.setSources([web]);
    emit('engine-1', linesEventOf([line(1, 'a'), line(2, 'b')]));
    emit('engine-1', { ...linesEventOf([line(8, 'y'), line(9, 'z')]), ahead: true });
    emit('engine-1', linesEventOf([line(3, 'c')]));
    host.close();
    const fresh = new FakeHost();
    link.client = new BerthClient(fresh.port);
    session.resume();
    const resumed = fresh.sent.find((m) => m.kind === 'subscribe')!;
    expect(resumed).toMatchObject({ params: { tail: 'all', since: `${Date.UTC(2026, 0, 1, 0, 0, 3) / 1000}.000000000` } });
    fresh.emitTo(resumed.id, linesEventOf([line(3, 'c'), line(4, 'd'), line(8, 'y'), line(9, 'z'), line(10, 'after')]));
    clock.runFrame();
    expect(texts(session)).toEqual(['a', 'b', 'c', 'd', 'y', 'z', 'after']);
  });

  it('unsubscribes everything when disposed, and takes nothing after', () => {
    const { session, host, clock, emit, idOf } = setup();
    session.setSources([web, db]);
    const ids = [idOf('engine-1'), idOf('engine-2')];
    session.dispose();
    expect(host.sent.filter((m) => m.kind === 'unsubscribe').map((m) => m.id)).toEqual(ids);
    expect(() => emit('engine-1', linesEventOf([line(1, 'late')]))).not.toThrow();
    expect(clock.pending).toBe(0);
  });
});
