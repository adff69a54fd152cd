import { describe, expect, it } from 'vitest';
import type { EngineEventRecord } from '../../../runtime/api/index.js';
import { engineEventDetails, engineEventHref, engineEventObjectText } from './eventLinks.js';
import { filterOfForm } from './eventFilterForm.js';
import { EventsFeed } from './eventsFeed.js';

let seq = 0;
function event(engineId: string, timeMs: number, action = 'start', more: Partial<EngineEventRecord> = {}): EngineEventRecord {
  return { seq: ++seq, engineId, type: 'container', action, actorId: 'c1', name: 'web', attributes: {}, timeMs, ...more };
}

describe('EventsFeed', () => {
  it('shows newest first across engines, and a replay replaces what an engine showed', () => {
    const feed = new EventsFeed();
    feed.apply('a', { replay: true, events: [event('a', 10, 'create'), event('a', 30, 'start')] });
    feed.apply('b', { replay: true, events: [event('b', 20, 'pull')] });
    expect(feed.rows().map((row) => `${row.engineId}:${row.action}`)).toEqual(['a:start', 'b:pull', 'a:create']);
    feed.apply('a', { replay: false, events: [event('a', 40, 'die')] });
    expect(feed.rows().map((row) => row.action)).toEqual(['die', 'start', 'pull', 'create']);
    feed.apply('a', { replay: true, events: [event('a', 40, 'die')] });
    expect(feed.rows().map((row) => row.action)).toEqual(['die', 'pull']);
    feed.dropEngine('b');
    expect(feed.rows().map((row) => row.action)).toEqual(['die']);
  });

  it('keeps at most its bound per engine, dropping the oldest', () => {
    const feed = new EventsFeed(3);
    feed.apply('a', { replay: true, events: [1, 2].map((t) => event('a', t)) });
    feed.apply('a', { replay: false, events: [3, 4, 5].map((t) => event('a', t)) });
    expect(feed.rows().map((row) => row.timeMs)).toEqual([5, 4, 3]);
  });

  it('orders events of the same millisecond by arrival, and gives the same array until something changes', () => {
    const feed = new EventsFeed();
    feed.apply('a', { replay: false, events: [event('a', 5, 'kill'), event('a', 5, 'die')] });
    const rows = feed.rows();
    expect(rows.map((row) => row.action)).toEqual(['die', 'kill']);
    expect(feed.rows()).toBe(rows);
  });
});

describe('engine event links', () => {
  it("links each kind of object to its page on the event's engine", () => {
    expect(engineEventHref(event('e1', 1, 'die', { actorId: 'abc' }))).toBe('#/containers/e1/abc');
    expect(engineEventHref(event('e1', 1, 'delete', { type: 'image', actorId: 'sha256:ff' }))).toBe('#/images/e1/sha256%3Aff');
    expect(engineEventHref(event('e1', 1, 'create', { type: 'volume', actorId: 'data' }))).toBe('#/volumes/e1/data');
    expect(engineEventHref(event('e1', 1, 'connect', { type: 'network', actorId: 'n1' }))).toBe('#/networks/e1/n1');
    expect(engineEventHref(event('e1', 1, 'reload', { type: 'daemon', actorId: 'D' }))).toBeNull();
  });

  it('names the object by its name, else a short id, and picks the telling attributes', () => {
    const id = 'a'.repeat(64);
    expect(engineEventObjectText(event('e', 1, 'x', { name: null, actorId: `sha256:${id}` }))).toBe('aaaaaaaaaaaa');
    expect(engineEventObjectText(event('e', 1, 'x', { name: null, actorId: 'busybox:latest' }))).toBe('busybox:latest');
    expect(engineEventDetails(event('e', 1, 'die', { attributes: { name: 'web', exitCode: '137', image: 'busybox', 'com.example': 'x' } }))).toBe('exitCode=137 image=busybox');
  });
});

describe('filterOfForm', () => {
  it('leaves out what is empty and splits actions at commas', () => {
    expect(filterOfForm({ type: '', actions: '', name: '  ' })).toEqual({});
    expect(filterOfForm({ type: 'container', actions: ' die, oom ,, health_status ', name: ' web ' })).toEqual({ types: ['container'], actions: ['die', 'oom', 'health_status'], name: 'web' });
  });
});
