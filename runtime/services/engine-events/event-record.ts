import type { EngineEventRecord } from '../../api/index.js';
import type { EngineEvent } from '../../engine/json/streams.js';

/**
 * One engine event as the contract carries it. The engine's time is read from `timeNano` when
 * it sends one (every Docker since 1.22), else from `time` in seconds, else the moment it arrived.
 */
export function engineEventRecord(event: EngineEvent, engineId: string, seq: number, nowMs = Date.now()): EngineEventRecord {
  const attributes = event.Actor.Attributes ?? {};
  const timeMs = typeof event.timeNano === 'number' && event.timeNano > 0 ? Math.floor(event.timeNano / 1e6) : typeof event.time === 'number' && event.time > 0 ? event.time * 1000 : nowMs;
  return {
    seq,
    engineId,
    type: event.Type,
    action: event.Action,
    actorId: event.Actor.ID,
    name: attributes.name ?? null,
    attributes: { ...attributes },
    timeMs,
  };
}
