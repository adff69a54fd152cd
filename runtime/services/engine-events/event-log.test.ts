import { describe, expect, it } from 'vitest';
import { EngineEventLog } from './event-log.js';
import { engineEventRecord } from './event-record.js';
import { fakeEventSource } from '../../testing/fake-event-source.js';

describe('EngineEventLog', () => {
  it('keeps the last `capacity` events, oldest first, and forgets the older ones', () => {
    const source = fakeEventSource();
    const log = new EngineEventLog(source, 3);
    for (const action of ['create', 'start', 'kill', 'die', 'destroy']) source.fire('container', action, 'c1');
    expect(log.size).toBe(3);
    expect(log.recent().map((record) => [record.seq, record.action])).toEqual([
      [3, 'kill'],
      [4, 'die'],
      [5, 'destroy'],
    ]);
  });

  it('keeps 1,000 by default', () => {
    const source = fakeEventSource();
    const log = new EngineEventLog(source);
    for (let i = 0; i < 1500; i++) source.fire('container', 'start', `c${i}`);
    const kept = log.recent();
    expect(kept).toHaveLength(1000);
    expect(kept[0]?.actorId).toBe('c500');
    expect(kept.at(-1)?.actorId).toBe('c1499');
  });

  it('filters by type, by action (whole or its first word) and by name or id, ignoring case', () => {
    const source = fakeEventSource();
    const log = new EngineEventLog(source);
    source.fire('container', 'start', 'aaa111', { name: 'Web' });
    source.fire('container', 'health_status: unhealthy', 'aaa111', { name: 'Web' });
    source.fire('network', 'connect', 'net999', { name: 'bridge', container: 'aaa111' });
    source.fire('volume', 'create', 'data', { driver: 'local' });
    source.fire('daemon', 'reload', 'DAEMONID', { name: 'host' });
    const actions = (filter: Parameters<EngineEventLog['recent']>[0]) => log.recent(filter).map((record) => `${record.type}/${record.action}`);
    expect(actions({ types: ['network', 'volume'] })).toEqual(['network/connect', 'volume/create']);
    expect(actions({ actions: ['health_status'] })).toEqual(['container/health_status: unhealthy']);
    expect(actions({ actions: ['health_status: unhealthy', 'reload'] })).toEqual(['container/health_status: unhealthy', 'daemon/reload']);
    expect(actions({ name: 'WEB' })).toEqual(['container/start', 'container/health_status: unhealthy']);
    expect(actions({ name: 'dat' })).toEqual(['volume/create']);
    expect(actions({ name: '999' })).toEqual(['network/connect']);
    expect(actions({ types: ['container'], actions: ['start'], name: 'web' })).toEqual(['container/start']);
    expect(actions({ name: '' })).toHaveLength(5);
  });

  it('tells listeners of each new event and stops listening to the engine when disposed', () => {
    const source = fakeEventSource('engine-a');
    const log = new EngineEventLog(source);
    const heard: string[] = [];
    log.onRecord((record) => heard.push(`${record.engineId}:${record.action}`));
    source.fire('container', 'start', 'c1');
    log.dispose();
    source.fire('container', 'die', 'c1');
    expect(heard).toEqual(['engine-a:start']);
    expect(source.listenerCount).toBe(0);
  });
});

describe('engineEventRecord', () => {
  it("takes the engine's nanosecond time, the name attribute and every attribute", () => {
    const record = engineEventRecord({ Type: 'container', Action: 'die', Actor: { ID: 'abc', Attributes: { name: 'web', exitCode: '3' } }, time: 1700000000, timeNano: 1700000000123456800 }, 'e1', 7);
    expect(record).toEqual({ seq: 7, engineId: 'e1', type: 'container', action: 'die', actorId: 'abc', name: 'web', attributes: { name: 'web', exitCode: '3' }, timeMs: 1700000000123 });
  });

  it('falls back to seconds, then to the time it arrived, and to no name', () => {
    expect(engineEventRecord({ Type: 'image', Action: 'pull', Actor: { ID: 'busybox:latest' }, time: 1700000000 }, 'e1', 1).timeMs).toBe(1700000000000);
    const record = engineEventRecord({ Type: 'image', Action: 'pull', Actor: { ID: 'busybox:latest', Attributes: null } }, 'e1', 1, 42);
    expect(record).toMatchObject({ timeMs: 42, name: null, attributes: {} });
  });
});
