import type { BerthClient, BerthError, Disposable, TerminalEvent } from '../../../runtime/api/index.js';

/** What a terminal view runs: the container's main process, or a new process in it. */
export type TerminalTarget = { kind: 'attach' } | { kind: 'exec'; command: string[] };

export type SessionStatus =
  | { kind: 'opening' }
  | { kind: 'open'; stdin: boolean }
  /** The process ended (`exitCode`), or the engine let go of it while it runs on (`exitCode` undefined). */
  | { kind: 'ended'; exitCode: number | null | undefined }
  | { kind: 'failed'; error: BerthError };

/** Where output goes: an xterm in the app, a recorder in tests. */
export interface TerminalScreen {
  /** Queues output; `onWritten` runs once the screen has drawn it. */
  write(data: Uint8Array, onWritten: () => void): void;
}

/**
 * Flow control: bytes handed to the screen but not yet drawn. Above the high mark the session
 * asks the host to stop reading; below the low mark, to go on. xterm parses a few MB/s, an
 * engine delivers far more, so without this a flood (`yes`, a big `cat`) would pile up in memory.
 */
export const flowMarks = { highBytes: 512 * 1024, lowBytes: 64 * 1024 };

export interface TerminalSession extends Disposable {
  /** Keystrokes or pasted text; dropped until the process takes input. */
  input(data: string): void;
  resize(cols: number, rows: number): void;
}

interface OpenOptions {
  client: BerthClient;
  /** The container's engine: the stream and every `terminal.*` call of the session go there (the engine's host holds the session). */
  engineId: string;
  containerId: string;
  target: TerminalTarget;
  /** The screen's size now, so the process starts at the right width. */
  size: { cols: number; rows: number };
  screen: TerminalScreen;
  onStatus: (status: SessionStatus) => void;
}

/**
 * One attach or exec, from `opened` to its end. Output is written straight to the screen (never
 * through the store); keystrokes and sizes go back addressed to the session the host named.
 */
export function openTerminalSession({ client, engineId, containerId, target, size, screen, onStatus }: OpenOptions): TerminalSession {
  const to = { engine: engineId };
  let sessionId: string | null = null;
  let takesInput = false;
  let isTty = true;
  let exitCode: number | null | undefined;
  let pendingSize: { cols: number; rows: number } | null = null;
  let isResizing = false;
  let isDisposed = false;
  let undrawnBytes = 0;
  let isPaused = false;

  const setPaused = (paused: boolean) => {
    if (sessionId === null || isPaused === paused) return;
    isPaused = paused;
    client.call('terminal.flow', { sessionId, paused }, to).catch(() => undefined); // An ended session needs no flow.
  };

  const fail = (error: BerthError) => {
    if (!isDisposed) onStatus({ kind: 'failed', error });
  };

  // Sizes are latest-wins: while one resize is in flight only the newest next one is kept.
  const sendSize = () => {
    if (sessionId === null || !isTty || isResizing || pendingSize === null || isDisposed) return;
    const { cols, rows } = pendingSize;
    pendingSize = null;
    isResizing = true;
    client.call('terminal.resize', { sessionId, cols, rows }, to).then(
      () => undefined,
      () => undefined, // The session ended meanwhile: its end is reported by the stream.
    ).finally(() => {
      isResizing = false;
      sendSize();
    });
  };

  const onEvent = (event: TerminalEvent) => {
    if (event.type === 'opened') {
      sessionId = event.sessionId;
      takesInput = event.stdin;
      isTty = event.tty;
      onStatus({ kind: 'open', stdin: event.stdin });
      sendSize(); // A resize made while opening.
    } else if (event.type === 'output') {
      const length = event.data.length;
      undrawnBytes += length;
      screen.write(event.data, () => {
        undrawnBytes -= length;
        if (isPaused && undrawnBytes < flowMarks.lowBytes) setPaused(false);
      });
      if (!isPaused && undrawnBytes > flowMarks.highBytes) setPaused(true);
    } else {
      exitCode = event.exitCode;
    }
  };

  onStatus({ kind: 'opening' });
  const handlers = {
    onEvent: (event: unknown) => onEvent(event as TerminalEvent), // Both streams deliver TerminalEvents.
    onEnd: () => {
      sessionId = null;
      if (!isDisposed) onStatus({ kind: 'ended', exitCode });
    },
    onError: (error: BerthError) => {
      sessionId = null;
      fail(error);
    },
  };
  const subscription =
    target.kind === 'attach'
      ? client.subscribe('containers.attach', { id: containerId, size }, handlers, to)
      : client.subscribe('exec.open', { id: containerId, command: target.command, size }, handlers, to);

  return {
    input(data) {
      if (sessionId === null || !takesInput || isDisposed) return;
      client.call('terminal.input', { sessionId, data }, to).catch(fail);
    },
    resize(cols, rows) {
      pendingSize = { cols, rows };
      sendSize();
    },
    dispose() {
      isDisposed = true;
      subscription.dispose();
    },
  };
}
