import { z } from 'zod';
import { defineDomain, method, params, stream } from './define.js';

/**
 * The engine's own event stream, as the engine sent it (`docker events`): every container,
 * image, volume, network and daemon event. Berth keeps the last 1,000 per engine, fed by the one
 * `/events` stream each connection already holds (nothing is asked of the engine for this).
 * Not to be confused with `events`, Berth's own change feed for its lists.
 */

/** How many engine events Berth keeps per engine. */
export const keptEngineEvents = 1000;

/** One engine event. */
export interface EngineEventRecord {
  /** Increases by one per event this engine's connection received; unique within the engine. */
  seq: number;
  engineId: string;
  /** `container`, `image`, `volume`, `network`, `daemon`, or whatever else the engine sends. */
  type: string;
  /** The engine's action as sent: `start`, `die`, `health_status: unhealthy`, `exec_start: sh -c ...`. */
  action: string;
  /**
   * The object's id as the engine names it: a container's or network's full id, a volume's
   * name, an image's id or the reference it was pulled or tagged as, the daemon's id.
   */
  actorId: string;
  /** The object's name when the engine says it (`name` attribute: a container's, volume's or network's name, an image's reference), else null. */
  name: string | null;
  /** Every attribute the engine sent (`exitCode`, `signal`, `image`, labels, ...), as text. */
  attributes: Record<string, string>;
  /** When the engine says it happened, in milliseconds since 1970 (from its nanosecond time). */
  timeMs: number;
}

/** A batch of engine events: the kept ones first (`replay`), then each live burst. Oldest first within a batch. */
export interface EngineEventsBatch {
  /** True for the first batch of a stream: the events kept before it opened (possibly none). */
  replay: boolean;
  events: EngineEventRecord[];
}

const filterWord = z.string().trim().min(1, 'must not be empty').max(128, 'is longer than 128 characters').regex(/\S/, 'must not be empty');

/** Which engine events a caller wants; every given part must match (absent = any). */
export const engineEventFilterSchema = params({
  types: z.array(filterWord).max(16, 'has more than 16 types').optional().describe('Only these types, e.g. `["container","network"]` (absent: every type).'),
  actions: z
    .array(filterWord)
    .max(32, 'has more than 32 actions')
    .optional()
    .describe('Only these actions, e.g. `["die","oom"]`; an action matches its first word too, so `health_status` matches `health_status: unhealthy` (absent: every action).'),
  name: z.string().trim().max(256, 'is longer than 256 characters').optional().describe("Only events whose object's name or id contains this, ignoring case (absent or empty: any object)."),
});
export type EngineEventFilter = z.output<typeof engineEventFilterSchema>;

/** The action's first word: `health_status: unhealthy` -> `health_status`, `exec_start: sh` -> `exec_start`. */
export function actionVerb(action: string): string {
  const colon = action.indexOf(':');
  return colon === -1 ? action : action.slice(0, colon);
}

/** Whether an event passes a filter (the same rule for the backend's streams and the Events page). */
export function matchesEngineEventFilter(event: EngineEventRecord, filter: EngineEventFilter): boolean {
  if (filter.types !== undefined && filter.types.length > 0 && !filter.types.includes(event.type)) return false;
  if (filter.actions !== undefined && filter.actions.length > 0 && !filter.actions.includes(event.action) && !filter.actions.includes(actionVerb(event.action))) return false;
  const name = filter.name?.toLowerCase();
  if (name) {
    const names = [event.name ?? '', event.actorId];
    if (!names.some((each) => each.toLowerCase().includes(name))) return false;
  }
  return true;
}

export const engineEventsContract = defineDomain({
  methods: {
    'eventlog.list': method<EngineEventRecord[]>()(
      engineEventFilterSchema,
      `The engine events Berth kept (the last ${keptEngineEvents} since it connected to the engine) that match the filter, oldest first.`,
    ),
  },
  streams: {
    'eventlog.watch': stream<EngineEventsBatch>()(
      engineEventFilterSchema,
      `The engine's events that match the filter: first one batch with the kept ones (the last ${keptEngineEvents}), then each burst of new ones as one batch, live.`,
    ),
  },
});
