import type { EngineEventRecord, NotificationKind } from '../../api/index.js';

/** What the rules noticed about one container; the center names and keeps it. */
export interface DetectedNotification {
  kind: NotificationKind;
  containerId: string;
  containerName: string;
  timeMs: number;
  exitCode?: number;
  restarts?: number;
}

export interface NotificationRuleOptions {
  /** A restart loop is more than `loopRestarts` restarts within `loopWindowMs`. */
  loopRestarts: number;
  loopWindowMs: number;
  /** Containers remembered at most (the least recently heard of go first). */
  maxContainers: number;
}

const defaultOptions: NotificationRuleOptions = { loopRestarts: 3, loopWindowMs: 60_000, maxContainers: 10_000 };

/** What the rules remember of one container since it was created (or since Berth first heard of it). */
interface ContainerMemory {
  name: string | null;
  /** Seen running (a start) or ending (a die): the next start is a restart. */
  hasRun: boolean;
  /** A `kill` went through the engine since the last start: `docker stop`, `kill`, `restart`, `rm -f`. Its die was asked for. */
  wasAskedToStop: boolean;
  /** An `oom` since the last start: its die is the OOM kill, already told. */
  wasOomKilled: boolean;
  health: string | null;
  /** Times of the restarts within the loop window. */
  restartTimes: number[];
  /** A loop was told and has not ended (no restart for a whole window ends it). */
  isLoopTold: boolean;
}

/**
 * Decides, from one engine's events in order, what deserves a notification. What the engine sends
 * (Docker 20-28, seen on the test engine):
 * - `docker restart`: kill, die, stop, start, restart. A restart policy: die, start. A manual
 *   stop and start: kill, die, stop, start. So a restart is counted at a `start` of a container
 *   that ran before (one per restart however it came), and the `restart` action is not counted.
 * - An OOM kill: oom, then die with exit code 137 (no kill: nobody asked).
 * - `docker stop` / `kill`: kill (signal), then die (143, 137 or the process's own code).
 * - A healthcheck: `health_status: healthy|unhealthy` when the status changes.
 * Notifications: `died` for a die with a non-zero code that nobody asked for (no kill since its
 * start), that is not the OOM kill already told, and not within a loop already told; `oom` once
 * per run; `unhealthy` when the status turns to it; `restartLoop` once when the restarts within
 * the window pass the limit, again only after a whole window without a restart.
 */
export class NotificationRules {
  private readonly containers = new Map<string, ContainerMemory>();
  private readonly options: NotificationRuleOptions;

  constructor(options: Partial<NotificationRuleOptions> = {}) {
    this.options = { ...defaultOptions, ...options };
  }

  /** How many containers are remembered now. */
  get size(): number {
    return this.containers.size;
  }

  observe(event: EngineEventRecord): DetectedNotification[] {
    if (event.type !== 'container') return [];
    const id = event.actorId;
    // Docker says `destroy`; Podman's compatible API says `remove`.
    if (event.action === 'destroy' || event.action === 'remove') {
      this.containers.delete(id);
      return [];
    }
    const memory = this.memoryOf(id, event.action === 'create');
    if (event.name) memory.name = event.name;
    const told = (kind: NotificationKind, more: Partial<DetectedNotification> = {}): DetectedNotification[] => [
      { kind, containerId: id, containerName: memory.name ?? id.slice(0, 12), timeMs: event.timeMs, ...more },
    ];
    const verb = event.action.split(':')[0];
    switch (verb) {
      case 'start':
        return this.started(memory, event.timeMs, told);
      case 'kill':
        memory.wasAskedToStop = true;
        return [];
      case 'oom':
        if (memory.wasOomKilled) return [];
        memory.wasOomKilled = true;
        return told('oom');
      case 'die':
        return this.died(memory, event, told);
      case 'health_status': {
        const status = (event.action.split(':')[1] ?? event.attributes.health_status ?? '').trim();
        const was = memory.health;
        memory.health = status;
        return status === 'unhealthy' && was !== 'unhealthy' ? told('unhealthy') : [];
      }
      default:
        return [];
    }
  }

  private started(memory: ContainerMemory, timeMs: number, told: (kind: NotificationKind, more?: Partial<DetectedNotification>) => DetectedNotification[]): DetectedNotification[] {
    const isRestart = memory.hasRun;
    memory.hasRun = true;
    memory.wasAskedToStop = false;
    memory.wasOomKilled = false;
    memory.health = null;
    if (!isRestart) return [];
    const { loopRestarts, loopWindowMs } = this.options;
    const last = memory.restartTimes.at(-1);
    if (memory.isLoopTold && last !== undefined && timeMs - last > loopWindowMs) memory.isLoopTold = false;
    memory.restartTimes = [...memory.restartTimes.filter((time) => timeMs - time < loopWindowMs), timeMs];
    if (memory.isLoopTold || memory.restartTimes.length <= loopRestarts) return [];
    memory.isLoopTold = true;
    return told('restartLoop', { restarts: memory.restartTimes.length });
  }

  private died(memory: ContainerMemory, event: EngineEventRecord, told: (kind: NotificationKind, more?: Partial<DetectedNotification>) => DetectedNotification[]): DetectedNotification[] {
    memory.hasRun = true;
    const code = Number(event.attributes.exitCode ?? event.attributes.containerExitCode);
    const exitCode = Number.isInteger(code) ? code : null;
    const last = memory.restartTimes.at(-1);
    const isInToldLoop = memory.isLoopTold && last !== undefined && event.timeMs - last <= this.options.loopWindowMs;
    if (exitCode === null || exitCode === 0 || memory.wasAskedToStop || memory.wasOomKilled || isInToldLoop) return [];
    return told('died', { exitCode });
  }

  private memoryOf(id: string, isNew: boolean): ContainerMemory {
    let memory = this.containers.get(id);
    if (memory === undefined || isNew) {
      memory = { name: null, hasRun: false, wasAskedToStop: false, wasOomKilled: false, health: null, restartTimes: [], isLoopTold: false };
    } else {
      this.containers.delete(id); // Re-inserted below: the map's order is the order last heard of.
    }
    this.containers.set(id, memory);
    while (this.containers.size > this.options.maxContainers) {
      const oldest = this.containers.keys().next().value;
      if (oldest === undefined) break;
      this.containers.delete(oldest);
    }
    return memory;
  }
}
