import { describe, expect, it } from 'vitest';
import { EventResume } from './event-resume.js';
import type { EngineEvent } from './json/streams.js';

const event = (second: number, action: string, id = 'c1', nanos = 0): EngineEvent => ({ Type: 'container', Action: action, Actor: { ID: id }, time: second, timeNano: second * 1e9 + nanos });

describe('picking an ended /events stream up again', () => {
  it('asks again from the last event\'s second, and drops the replayed events already seen, once', () => {
    const resume = new EventResume();
    expect(resume.resumeSince()).toBeNull(); // no engine time yet: reconnect instead
    expect(resume.isNew(event(100, 'start'))).toBe(true);
    expect(resume.isNew(event(101, 'die', 'c1', 5))).toBe(true);
    expect(resume.isNew(event(101, 'destroy', 'c1', 9))).toBe(true);
    expect(resume.resumeSince()).toBe('101');
    // The engine replays second 101 (what was seen, and one that came while no stream was open), then goes on.
    expect(resume.isNew(event(101, 'die', 'c1', 5))).toBe(false);
    expect(resume.isNew(event(101, 'destroy', 'c1', 9))).toBe(false);
    expect(resume.isNew(event(101, 'create', 'c2', 20))).toBe(true);
    expect(resume.isNew(event(102, 'start', 'c2'))).toBe(true);
    // Past the replay, an event whose clock went back is still news.
    expect(resume.isNew(event(99, 'kill', 'c3'))).toBe(true);
  });

  it('does not resume a stream that keeps ending: at most three times a minute', () => {
    let now = 0;
    const resume = new EventResume(3, () => now);
    resume.isNew(event(100, 'start'));
    expect([resume.resumeSince(), resume.resumeSince(), resume.resumeSince(), resume.resumeSince()]).toEqual(['100', '100', '100', null]);
    now = 61_000;
    expect(resume.resumeSince()).toBe('100');
  });
});
