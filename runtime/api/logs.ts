import { z } from 'zod';
import { defineDomain, method, params, stream } from './define.js';
import { readLogTime } from './log-time.js';
import { containerRef } from './refs.js';

/**
 * Logs: what a container's main process wrote, as the engine's log driver kept it, read like
 * `docker logs [--follow] [--tail N] [--since T] [--until T]`. Lines cross in batches (see
 * LogLines), each with the engine's timestamp and the stream that wrote it; showing the timestamps is the view's
 * choice. A follow outlives restarts of the container and reconnects of the engine: it picks up
 * after the last timestamp it delivered, so no line comes twice and none is lost.
 */
export type LogEvent = LogOpened | LogUnreadable | LogLines | LogMark;

/** First event: the container's logs can be read; lines follow. */
export interface LogOpened {
  type: 'opened';
  /** The container's name (without `/`). */
  name: string;
  /** A TTY container writes stdout and stderr as one stream: every line is `stdout` then. */
  tty: boolean;
  /** The container's log driver (`json-file`, `local`, `journald`, ...). */
  logDriver: string;
}

/** The engine keeps no logs it can read back for this container (driver `none`, or a remote one). The stream ends. */
export interface LogUnreadable {
  type: 'unreadable';
  logDriver: string;
  /** One line for the user, naming the driver. */
  message: string;
}

/**
 * Lines, in the engine's order, as parallel arrays (one entry per line; never one object per
 * line, since a log of a million lines crosses in a few hundred of these). A batch holds at most
 * about 64 KiB of text, and its lines' times lie within 10^15 ns (about 11 days) of `seconds`, so
 * every sum below stays an exact integer in a JSON number (a double).
 *
 * Line `i`'s engine timestamp is `seconds` whole Unix seconds plus `nanos[0] + ... + nanos[i]`
 * nanoseconds (split the sum with floor division by 10^9 to get whole seconds and nanoseconds
 * again). Exact to the nanosecond, which orders lines of several containers and resumes a follow.
 */
export interface LogLines {
  type: 'lines';
  /**
   * Each line's text without its line ending, decoded as UTF-8 (invalid bytes become U+FFFD). A
   * bare `\r` overwrites what came before it on the line, as on a terminal. Escape sequences are
   * kept: the view renders colours and never acts on anything else.
   */
  text: string[];
  /** Whole Unix seconds (UTC) the batch's times count from: the first line's, rounded down. */
  seconds: number;
  /**
   * Each line's time as nanoseconds after the line before it (the first: after `seconds`), as
   * the engine stamped it; an integer, negative when a line was stamped before the one it follows
   * (stdout and stderr are stamped apart). A line whose timestamp the engine wrote unreadably
   * (never from a sane engine) gets the time of the line read before it.
   */
  nanos: number[];
  /** The indexes (into `text`) of the lines the process wrote to stderr, ascending; absent when every line is stdout (a TTY container's always are). */
  stderr?: number[];
  /**
   * Only with `lastLinesFirst`: the log's last lines, sent when the container exited while the
   * stream was still behind its output. The lines between come after, in `lines` events without
   * this flag, and end where these begin (no line comes twice); put lines in time order to show them.
   */
  ahead?: true;
}

