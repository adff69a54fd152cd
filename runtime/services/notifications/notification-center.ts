import { keptNotifications, toDisposable, type Disposable, type NotificationKind, type NotificationRecord } from '../../api/index.js';
import type { DetectedNotification } from './notification-rules.js';

/**
 * The notifications of the whole backend (every engine's), the last 200: what `notifications.*`
 * answer and what the desktop app shows. A kind the settings turned off is dropped here, before
 * it is kept or told to anyone.
 */
export class NotificationCenter {
  private records: NotificationRecord[] = [];
  private nextId = 1;
  private readonly listeners = new Set<(record: NotificationRecord) => void>();

  constructor(
    /** Whether a kind is on now (the settings). */
    private readonly isOn: (kind: NotificationKind) => boolean,
    readonly capacity = keptNotifications,
  ) {}

  /** Names, keeps and tells one notification; null when its kind is off. */
  report(engineId: string, detected: DetectedNotification): NotificationRecord | null {
    if (!this.isOn(detected.kind)) return null;
    const record: NotificationRecord = { id: this.nextId++, engineId, ...detected, ...wordsFor(detected) };
    this.records.push(record);
    if (this.records.length > this.capacity) this.records = this.records.slice(this.records.length - this.capacity);
    for (const listener of this.listeners) listener(record);
    return record;
  }

  /** The kept records, oldest first; of one engine when given. */
  list(engineId?: string): NotificationRecord[] {
    return engineId === undefined ? [...this.records] : this.records.filter((record) => record.engineId === engineId);
  }

  onRecord(listener: (record: NotificationRecord) => void): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  }
}

/** The title and the line a person reads. */
export function wordsFor(detected: DetectedNotification): { title: string; text: string } {
  const name = detected.containerName;
  switch (detected.kind) {
    case 'died':
      return { title: `${name} died`, text: `${name} exited with code ${detected.exitCode ?? '?'}.` };
    case 'oom':
      return { title: `${name} ran out of memory`, text: `The kernel killed a process of ${name} for going over the container's memory limit (OOM kill).` };
    case 'unhealthy':
      return { title: `${name} is unhealthy`, text: `The healthcheck of ${name} failed: its status is now unhealthy.` };
    case 'restartLoop':
      return { title: `${name} is restarting in a loop`, text: `${name} restarted ${detected.restarts ?? 'more than 3'} times within a minute.` };
  }
}
