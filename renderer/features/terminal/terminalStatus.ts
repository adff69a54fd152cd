import type { TerminalTarget } from './terminalSession.js';
import type { TerminalViewStatus } from './useTerminalSession.js';

export interface DescribedStatus {
  text: string;
  tone: 'info' | 'ok' | 'error';
}

/** The one line under the terminal's toolbar: what typing does now, or why nothing happens. */
export function describeStatus(status: TerminalViewStatus, target: TerminalTarget, isRunning: boolean): DescribedStatus {
  const what = target.kind === 'attach' ? 'the main process' : target.command.join(' ');
  const ended =
    status.kind === 'ended' && status.exitCode !== undefined
      ? `${target.kind === 'attach' ? 'The main process' : what} exited${status.exitCode === null ? '' : ` with code ${String(status.exitCode)}`}. `
      : '';
  if (!isRunning) return { text: `${ended}The container is not running; the terminal connects when it starts.`, tone: 'info' };
  switch (status.kind) {
    case 'waiting':
    case 'opening':
      return { text: `Connecting to ${what}…`, tone: 'info' };
    case 'open':
      return status.stdin
        ? { text: `Connected to ${what}: typing goes to it.`, tone: 'ok' }
        : { text: 'Showing the main process’s output. It takes no input: the container was started without -i.', tone: 'info' };
    case 'ended':
      return status.exitCode === undefined
        ? { text: `Detached from ${what}; it is still running.`, tone: 'info' }
        : { text: `${ended}${target.kind === 'exec' ? 'Open a new shell to go on.' : ''}`.trim(), tone: 'info' };
    case 'failed':
      return { text: `Could not open ${what}: ${status.error.message}`, tone: 'error' };
  }
}
