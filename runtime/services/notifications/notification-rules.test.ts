import { describe, expect, it } from 'vitest';
import type { EngineEventRecord } from '../../api/index.js';
import { NotificationCenter } from './notification-center.js';
import { NotificationRules } from './notification-rules.js';

let seq = 0;
/** One container event of container `c1` (`web`) at `timeMs`. */
function ev(action: string, timeMs: number, attributes: Record<string, string> = {}, id = 'c1'): EngineEventRecord {
  return { seq: ++seq, engineId: 'e1', type: 'container', action, actorId: id, name: id === 'c1' ? 'web' : id, attributes: { name: 'web', ...attributes }, timeMs };
}

/** Runs events through fresh rules; answers what was noticed, as `kind@time`. */
function notice(events: EngineEventRecord[], rules = new NotificationRules()): string[] {
  return events.flatMap((event) => rules.observe(event)).map((found) => `${found.kind}@${found.timeMs}`);
}

/** The events of one `docker restart` at `t`, as the engine sends them. */
const dockerRestart = (t: number) => [ev('kill', t, { signal: '15' }), ev('die', t + 1, { exitCode: '143' }), ev('stop', t + 2), ev('start', t + 3), ev('restart', t + 4)];
/** The events of one restart by the restart policy after the process exited with `code`. */
const policyRestart = (t: number, code = '1') => [ev('die', t, { exitCode: code }), ev('start', t + 100)];

describe('NotificationRules: died', () => {
  it('tells a die with a non-zero exit code, with the code, and not one with 0', () => {
    const rules = new NotificationRules();
    expect(rules.observe(ev('start', 0))).toEqual([]);
    expect(rules.observe(ev('die', 10, { exitCode: '3' }))).toEqual([{ kind: 'died', containerId: 'c1', containerName: 'web', timeMs: 10, exitCode: 3 }]);
    expect(notice([ev('start', 0), ev('die', 10, { exitCode: '0' })])).toEqual([]);
  });

  it('does not tell a die that was asked for: docker stop, docker kill, docker restart', () => {
    expect(notice([ev('start', 0), ev('kill', 5, { signal: '15' }), ev('die', 6, { exitCode: '143' }), ev('stop', 7)])).toEqual([]);
    expect(notice([ev('start', 0), ev('kill', 5, { signal: '9' }), ev('die', 6, { exitCode: '137' })])).toEqual([]);
    expect(notice([ev('start', 0), ...dockerRestart(10)])).toEqual([]);
  });

  it('asks again after a start: a later crash of the same container is told', () => {
    expect(notice([ev('start', 0), ev('kill', 5), ev('die', 6, { exitCode: '137' }), ev('start', 10), ev('die', 20, { exitCode: '2' })])).toEqual(['died@20']);
  });

  it('reads the exit code Podman names containerExitCode, and tells nothing without a code', () => {
    expect(notice([ev('start', 0), ev('die', 1, { containerExitCode: '4' })])).toEqual(['died@1']);
    expect(notice([ev('start', 0), ev('die', 1)])).toEqual([]);
  });

  it('ignores events of other kinds of object', () => {
    expect(new NotificationRules().observe({ ...ev('die', 1, { exitCode: '1' }), type: 'network' })).toEqual([]);
  });
});

describe('NotificationRules: oom', () => {
  it('tells an OOM kill once, and not its die as well', () => {
    expect(notice([ev('start', 0), ev('oom', 10), ev('oom', 11), ev('die', 12, { exitCode: '137' })])).toEqual(['oom@10']);
  });

  it('tells the next run\'s OOM kill again', () => {
    expect(notice([ev('start', 0), ev('oom', 10), ev('die', 11, { exitCode: '137' }), ev('start', 20), ev('oom', 30)])).toEqual(['oom@10', 'oom@30']);
  });
});

describe('NotificationRules: unhealthy', () => {
  it('tells the turn to unhealthy once, and again after it was healthy or restarted', () => {
    const events = [
      ev('start', 0),
      ev('health_status: healthy', 1),
      ev('health_status: unhealthy', 2),
      ev('health_status: unhealthy', 3),
      ev('health_status: healthy', 4),
      ev('health_status: unhealthy', 5),
      ev('kill', 6),
      ev('die', 7, { exitCode: '137' }),
      ev('start', 8),
      ev('health_status: unhealthy', 9),
    ];
    expect(notice(events)).toEqual(['unhealthy@2', 'unhealthy@5', 'unhealthy@9']);
  });

  it('reads the status from the attribute when the action has none', () => {
    expect(notice([ev('start', 0), ev('health_status', 1, { health_status: 'unhealthy' })])).toEqual(['unhealthy@1']);
  });
});

