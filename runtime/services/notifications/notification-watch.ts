import type { Disposable } from '../../api/index.js';
import type { EngineEventLog } from '../engine-events/event-log.js';
import type { NotificationCenter } from './notification-center.js';
import { NotificationRules } from './notification-rules.js';

/** One connection's notifications: its engine events, in order, through the rules, into the backend's center. */
export function watchForNotifications(events: Pick<EngineEventLog, 'onRecord'>, center: NotificationCenter): Disposable {
  const rules = new NotificationRules();
  return events.onRecord((record) => {
    for (const detected of rules.observe(record)) center.report(record.engineId, detected);
  });
}
