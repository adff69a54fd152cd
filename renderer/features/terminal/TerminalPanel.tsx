import '@xterm/xterm/css/xterm.css';
import './terminal.css';
import { useState, type FormEvent } from 'react';
import { splitShellWords } from '../../../runtime/api/shell-words.js';
import { describeStatus } from './terminalStatus.js';
import type { TerminalTarget } from './terminalSession.js';
import { useTerminalSession } from './useTerminalSession.js';
import { useXterm } from './useXterm.js';

export interface TerminalPanelProps {
  /** The engine the container is on: the session and every keystroke go there. */
  engineId: string;
  containerId: string;
  name: string;
  isRunning: boolean;
  /** The main process was started with `-it`: attaching is what the user wants first. */
  isInteractive: boolean;
}

const defaultShell = 'sh';

/**
 * A terminal on one container: its main process (attach) or a shell (exec). Loaded on demand,
 * so xterm.js costs nothing until a terminal is opened.
 */
export default function TerminalPanel({ engineId, containerId, name, isRunning, isInteractive }: TerminalPanelProps) {
  const { ref: screenRef, terminal } = useXterm(`Terminal input for ${name}`);
  const [target, setTarget] = useState<TerminalTarget>(isInteractive ? { kind: 'attach' } : { kind: 'exec', command: [defaultShell] });
  const [commandText, setCommandText] = useState(defaultShell);
  const [commandError, setCommandError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const status = useTerminalSession({ terminal, engineId, containerId, target, isRunning, generation });
  const described = describeStatus(status, target, isRunning);

  const openShell = (event: FormEvent) => {
    event.preventDefault();
    const words = splitShellWords(commandText);
    if (!words.ok || words.words.length === 0) {
      setCommandError(words.ok ? 'Command: type the program to run, e.g. sh.' : `Command: ${words.message}`);
      return;
    }
    setCommandError(null);
    setTarget({ kind: 'exec', command: words.words });
    setGeneration((g) => g + 1);
    terminal?.focus();
  };

  return (
    <div className="terminal-panel">
      <div className="terminal-toolbar">
        <button
          type="button"
          aria-pressed={target.kind === 'attach'}
          onClick={() => {
            setTarget({ kind: 'attach' });
            terminal?.focus();
          }}
        >
          Main process
        </button>
        <form className="terminal-exec" onSubmit={openShell} aria-label="Run a command in the container">
          <label>
            Command
            <input value={commandText} onChange={(e) => setCommandText(e.target.value)} spellCheck={false} aria-invalid={commandError !== null} />
          </label>
          <button type="submit" aria-pressed={target.kind === 'exec'}>
            {target.kind === 'exec' ? 'Open new shell' : 'Open shell'}
          </button>
        </form>
        <p role="status" className={`terminal-status terminal-status-${described.tone}`}>
          {described.text}
        </p>
      </div>
      {commandError && (
        <p role="alert" className="error-text">
          {commandError}
        </p>
      )}
      <div ref={screenRef} className="terminal-screen" role="region" aria-label={`Terminal of ${name}`} />
    </div>
  );
}