describe('NotificationRules: restart loop', () => {
  it('counts each docker restart once (not its stop, start and restart events each): four in a minute is one loop', () => {
    const events = [ev('create', 0), ev('start', 1), ...dockerRestart(1000), ...dockerRestart(2000), ...dockerRestart(3000)];
    expect(notice(events)).toEqual([]);
    const rules = new NotificationRules();
    const found = [...events, ...dockerRestart(4000)].flatMap((event) => rules.observe(event));
    expect(found).toEqual([{ kind: 'restartLoop', containerId: 'c1', containerName: 'web', timeMs: 4003, restarts: 4 }]);
  });

  it('tells a loop once however long it goes on, and a new loop only after a whole minute without a restart', () => {
    const rules = new NotificationRules();
    const loop = (from: number, count: number) => Array.from({ length: count }, (_, i) => policyRestart(from + i * 5000, '1')).flat();
    const events = [ev('create', 0), ev('start', 1), ...loop(1000, 20)];
    // The crashes before the fourth restart are told as deaths; from there it is a loop, told once, and its deaths are not.
    expect(notice(events, rules)).toEqual(['died@1000', 'died@6000', 'died@11000', 'died@16000', 'restartLoop@16100']);
    // 61 s after its last restart it starts looping again: a new loop (its first deaths told again, as before).
    expect(notice(loop(1000 + 19 * 5000 + 61_000, 4), rules)).toEqual(['died@157000', 'died@162000', 'died@167000', 'died@172000', 'restartLoop@172100']);
  });

  it('does not count restarts further apart than the window: three per minute forever is no loop', () => {
    const events = [ev('start', 0), ...Array.from({ length: 30 }, (_, i) => dockerRestart(1 + i * 21_000)).flat()];
    expect(notice(events)).toEqual([]);
  });

  it('does not count the first start after create, and forgets a container on destroy', () => {
    const rules = new NotificationRules();
    notice([ev('create', 0), ev('start', 1), ...dockerRestart(10), ...dockerRestart(20), ...dockerRestart(30), ev('destroy', 40)], rules);
    expect(rules.size).toBe(0);
    // Recreated under the same id (it never is, but a name is): a fresh count.
    expect(notice([ev('create', 50), ev('start', 51), ...dockerRestart(60)], rules)).toEqual([]);
  });

  it("forgets a container Podman's API says was removed (`remove`, where Docker says `destroy`)", () => {
    const rules = new NotificationRules();
    notice([ev('create', 0), ev('start', 1), ev('die', 2, { containerExitCode: '0' }), ev('remove', 3)], rules);
    expect(rules.size).toBe(0);
  });

  it('keeps each container apart', () => {
    const a = (t: number) => dockerRestart(t).map((event) => ({ ...event, actorId: 'a' }));
    const b = (t: number) => dockerRestart(t).map((event) => ({ ...event, actorId: 'b' }));
    // Six restarts in all, three of each: no loop.
    expect(notice([...a(0), ...b(1), ...a(10), ...b(11), ...a(20), ...b(21)])).toEqual([]);
  });

  it('remembers at most maxContainers containers, the least recently heard of forgotten', () => {
    const rules = new NotificationRules({ maxContainers: 2 });
    rules.observe(ev('start', 0, {}, 'a'));
    rules.observe(ev('start', 0, {}, 'b'));
    rules.observe(ev('start', 0, {}, 'a'));
    rules.observe(ev('start', 0, {}, 'c'));
    expect(rules.size).toBe(2);
  });
});

describe('NotificationCenter', () => {
  const died = { kind: 'died' as const, containerId: 'c1', containerName: 'web', timeMs: 5, exitCode: 3 };

  it('names, keeps and tells a notification, with words a person reads', () => {
    const center = new NotificationCenter(() => true);
    const told: string[] = [];
    center.onRecord((record) => told.push(record.title));
    const record = center.report('e1', died);
    expect(record).toEqual({ id: 1, engineId: 'e1', ...died, title: 'web died', text: 'web exited with code 3.' });
    expect(told).toEqual(['web died']);
    expect(center.list()).toEqual([record]);
    expect(center.list('other')).toEqual([]);
  });

  it('drops a kind that is off: not kept, not told', () => {
    const center = new NotificationCenter((kind) => kind !== 'died');
    const told: unknown[] = [];
    center.onRecord((record) => told.push(record));
    expect(center.report('e1', died)).toBeNull();
    expect(center.report('e1', { ...died, kind: 'oom' })?.title).toBe('web ran out of memory');
    expect(told).toHaveLength(1);
    expect(center.list().map((record) => record.kind)).toEqual(['oom']);
  });

  it('keeps the newest `capacity` records', () => {
    const center = new NotificationCenter(() => true, 3);
    for (let i = 0; i < 5; i++) center.report('e1', { ...died, timeMs: i });
    expect(center.list().map((record) => record.id)).toEqual([3, 4, 5]);
  });
});
