import { z } from 'zod';
import { defineDomain, method, params, stream } from './define.js';

/**
 * Notifications: what Berth tells the user about containers without being asked, decided in the
 * backend from the engine's own event stream (nothing polls). Each kind can be turned off in
 * the settings (`settings.update`); a kind that is off makes no record at all.
 */

/** The kinds, as `settings.notifications` names them too. */
export const notificationKinds = ['died', 'oom', 'unhealthy', 'restartLoop'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** How many records Berth keeps (all engines together), newest kept. */
export const keptNotifications = 200;

/** One notification. */
export interface NotificationRecord {
  /** Unique for the backend's lifetime, increasing. */
  id: number;
  /**
   * `died`: exited with a non-zero code without anyone asking (no stop, kill or restart through
   * the engine before it, not an OOM kill). `oom`: the kernel killed it for going over its memory
   * limit. `unhealthy`: its healthcheck turned unhealthy. `restartLoop`: more than 3 restarts in
   * 60 s (once per loop).
   */
  kind: NotificationKind;
  engineId: string;
  /** The container's full id. */
  containerId: string;
  /** Its name, without the leading `/`. */
  containerName: string;
  /** When the engine says it happened, in milliseconds since 1970. */
  timeMs: number;
  /** A title line, e.g. `web died`. */
  title: string;
  /** One line saying what happened, e.g. `web exited with code 3.` */
  text: string;
  /** `died` and `oom`: the exit code, when the engine said it. */
  exitCode?: number;
  /** `restartLoop`: how many restarts in the last 60 s when it was noticed. */
  restarts?: number;
}

/** A batch of notifications: the kept ones first (`replay`: shown in a list, not announced again), then each new one. */
export interface NotificationsBatch {
  replay: boolean;
  records: NotificationRecord[];
}

const engineIdFilter = z.string().min(1).max(256).optional().describe("Only this engine's notifications (absent: every engine's).");

export const notificationsContract = defineDomain({
  methods: {
    'notifications.list': method<NotificationRecord[]>()(
      params({ engineId: engineIdFilter }),
      `The notifications Berth kept since it started (the last ${keptNotifications}), oldest first.`,
    ),
  },
  streams: {
    'notifications.watch': stream<NotificationsBatch>()(
      params({ engineId: engineIdFilter }),
      'The kept notifications as one batch (`replay`), then each new one as it happens: containers that died with a non-zero exit code, were OOM-killed, turned unhealthy, or restart in a loop.',
    ),
  },
});

/**
 * The address of a container's page in the UI (`#/containers/<engine>/<id>`), where clicking a
 * notification leads: the desktop app's main process needs it and cannot import the renderer's
 * routes (renderer/app/routes.ts `containerHref` writes the same, a test holds them equal).
 */
export function notificationTargetHash(record: Pick<NotificationRecord, 'engineId' | 'containerId'>): string {
  return `#/containers/${encodeURIComponent(record.engineId)}/${encodeURIComponent(record.containerId)}`;
}
