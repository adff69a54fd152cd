import type { Duplex } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { DisposableStore, toDisposable, type Disposable, type ParsedStreamParams, type TerminalEvent, type terminalContract } from '../../api/index.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import type { ExecOptions } from '../../engine/client/exec.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { HandlerSlice, StreamSink } from '../../rpc/handlers.js';
import { pipeTerminalOutput } from './terminal-pipe.js';
import { TerminalSessions } from './sessions.js';

/**
 * The engine swallows its detach keys (default Ctrl-P Ctrl-Q) from a session's input: Ctrl-P,
 * history-back in every shell, would wait for the next key to learn it is not a detach. A
 * terminal in Berth detaches by closing it, so the sequence is one nobody types: Ctrl-] four
 * times (Ctrl-] alone only waits for the next key, and is bound to nothing in common shells).
 */
const detachKeys = 'ctrl-],ctrl-],ctrl-],ctrl-]';

/**
 * The terminal streams: `containers.attach` (the main process) and `exec.open` (a new process).
 * Both hijack the engine's HTTP connection into a raw socket, forward its bytes as `output`
 * events, register a session for input and resizes, and end with `exit` when the process does.
 */
export class TerminalService {
  constructor(
    private readonly engine: EngineConnection,
    private readonly sessions: TerminalSessions,
  ) {}

  /** `signal` is the dispatcher's: it cancels the engine requests until the terminal is open; closing it is the disposable's. */
  async attach(params: ParsedStreamParams<'containers.attach'>, sink: StreamSink<TerminalEvent>, signal: AbortSignal): Promise<Disposable> {
    const client = this.engine.client;
    const containers = client.containers;
    const facts = await containers.inspect(params.id, signal);
    const isTty = facts.Config?.Tty === true;
    const hasStdin = facts.Config?.OpenStdin === true;
    const socket = await containers.attach(params.id, { stdin: hasStdin, logs: params.replay, detachKeys }, signal);
    return this.run(client, sink, socket, signal, {
      isTty,
      hasStdin,
      size: params.size,
      resize: (cols, rows, signal) => containers.resize(params.id, { cols, rows }, signal),
      // The attach ends when the main process does, or when the engine detached it (detach keys).
      exitCode: async () => {
        const after = await containers.inspect(params.id, signal).catch(() => null);
        if (after === null) return null;
        return after.State?.Running === true ? 'still running' : (after.State?.ExitCode ?? null);
      },
    });
  }

  async exec(params: ParsedStreamParams<'exec.open'>, sink: StreamSink<TerminalEvent>, signal: AbortSignal): Promise<Disposable> {
    const client = this.engine.client;
    const process: ExecOptions = {
      Cmd: params.command,
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      DetachKeys: detachKeys,
      Tty: params.tty,
      Env: params.env.length > 0 ? params.env : undefined,
      User: params.user,
      WorkingDir: params.workingDir,
    };
    const execId = await client.exec.create(params.id, process, signal);
    const socket = await client.exec.start(execId, { tty: params.tty }, signal);
    return this.run(client, sink, socket, signal, {
      isTty: params.tty,
      hasStdin: true,
      size: params.size,
      resize: (cols, rows, signal) => client.exec.resize(execId, { cols, rows }, signal),
      exitCode: () => execExitCode(client, execId, signal),
      // The engine does not end an exec when its client goes away, and its API cannot kill one.
      // A TTY's end-of-file (^D) ends the shell sitting at its prompt, which is what a closed
      // terminal almost always holds; without a TTY, closing stdin is the end-of-file.
      close: params.tty ? (s) => closeWith(s, '\x04') : (s) => closeWith(s, ''),
    });
  }