/** One line of a `lines` event, spelt out: for scripts and tests (the view reads the arrays directly). */
export interface LogLine {
  /** Whole Unix seconds of the engine's timestamp. */
  seconds: number;
  /** Nanoseconds after `seconds`, 0 to 999,999,999. */
  nanos: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** The lines of a `lines` event, one object each, with their times summed up. */
export function logLinesOf(event: LogLines): LogLine[] {
  const stderr = new Set(event.stderr ?? []);
  const lines: LogLine[] = [];
  let offset = 0;
  for (let index = 0; index < event.text.length; index++) {
    offset += event.nanos[index] ?? 0;
    const extraSeconds = Math.floor(offset / 1e9);
    lines.push({ seconds: event.seconds + extraSeconds, nanos: offset - extraSeconds * 1e9, stream: stderr.has(index) ? 'stderr' : 'stdout', text: event.text[index]! });
  }
  return lines;
}

/** The `lines` event of these lines (within 10^15 ns of the first's second); the inverse of logLinesOf. */
export function linesEventOf(lines: readonly LogLine[]): LogLines {
  const seconds = lines[0]?.seconds ?? 0;
  const nanos: number[] = [];
  const stderr: number[] = [];
  let previous = 0;
  lines.forEach((line, index) => {
    const offset = (line.seconds - seconds) * 1e9 + line.nanos;
    nanos.push(offset - previous);
    previous = offset;
    if (line.stream === 'stderr') stderr.push(index);
  });
  return { type: 'lines', text: lines.map((line) => line.text), seconds, nanos, ...(stderr.length > 0 ? { stderr } : {}) };
}

/**
 * Something happened to the container or the engine while following:
 * - `exited`: the container stopped; the follow waits for it to start again;
 * - `started`: it started again; its new lines follow;
 * - `reconnected`: the engine was away and is back; lines resume after the last one delivered;
 * - `removed`: the container is gone; the stream ends.
 */
export interface LogMark {
  type: 'mark';
  kind: 'exited' | 'started' | 'reconnected' | 'removed';
  /** When it happened, RFC 3339 (the engine's event time where it has one). */
  time: string;
  /** For `exited`: the exit code, when the engine tells it. */
  exitCode?: number;
}

const logTime = (flag: 'since' | 'until', which: string) =>
  z
    .string()
    .max(64, 'is too long')
    .superRefine((value, context) => {
      const read = readLogTime(value);
      if (!read.ok) context.addIssue({ code: 'custom', message: read.message });
    })
    .optional()
    .describe(
      `Only lines ${which}: a date and time (\`2026-11-30T10:00:00Z\`; without a zone, local time), Unix seconds, or a duration back from now (\`10m\`, \`1h30m\`), as \`docker logs --${flag}\` takes it.`,
    );

/** What to read: the `docker logs` options. */
export const logOptions = {
  id: containerRef,
  tail: z
    .union([z.number().int().min(0, 'must be 0 or more').max(100_000_000, 'must be at most 100,000,000'), z.literal('all')])
    .default('all')
    .describe('Start with only the last N lines (`docker logs --tail N`), or `all`. Default `all`.'),
  since: logTime('since', 'from then on'),
  until: logTime('until', 'up to then'),
  stdout: z.boolean().default(true).describe("Include what the process wrote to stdout. Default true."),
  stderr: z.boolean().default(true).describe('Include what the process wrote to stderr. Default true.'),
};

export const logsFollowSchema = params({
  ...logOptions,
  follow: z
    .boolean()
    .default(true)
    .describe('Keep the stream open for new lines (`docker logs -f`), across restarts of the container. False: end after the lines there are.'),
  lastLinesFirst: z
    .boolean()
    .default(false)
    .describe(
      'When the container exits while the stream is still behind its output (a flood), send its last lines at once, flagged `ahead`, then the lines between. For a view that orders lines by their time. Default false: lines always come in order.',
    ),
});

export const logsSaveSchema = params({
  ...logOptions,
  timestamps: z.boolean().default(false).describe('Begin each line with its timestamp (`docker logs -t`). Default false.'),
  path: z
    .string()
    .max(4096, 'is too long')
    .regex(/^(\/|[A-Za-z]:[\\/])/, 'must be an absolute path')
    .optional()
    .describe(
      "The file to write (absolute; an existing file is replaced), taken only from `berth api` on this machine. In the desktop app leave it out: the app asks where with its save dialog. A browser downloads the log instead.",
    ),
});

/**
 * The web host's log download (`GET /download/logs?id=web&tail=100&timestamps=1`, see
 * downloads.ts): the same options as `logs.save`, without `path` (the browser saves the file).
 */
export const logsDownloadSchema = logsSaveSchema.omit({ path: true });

/** Where a save went. */
export interface LogSaveResult {
  /** The file written, or null when the user cancelled the save dialog. */
  path: string | null;
  bytes: number;
}

export const logsContract = defineDomain({
  methods: {
    'logs.save': method<LogSaveResult>()(
      logsSaveSchema,
      "Write a container's log to a file as `docker logs` prints it (stdout and stderr in the engine's order), streamed from the engine to the file.",
    ),
  },
  streams: {
    'logs.follow': stream<LogEvent>()(
      logsFollowSchema,
      "A container's log lines in batches, then new ones as they come (`docker logs -f`); one JSON event per batch from `berth api`. Events: `opened` {name, tty, logDriver}; `unreadable` {logDriver, message}; `mark` {kind, time, exitCode?}; `lines` {text: string[], seconds, nanos: number[], stderr?: number[], ahead?: true}, parallel arrays: line i's text is text[i], its time `seconds` Unix seconds plus nanos[0]+...+nanos[i] nanoseconds, and it came from stderr when i is in `stderr` (else stdout).",
    ),
  },
});
