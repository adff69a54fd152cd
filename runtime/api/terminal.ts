import { z } from 'zod';

/**
 * Terminals: a process in a container whose output streams to the UI and whose input and
 * size come back from it. Two ways in:
 * - `containers.attach`: the container's main process (what `docker attach` / `docker run -it`
 *   shows), with its output since the container started replayed first;
 * - `exec.open`: a new process in a running container (`docker exec -it CONTAINER sh`).
 * Either stream starts with `opened`, which names the session that `terminal.input` and
 * `terminal.resize` address. The session ends with the stream.
 */
export type TerminalEvent = TerminalOpened | TerminalOutput | TerminalExit;

export interface TerminalOpened {
  type: 'opened';
  /** Addresses `terminal.input` / `terminal.resize` while the stream lasts. */
  sessionId: string;
  /** A pseudo-terminal: raw bytes with escape sequences, stdout and stderr merged, sizes apply. */
  tty: boolean;
  /** Input reaches the process (false when attaching to a container started without `-i`). */
  stdin: boolean;
}

export interface TerminalOutput {
  type: 'output';
  /** Raw bytes as the process wrote them (UTF-8 may split between chunks; decode statefully). */
  data: Uint8Array;
  /** Which stream wrote them; always `stdout` for a TTY, where the two are one. */
  stream: 'stdout' | 'stderr';
}

/** The process ended. The stream ends right after. */
export interface TerminalExit {
  type: 'exit';
  /** Its exit code, or null when the engine could not tell (the container was removed). */
  exitCode: number | null;
}

/** Columns and rows of a terminal, as xterm reports them. */
const cols = z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000');
const rows = z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000');

export const terminalSizeSchema = z.object({ cols, rows }).strict();

export const execOpenSchema = z
  .object({
    id: z.string(),
    /** The command and its arguments; default: the container's shell (`/bin/sh`). */
    command: z.array(z.string().max(4096)).min(1, 'needs at least the program to run').max(256).default(['/bin/sh']),
    /** Run as this user (`name`, `uid`, `uid:gid`), like `docker exec -u`. */
    user: z.string().max(256).optional(),
    /** Working directory inside the container, like `docker exec -w`. Absolute. */
    workingDir: z
      .string()
      .regex(/^\//, 'must be an absolute path')
      .max(4096)
      .optional(),
    /** Extra `KEY=value` variables, like `docker exec -e`. */
    env: z.array(z.string().regex(/^[^=]+=/, 'must be KEY=value')).max(256).default([]),
    /** Allocate a pseudo-terminal (`-t`). Default true: the UI is a terminal. */
    tty: z.boolean().default(true),
    /** Size to start with, so the first screen is drawn at the right width. */
    size: terminalSizeSchema.optional(),
  })
  .strict();

export const attachSchema = z
  .object({
    id: z.string(),
    /** Replay what the main process wrote since the container started (`docker attach` shows nothing until new output). */
    replay: z.boolean().default(true),
    size: terminalSizeSchema.optional(),
  })
  .strict();

/** Terminal session ids are opaque tokens made by the backend. */
export const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'is not a terminal session id');

export const terminalInputSchema = z
  .object({
    sessionId: sessionIdSchema,
    /** Keystrokes or pasted text, as xterm's `onData` gives them. */
    data: z.string().max(1_000_000, 'is longer than 1,000,000 characters; paste less at a time'),
  })
  .strict();

export const terminalFlowSchema = z
  .object({
    sessionId: sessionIdSchema,
    /** True: stop reading the process's output until resumed (the screen is behind). False: go on. */
    paused: z.boolean(),
  })
  .strict();

export const terminalResizeSchema = z.object({ sessionId: sessionIdSchema, cols, rows }).strict();
