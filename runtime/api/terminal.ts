import { z } from 'zod';
import { defineDomain, method, params, stream } from './define.js';
import { containerRef } from './refs.js';

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
const cols = z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').describe('Columns, 1-1000.');
const rows = z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').describe('Rows, 1-1000.');

export const terminalSizeSchema = params({ cols, rows });

const initialSize = terminalSizeSchema.optional().describe('Size to start with, so the first screen is drawn at the right width.');

export const execOpenSchema = params({
  id: containerRef,
  command: z
    .array(z.string().max(4096, 'is longer than 4096 characters'))
    .min(1, 'needs at least the program to run')
    .max(256, 'has more than 256 arguments')
    .default(['/bin/sh'])
    .describe('The program and its arguments, e.g. `["bash"]`; default the shell `/bin/sh`.'),
  user: z.string().max(256, 'is too long').optional().describe('Run as this user (`name`, `uid`, `uid:gid`), like `docker exec -u`.'),
  workingDir: z
    .string()
    .regex(/^\//, 'must be an absolute path')
    .max(4096, 'is too long')
    .optional()
    .describe('Working directory inside the container (absolute), like `docker exec -w`.'),
  env: z
    .array(z.string().max(100_000, 'is too long').regex(/^[^=]+=/, 'must be KEY=value'))
    .max(256, 'has more than 256 variables')
    .default([])
    .describe('Extra `KEY=value` variables, like `docker exec -e`.'),
  tty: z.boolean().default(true).describe('Allocate a pseudo-terminal (`-t`). Default true: the UI is a terminal.'),
  size: initialSize,
});

export const attachSchema = params({
  id: containerRef,
  replay: z
    .boolean()
    .default(true)
    .describe('Replay what the main process wrote since the container started first (`docker attach` shows nothing until new output).'),
  size: initialSize,
});

/** Terminal session ids are opaque tokens made by the backend. */
export const sessionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'is not a terminal session id')
  .describe('The session the stream announced in its `opened` event.');

export const terminalInputSchema = params({
  sessionId: sessionIdSchema,
  data: z
    .string()
    .max(1_000_000, 'is longer than 1,000,000 characters; paste less at a time')
    .describe("Keystrokes or pasted text, as xterm's `onData` gives them."),
});

export const terminalFlowSchema = params({
  sessionId: sessionIdSchema,
  paused: z.boolean().describe("True: stop reading the process's output until resumed (the screen is behind). False: go on."),
});

export const terminalResizeSchema = params({ sessionId: sessionIdSchema, cols, rows });

export const terminalContract = defineDomain({
  methods: {
    'terminal.input': method<null>()(
      terminalInputSchema,
      'Send keystrokes or pasted text to an open terminal session (`containers.attach` / `exec.open`).',
    ),
    'terminal.resize': method<null>()(
      terminalResizeSchema,
      'Tell the process in an open terminal session its new size (SIGWINCH). Only for TTY sessions.',
    ),
    'terminal.flow': method<null>()(
      terminalFlowSchema,
      "Pause or resume reading a terminal session's output. A screen that falls behind pauses; the process then blocks on its writes, as on a slow terminal.",
    ),
  },
  streams: {
    'containers.attach': stream<TerminalEvent>()(
      attachSchema,
      "A terminal on a running container's main process (`docker attach`): its output, and its input when started with `-i`. Ends when the process does.",
    ),
    'exec.open': stream<TerminalEvent>()(
      execOpenSchema,
      'Run a new process in a running container with a terminal (`docker exec -it`), e.g. a shell. Ends when the process exits.',
    ),
  },
});
