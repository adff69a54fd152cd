import { describe, expect, it } from 'vitest';
import { BerthClient, linesEventOf, type LogLine } from '../../../../runtime/api/index.js';
import { FakeHost } from '../../../testing/fakeHost.js';
import { compileSearch, type CompiledSearch } from './logSearch.js';
import { LogSession } from './logSession.js';
import { LogViewModel } from './logViewModel.js';

function setup(capacity = 1000) {
  const host = new FakeHost();
  const client = new BerthClient(host.port);
  const frames: (() => void)[] = [];
  const session = new LogSession(() => client, { tail: 1000, since: null, until: null }, capacity, {
    requestFrame: (callback) => (frames.push(callback), () => undefined),
    setTimer: () => () => undefined,
  });
  const slices: (() => void)[] = [];
  const model = new LogViewModel(session, (work) => (slices.push(work), () => undefined));
  model.attach();
  session.setSources([{ engineId: 'e', containerId: 'c', name: 'web' }]);
  const send = (...lines: [number, string, LogLine['stream']?][]) => {
    host.emitTo(host.subscriptionId('logs.follow'), linesEventOf(lines.map(([second, text, stream = 'stdout']) => ({ seconds: Date.UTC(2026, 0, 1) / 1000 + second, nanos: 0, stream, text }))));
    for (const frame of frames.splice(0)) frame();
  };
  const shown = () => Array.from({ length: model.rowCount }, (_, row) => model.rowAt(row)).map(({ index, chunk }) => `${model.buffer.plain(index)}${chunk ? `#${chunk}` : ''}`);
  return { model, session, send, shown, slices };
}

function search(text: string): CompiledSearch {
  const compiled = compileSearch({ text, isRegex: false, matchCase: false });
  if (compiled.kind !== 'ok') throw new Error('bad search');
  return compiled.search;
}

describe('what a log view shows', () => {
  it('filters streams, keeping marks', () => {
    const { model, send, shown } = setup();
    send([1, 'out 1'], [2, 'err 2', 'stderr'], [3, 'out 3']);
    model.setFilter({ showStdout: false, showStderr: true });
    expect(shown()).toEqual(['err 2']);
    send([4, 'err 4', 'stderr'], [5, 'out 5']);
    expect(shown()).toEqual(['err 2', 'err 4']);
    model.setFilter({ showStdout: true, showStderr: true });
    expect(shown()).toHaveLength(5);
  });

  it('counts matches in the shown streams, shows only them on demand, and keeps up with new lines', () => {
    const { model, send, shown } = setup();
    send([1, 'GET /a'], [2, 'POST /b'], [3, 'get /c', 'stderr']);
    model.setSearch(search('get'), false);
    expect([model.matchCount, model.isSearchComplete]).toEqual([2, true]);
    model.setSearch(search('get'), true);
    expect(shown()).toEqual(['GET /a', 'get /c']);
    send([4, 'GET /d']);
    expect(shown()).toEqual(['GET /a', 'get /c', 'GET /d']);
    model.setFilter({ showStdout: true, showStderr: false });
    expect(shown()).toEqual(['GET /a', 'GET /d']);
  });

  it('steps through matches and says which one is current', () => {
    const { model, send } = setup();
    send([1, 'x'], [2, 'y'], [3, 'x x']);
    model.setSearch(search('x'), false);
    expect(model.step(1, 0)).toEqual({ position: 0, start: 0, end: 1 });
    expect(model.currentOrdinal).toBe(1);
    expect(model.step(1, 0)).toEqual({ position: 2, start: 0, end: 1 });
    expect(model.step(1, 0)).toEqual({ position: 2, start: 2, end: 3 });
    expect(model.currentOrdinal).toBe(2);
    // A new search forgets the current match.
    model.setSearch(search('y'), false);
    expect(model.cursor).toBeNull();
  });

  it('wraps long lines into rows, and finds the row of a match inside one', () => {
    const { model, send, shown } = setup();
    send([1, 'short'], [2, 'abcdefghijklmnopqrstuvwxy'], [3, 'end']);
    model.setWrap(10);
    expect(shown()).toEqual(['short', 'abcdefghijklmnopqrstuvwxy', 'abcdefghijklmnopqrstuvwxy#1', 'abcdefghijklmnopqrstuvwxy#2', 'end']);
    expect(model.rowOf(1, 22)).toBe(3);
    expect(model.rowOf(2)).toBe(4);
    model.setWrap(null);
    expect(model.rowCount).toBe(3);
    expect(model.maxLength).toBe(25);
  });

  it('searches a big buffer in slices, answering as it goes', () => {
    const { model, send, slices } = setup(10_000);
    send(...Array.from({ length: 5000 }, (_, i): [number, string] => [1, `line ${i}`]));
    // Every deadline has passed already: each slice tests one step of lines, then yields.
    const realNow = performance.now.bind(performance);
    let now = 0;
    performance.now = () => (now += 100);
    try {
      model.setSearch(search('line 49'), false);
      expect(model.isSearchComplete).toBe(false);
      const partial = model.matchCount;
      while (slices.length > 0) slices.shift()!();
      expect(model.isSearchComplete).toBe(true);
      expect(partial).toBeLessThan(model.matchCount);
    } finally {
      performance.now = realNow;
    }
    expect(model.matchCount).toBe(111);
  });
});
