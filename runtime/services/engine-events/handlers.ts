import { matchesEngineEventFilter, toDisposable, type EngineEventRecord, type engineEventsContract } from '../../api/index.js';
import type { HandlerSlice } from '../../rpc/handlers.js';
import type { EngineEventLog } from './event-log.js';

/**
 * The engine events domain (`runtime/api/engine-events.ts`) on one connection, answered from its
 * EngineEventLog. A watch sends the kept events as one batch, then each burst as one batch: the
 * events of one burst come in the same chunk or in chunks a few milliseconds apart, so what
 * arrives before the event loop turns goes together (no timer, no added delay), and the
 * dispatcher's batch window joins what follows within it into the same message.
 */
export function engineEventsHandlers(log: EngineEventLog): HandlerSlice<typeof engineEventsContract> {
  return {
    methods: {
      'eventlog.list': (filter) => Promise.resolve(log.recent(filter)),
    },
    streams: {
      'eventlog.watch': (filter, sink) => {
        sink.emit({ replay: true, events: log.recent(filter) });
        let pending: EngineEventRecord[] = [];
        let scheduled: ReturnType<typeof setImmediate> | null = null;
        const flush = () => {
          scheduled = null;
          const events = pending;
          pending = [];
          if (events.length > 0) sink.emit({ replay: false, events });
        };
        const listening = log.onRecord((record) => {
          if (!matchesEngineEventFilter(record, filter)) return;
          pending.push(record);
          scheduled ??= setImmediate(flush);
        });
        return toDisposable(() => {
          listening.dispose();
          if (scheduled !== null) clearImmediate(scheduled);
        });
      },
    },
  };
}
