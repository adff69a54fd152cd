import type { Duplex } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type Docker from 'dockerode';
import { DisposableStore, toDisposable, type Disposable, type ParsedStreamParams, type TerminalEvent, type terminalContract } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import { fromEngineError } from '../../engine/errors.js';
import type { HandlerSlice, StreamSink } from '../../rpc/handlers.js';
import { pipeTerminalOutput, tolerantResize } from './terminal-pipe.js';
import { TerminalSessions } from './sessions.js';

/**
 * The engine swallows its detach keys (default Ctrl-P Ctrl-Q) from a session's input: Ctrl-P,
 * history-back in every shell, would wait for the next key to learn it is not a detach. A
 * terminal in Berth detaches by closing it, so the sequence is one nobody types: Ctrl-] four
 * times (Ctrl-] alone only waits for the next key, and is bound to nothing in common shells).
 */
const detachKeys = 'ctrl-],ctrl-],ctrl-],ctrl-]';

/** The few inspect fields a terminal needs. */
interface ContainerTerminalFacts {
  Config: { Tty?: boolean; OpenStdin?: boolean };
  State: { Running?: boolean; ExitCode?: number };
}

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

  async attach(params: ParsedStreamParams<'containers.attach'>, sink: StreamSink<TerminalEvent>): Promise<Disposable> {
    const container = this.engine.docker.getContainer(params.id);
    const facts = await this.engineCall(() => container.inspect() as Promise<ContainerTerminalFacts>);
    const isTty = facts.Config.Tty === true;
    const hasStdin = facts.Config.OpenStdin === true;
    const socket = await this.engineCall(
      () =>
        container.attach({ stream: true, stdin: hasStdin, stdout: true, stderr: true, logs: params.replay, detachKeys, hijack: true }) as Promise<Duplex>,
    );
    return this.run(sink, socket, {
      isTty,
      hasStdin,
      size: params.size,
      resize: (cols, rows, signal) => container.resize({ w: cols, h: rows, abortSignal: signal }) as Promise<unknown>,
      // The attach ends when the main process does, or when the engine detached it (detach keys).
      exitCode: async () => {
        const after = await container.inspect().catch(() => null) as ContainerTerminalFacts | null;
        if (after === null) return null;
        return after.State.Running === true ? 'still running' : (after.State.ExitCode ?? null);
      },
    });
  }

  async exec(params: ParsedStreamParams<'exec.open'>, sink: StreamSink<TerminalEvent>): Promise<Disposable> {
    const container = this.engine.docker.getContainer(params.id);
    const exec = await this.engineCall(() =>
      container.exec({
        Cmd: params.command,
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        DetachKeys: detachKeys,
        Tty: params.tty,
        Env: params.env.length > 0 ? params.env : undefined,
        User: params.user,
        WorkingDir: params.workingDir,
      }),
    );
    const socket: Duplex = await this.engineCall(() => exec.start({ hijack: true, stdin: true, Tty: params.tty }));
    return this.run(sink, socket, {
      isTty: params.tty,
      hasStdin: true,
      size: params.size,
      resize: (cols, rows, signal) => exec.resize({ w: cols, h: rows, abortSignal: signal }) as Promise<unknown>,
      exitCode: () => execExitCode(exec),
      // The engine does not end an exec when its client goes away, and its API cannot kill one.
      // A TTY's end-of-file (^D) ends the shell sitting at its prompt, which is what a closed
      // terminal almost always holds; without a TTY, closing stdin is the end-of-file.
      close: params.tty ? (s) => closeWith(s, '\x04') : (s) => closeWith(s, ''),
    });
  }

  private run(
    sink: StreamSink<TerminalEvent>,
    socket: Duplex,
    process: {
      isTty: boolean;
      hasStdin: boolean;
      size?: { cols: number; rows: number };
      resize: (cols: number, rows: number, signal?: AbortSignal) => Promise<unknown>;
      exitCode: () => Promise<number | null | 'still running'>;
      /** Closes our end when the view goes away; default: drop the connection (the process goes on). */
      close?: (socket: Duplex) => void;
    },
  ): Disposable {
    const store = new DisposableStore();
    let isDisposed = false;
    const resize = (cols: number, rows: number, signal?: AbortSignal) =>
      tolerantResize(() => process.resize(cols, rows, signal)).catch((error: unknown) => {
        throw fromEngineError(error, this.engine.engineUrl);
      });
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
    sink.emit({ type: 'opened', sessionId: session.sessionId, tty: process.isTty, stdin: process.hasStdin });
    // Sized only now that the process has started (resizing an exec before its start fails).
    if (process.isTty && process.size) resize(process.size.cols, process.size.rows).catch(() => undefined);
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
        if (!isDisposed) sink.fail(fromEngineError(error, this.engine.engineUrl));
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

  private async engineCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw fromEngineError(error, this.engine.engineUrl);
    }
  }
}

/** Sends the last bytes and half-closes; drops the connection for good shortly after. */
function closeWith(socket: Duplex, lastBytes: string): void {
  if (socket.destroyed) return;
  socket.end(lastBytes);
  setTimeout(() => socket.destroy(), 2_000).unref();
}

/** The exit code once the engine has reaped the process; the socket can close a moment before. */
async function execExitCode(exec: Docker.Exec): Promise<number | null> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const info = await exec.inspect();
    if (!info.Running) return info.ExitCode ?? null;
    await delay(50);
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
      'containers.attach': (params, sink) => terminals.attach(params, sink),
      'exec.open': (params, sink) => terminals.exec(params, sink),
    },
  };
}
