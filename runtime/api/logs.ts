import { z } from 'zod';
import { defineDomain, method, params, stream } from './define.js';
import { readLogTime } from './log-time.js';
import { containerRef } from './refs.js';

/**
 * Logs: what a container's main process wrote, as the engine's log driver kept it, read like
 * `docker logs [--follow] [--tail N] [--since T] [--until T]`. Lines cross in batches, each with
 * the engine's timestamp and the stream that wrote it; showing the timestamps is the view's
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

/** One line as the engine stored it. */
export interface LogLine {
  /** The engine's timestamp, RFC 3339 with nanoseconds as the engine wrote it. */
  time: string;
  stream: 'stdout' | 'stderr';
  /**
   * The text without its line ending, decoded as UTF-8 (invalid bytes become U+FFFD). A bare
   * `\r` overwrites what came before it on the line, as on a terminal. Escape sequences are
   * kept: the view renders colours and never acts on anything else.
   */
  text: string;
}

/** Lines, in the engine's order; a batch holds at most about 64 KiB of text. */
export interface LogLines {
  type: 'lines';
  lines: LogLine[];
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
      "A container's log lines in batches, then new ones as they come (`docker logs -f`); one JSON event per batch from `berth api`.",
    ),
  },
});
