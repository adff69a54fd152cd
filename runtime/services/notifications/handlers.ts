import type { notificationsContract } from '../../api/index.js';
import type { HandlerSlice } from '../../rpc/handlers.js';
import type { NotificationCenter } from './notification-center.js';

/** The notifications domain, answered on every engine's connection from the backend's one center (notifications are not an engine's). */
export function notificationsHandlers(center: NotificationCenter): HandlerSlice<typeof notificationsContract> {
  return {
    methods: {
      'notifications.list': (params) => Promise.resolve(center.list(params.engineId)),
    },
    streams: {
      'notifications.watch': (params, sink) => {
        sink.emit({ replay: true, records: center.list(params.engineId) });
        return center.onRecord((record) => {
          if (params.engineId === undefined || record.engineId === params.engineId) sink.emit({ replay: false, records: [record] });
        });
      },
    },
  };
}