  private async run(
    client: EngineClient,
    sink: StreamSink<TerminalEvent>,
    socket: Duplex,
    signal: AbortSignal,
    process: {
      isTty: boolean;
      hasStdin: boolean;
      size?: { cols: number; rows: number };
      resize: (cols: number, rows: number, signal?: AbortSignal) => Promise<void>;
      exitCode: () => Promise<number | null | 'still running'>;
      /** Closes our end when the view goes away; default: drop the connection (the process goes on). */
      close?: (socket: Duplex) => void;
    },
  ): Promise<Disposable> {
    const store = new DisposableStore();
    let isDisposed = false;
    const resize = (cols: number, rows: number, signal?: AbortSignal) => process.resize(cols, rows, signal);
    const session = store.add(
      this.sessions.add({
        isTty: process.isTty,
        hasStdin: process.hasStdin,
        write: (data) => {
          if (!socket.destroyed) socket.write(data, 'utf8');
        },
        resize,
        // Not reading lets the socket's buffers fill; then the engine, and the process, wait.
        setPaused: (paused) => {
          if (paused) socket.pause();
          else socket.resume();
        },
      }),
    );
    // Sized only now that the process has started (resizing an exec before its start fails), and
    // before the session is announced: what is typed at once must already meet the asked size.
    const size = process.size;
    if (process.isTty && size) await initialSize(() => resize(size.cols, size.rows, signal), signal);
    sink.emit({ type: 'opened', sessionId: session.sessionId, tty: process.isTty, stdin: process.hasStdin });
    pipeTerminalOutput(socket, process.isTty, (event) => sink.emit(event), {
      onEnd: () => {
        session.dispose();
        if (isDisposed) return;
        process.exitCode().then(
          (exitCode) => {
            if (exitCode !== 'still running') sink.emit({ type: 'exit', exitCode });
            sink.end();
          },
          () => sink.end(),
        );
      },
      onError: (error) => {
        session.dispose();
        if (!isDisposed) sink.fail(client.failureOf(error));
      },
    });
    store.add(
      toDisposable(() => {
        isDisposed = true;
        if (process.close) process.close(socket);
        else socket.destroy(); // Detach: an attached main process keeps running.
      }),
    );
    return store;
  }
}

/** Sends the last bytes and half-closes; drops the connection for good shortly after. */
function closeWith(socket: Duplex, lastBytes: string): void {
  if (socket.destroyed) return;
  socket.end(lastBytes);
  setTimeout(() => socket.destroy(), 2_000).unref();
}

/** The exit code once the engine has reaped the process; the socket can close a moment before. */
async function execExitCode(client: EngineClient, execId: string, signal: AbortSignal): Promise<number | null> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const info = await client.exec.inspect(execId, signal);
    if (!info.Running) return info.ExitCode ?? null;
    await delay(50, undefined, { signal });
  }
  return null;
}

/** The terminal domain's handlers (`runtime/api/terminal.ts`): the streams, and the calls that address their sessions. */
export function terminalHandlers(engine: EngineConnection): HandlerSlice<typeof terminalContract> {
  const sessions = new TerminalSessions();
  const terminals = new TerminalService(engine, sessions);
  return {
    methods: {
      'terminal.input': (params) => Promise.resolve(sessions.input(params.sessionId, params.data)),
      'terminal.resize': (params, signal) => sessions.resize(params.sessionId, params.cols, params.rows, signal),
      'terminal.flow': (params) => Promise.resolve(sessions.flow(params.sessionId, params.paused)),
    },
    streams: {
      'containers.attach': (params, sink, signal) => terminals.attach(params, sink, signal),
      'exec.open': (params, sink, signal) => terminals.exec(params, sink, signal),
    },
  };
}

/**
 * The first size, as the docker CLI sets it: the engine may not have made the process's terminal
 * yet when its start answers (a busy engine answers the resize with an error), so a failed
 * resize is tried again a few times, a little later each time, before the terminal keeps the
 * engine's default size until the next resize.
 */
async function initialSize(resize: () => Promise<void>, signal: AbortSignal, attempts = 8): Promise<void> {
  for (let attempt = 1; attempt <= attempts && !signal.aborted; attempt++) {
    try {
      await resize();
      return;
    } catch {
      await delay(10 * 2 ** attempt).catch(() => undefined);
    }
  }
}
