import type { Terminal } from '@xterm/xterm';
import { useEffect, useRef, useState } from 'react';
import { useClientSource } from '../../app/connectionContext.js';
import { useBerth } from '../../stores/store.js';
import { openTerminalSession, type SessionStatus, type TerminalTarget } from './terminalSession.js';

export type TerminalViewStatus = SessionStatus | { kind: 'waiting' };

/** How long after the main process ended the list gets to say the container stopped. */
export const restartSettleMs = 1000;

interface SessionOptions {
  terminal: Terminal | null;
  engineId: string;
  containerId: string;
  target: TerminalTarget;
  isRunning: boolean;
  /** Bumped to open the same target again (a new shell after `exit`). */
  generation: number;
}

/**
 * Keeps a session open while the container runs and Berth is connected. A container that stops
 * and starts again (a restart, a crash with a restart policy) gets its terminal back without a
 * click: attaching replays its console from the top; a shell is opened anew below the old one.
 * A stop does not close the session: the engine ends it, with the exit code, which the list's
 * `die` event often beats.
 */
export function useTerminalSession({ terminal, engineId, containerId, target, isRunning, generation }: SessionOptions): TerminalViewStatus {
  const clientSource = useClientSource();
  const linkState = useBerth((s) => s.engine.link.state);
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const hasShownOutput = useRef(false);
  const targetKey = target.kind === 'attach' ? 'attach' : `exec:${JSON.stringify(target.command)}`;
  // Counts the container's runs seen here: 0 until it first runs, +1 at each start after a stop.
  const [runs, setRuns] = useState({ count: isRunning ? 1 : 0, wasRunning: isRunning });
  if (runs.wasRunning !== isRunning) setRuns({ count: runs.count + (isRunning ? 1 : 0), wasRunning: isRunning });
  const isRunningRef = useRef(isRunning);
  useEffect(() => {
    isRunningRef.current = isRunning;
  }, [isRunning]);

  useEffect(() => {
    const client = clientSource();
    // Keyed by the run, not by isRunning: a stop leaves the session to end by itself.
    if (terminal === null || client === null || runs.count === 0 || !isRunningRef.current || linkState !== 'connected') return;
    if (target.kind === 'attach') terminal.reset(); // The replay brings back everything it showed.
    else if (hasShownOutput.current) terminal.write('\r\n\x1b[2m── new shell ──\x1b[0m\r\n');
    const session = openTerminalSession({
      client,
      engineId,
      containerId,
      target,
      size: { cols: terminal.cols, rows: terminal.rows },
      screen: {
        write: (data, onWritten) => {
          hasShownOutput.current = true;
          terminal.write(data, onWritten);
        },
      },
      onStatus: setStatus,
    });
    const typing = terminal.onData((data) => session.input(data));
    const resizing = terminal.onResize(({ cols, rows }) => session.resize(cols, rows));
    return () => {
      typing.dispose();
      resizing.dispose();
      session.dispose();
    };
    // `target` is compared by its key: a new array with the same command is the same target.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [terminal, clientSource, engineId, containerId, targetKey, runs.count, linkState, generation]);

  // The main process ended, yet the container still runs: it restarted faster than the list could
  // see it stopped (`docker restart` sends die and start together, and the list's one refresh
  // read it running again). Once the list has had time to say it stopped, a container still
  // running is on its next run: attach to that.
  const hasMainProcessEnded = target.kind === 'attach' && status?.kind === 'ended' && status.exitCode !== undefined;
  useEffect(() => {
    if (!hasMainProcessEnded || !isRunning) return;
    const timer = setTimeout(() => {
      if (isRunningRef.current) setRuns((seen) => ({ count: seen.count + 1, wasRunning: true }));
    }, restartSettleMs);
    return () => clearTimeout(timer);
  }, [hasMainProcessEnded, isRunning, runs.count]);

  const isLive = terminal !== null && isRunning && linkState === 'connected';
  if (isLive) return status ?? { kind: 'opening' };
  // Waiting for the container (or for Berth): how the last session ended is still worth showing.
  return status !== null && (status.kind === 'ended' || status.kind === 'failed') ? status : { kind: 'waiting' };
}
