import { BerthError, type LogSaveResult, type logsContract, type ParsedMethodParams } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { DownloadHandlers, HandlerSlice } from '../../rpc/handlers.js';
import { LogFollow } from './log-follow.js';
import { logFileName, openLogFile, writeLogFile } from './log-file.js';
import { readLogFacts } from './log-source.js';

/** What the program hosting Berth offers the logs domain. */
export interface LogsHost {
  /**
   * Asks the user where to save a file (the desktop app's save dialog), suggesting a name;
   * null when they cancel. Absent (`berth serve`, `berth api`): `logs.save` needs its `path`.
   */
  chooseSavePath?: ((suggestedName: string) => Promise<string | null>) | undefined;
  /**
   * Whether a caller may name the file itself (`path`). Only `berth api`, run by the user at a
   * shell of this machine, may: the desktop renderer and the browser never name a file here,
   * so a script that got into a page cannot write into the user's files.
   */
  acceptsPaths?: boolean | undefined;
}

/** `logs.save`: the log as `docker logs` prints it, streamed into a file. */
export async function saveLogs(engine: Pick<EngineConnection, 'client'>, params: ParsedMethodParams<'logs.save'>, host: LogsHost, signal: AbortSignal): Promise<LogSaveResult> {
  const client = engine.client;
  const facts = await readLogFacts(client, params.id, signal);
  let target = params.path;
  if (target !== undefined && host.acceptsPaths !== true) {
    throw new BerthError(
      'invalid_argument',
      host.chooseSavePath === undefined
        ? 'logs.save: path: files are not written from here; download the log instead (its link is served by this host).'
        : 'logs.save: path: leave it out: the app asks where to save with its save dialog (a path is taken only from berth api).',
      { field: 'path' },
    );
  }
  if (target === undefined) {
    if (host.chooseSavePath === undefined) {
      throw new BerthError('invalid_argument', 'logs.save: path: is required here: only the desktop app has a save dialog to ask with.', { field: 'path' });
    }
    const chosen = await host.chooseSavePath(logFileName(facts.name));
    if (chosen === null) return { path: null, bytes: 0 };
    target = chosen;
  }
  const file = await openLogFile(client, facts, params, signal);
  return { path: target, bytes: await writeLogFile(file.body, target, signal) };
}

/** The logs domain's handlers (`runtime/api/logs.ts`). */
export function logsHandlers(engine: EngineConnection, host: LogsHost = {}): HandlerSlice<typeof logsContract> {
  return {
    methods: {
      'logs.save': (params, signal) => saveLogs(engine, params, host, signal),
    },
    streams: {
      'logs.follow': (params, sink, signal) => {
        const follow = new LogFollow(engine, params, sink, signal);
        follow.start();
        return follow;
      },
    },
  };
}

/** The web host's log download (`/download/logs`): the same bytes as `logs.save`, to the browser. */
export function logsDownloads(engine: Pick<EngineConnection, 'client'>): Pick<DownloadHandlers, 'logs'> {
  return {
    logs: async (params, signal) => {
      const client = engine.client;
      return openLogFile(client, await readLogFacts(client, params.id, signal), params, signal);
    },
  };
}
