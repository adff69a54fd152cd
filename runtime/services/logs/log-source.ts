import type { Readable } from 'node:stream';
import { BerthError, readLogTime, type LogUnreadable } from '../../api/index.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import type { LogsQuery } from '../../engine/client/containers.js';
import type { EngineContainer } from '../../engine/json/container.js';

/** What reading a container's log depends on, from one inspect. */
export interface LogFacts {
  /** The full id: later requests name it, so a rename while following changes nothing. */
  containerId: string;
  name: string;
  tty: boolean;
  logDriver: string;
  isRunning: boolean;
  /** When the current (or last) run started, RFC 3339. */
  startedAt: string | null;
  /** When the last run ended, and how (for a stopped container). */
  finishedAt: string | null;
  exitCode: number | null;
}

/** Drivers whose logs the engine itself keeps; any other is read from its local cache, when on. */
const keptByTheEngine = new Set(['json-file', 'local', 'journald', 'k8s-file']);

export function logFactsOf(container: EngineContainer): LogFacts {
  return {
    containerId: container.Id,
    name: (container.Name ?? container.Id).replace(/^\//, ''),
    tty: container.Config?.Tty === true,
    logDriver: container.HostConfig?.LogConfig?.Type ?? 'json-file',
    isRunning: container.State?.Running === true,
    startedAt: container.State?.StartedAt ?? null,
    finishedAt: container.State?.FinishedAt ?? null,
    exitCode: container.State?.ExitCode ?? null,
  };
}

export async function readLogFacts(client: EngineClient, containerRef: string, signal?: AbortSignal): Promise<LogFacts> {
  return logFactsOf(await client.containers.inspect(containerRef, signal));
}

/** `since` / `until` as the engine takes them (Unix seconds), read now: `10m` means ten minutes before this call. */
export function engineTime(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const read = readLogTime(text);
  // The contract's schema refused anything unreadable already.
  if (!read.ok) throw new BerthError('invalid_argument', read.message);
  return read.unixSeconds;
}

/** The one line shown instead of a log the engine cannot read back. */
export function unreadable(logDriver: string, engineMessage?: string): LogUnreadable {
  if (logDriver === 'none') {
    return { type: 'unreadable', logDriver, message: 'This container keeps no logs: its log driver is "none".' };
  }
  const message =
    engineMessage === undefined
      ? `This container's log driver "${logDriver}" sends its logs elsewhere and the engine keeps no copy it can read back (its local cache is off): read them where "${logDriver}" sends them.`
      : `The engine cannot read this container's logs through its log driver "${logDriver}": ${engineMessage}`;
  return { type: 'unreadable', logDriver, message };
}

/**
 * Opens the engine's log of the container, or says why it cannot be read: the driver is `none`,
 * the engine answers 501 (a remote driver with its cache off), or a remote driver fails (the
 * engine answers 500 with the driver's words, e.g. a syslog server that cannot be reached).
 */
export async function openLog(
  client: EngineClient,
  facts: LogFacts,
  query: LogsQuery,
  signal: AbortSignal,
): Promise<{ stream: Readable; unreadable?: never } | { stream?: never; unreadable: LogUnreadable }> {
  if (facts.logDriver === 'none') return { unreadable: unreadable('none') };
  try {
    return { stream: await client.containers.logs(facts.containerId, query, signal) };
  } catch (error) {
    const status = error instanceof BerthError ? error.details?.status : undefined;
    if (status === 501) return { unreadable: unreadable(facts.logDriver) };
    if (status === 500 && !keptByTheEngine.has(facts.logDriver)) return { unreadable: unreadable(facts.logDriver, (error as BerthError).message) };
    throw error;
  }
}
