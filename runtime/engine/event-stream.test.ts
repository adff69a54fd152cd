import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from './json/streams.js';
import { followEngineEvents } from './event-stream.js';
import { SkippedLines } from './ndjson.js';

const line = (id: string, action = 'start') => `${JSON.stringify({ Type: 'container', Action: action, Actor: { ID: id, Attributes: { name: id } }, time: 1 })}\n`;

describe('followEngineEvents', () => {
  it('delivers the events around a bad line, counts and logs the bad one, and keeps the stream', () => {
    const stream = new PassThrough();
    const logged: string[] = [];
    const skipped = new SkippedLines('/events', (text) => logged.push(text));
    const events: EngineEvent[] = [];
    const ends: string[] = [];
    followEngineEvents(stream, skipped, { onEvent: (event) => events.push(event), onEnd: (why) => ends.push(why) });

    stream.write(line('a'));
    stream.write('{"Type":"container","Act');
    stream.write('ion":\n'); // a line cut short and garbled
    stream.write(`{"Type":"container"}\n${line('b', 'die')}`); // one without an actor, then a good one
    return new Promise<void>((resolve) => {
      setImmediate(() => {
        expect(events.map((event) => [event.Actor.ID, event.Action])).toEqual([
          ['a', 'start'],
          ['b', 'die'],
        ]);
        expect(skipped.count).toBe(2);
        expect(logged).toHaveLength(2);
        expect(logged[0]).toContain('berth: /events: skipped a line');
        expect(ends).toEqual([]);
        stream.end(line('c'));
        stream.on('end', () => {
          setImmediate(() => {
            expect(events.at(-1)?.Actor.ID).toBe('c');
            expect(ends).toEqual(['The engine closed its event stream (it stopped or restarted).']);
            resolve();
          });
        });
      });
    });
  });
});
