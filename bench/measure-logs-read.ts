import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import type { BerthClient, LogEvent } from '../runtime/api/index.js';
import { connectBerth } from './berth-client.js';
import { lineText } from './logs-source.js';
import { untilEngineConnected } from './measure-list.js';
import { nowMs, round, summarize, type Summary } from './stats.js';
import { log } from './support.js';

/**
 * (h) Reading a whole log: `logs.follow` with `follow: false, tail: "all"` through a running web
 * host's WebSocket until its stream ends, every line counted and the last one checked, against
 * `docker logs NAME` with its stdout going to /dev/null, spawn to exit; taking turns. The target
 * is throughput: Berth's at least 0.8x the docker CLI's, so the time ratio CLI / Berth >= 0.8.
 */

export interface LogsReadOptions {
  hostUrl: string;
  cliEnv: NodeJS.ProcessEnv;
  name: string;
  lines: number;
  runs: number;
}

export interface LogsRead {
  lines: number;
  runs: number;
  berth: Summary;
  dockerCli: Summary;
  /** Lines per `lines` event: the transport carries batches, never one message per line. */
  linesPerEvent: number;
  berthLinesPerSecond: number;
  dockerCliLinesPerSecond: number;
  ratios: { throughputBerthOverCliMedian: number };
}

export async function measureLogsRead(options: LogsReadOptions): Promise<LogsRead> {
  const connection = await connectBerth(options.hostUrl);
  try {
    const { client } = connection;
    await untilEngineConnected(async () => (await client.call('containers.list', { all: true })).length);
    const berth: number[] = [];
    const cli: number[] = [];
    let events = 0;
    for (let run = 0; run < options.runs; run++) {
      // Alternate which goes first, so neither always reads a log the other just warmed the page cache for.
      const order = run % 2 === 0 ? ['berth', 'cli'] : ['cli', 'berth'];
      for (const side of order) {
        if (side === 'cli') cli.push(await dockerLogsToNull(options));
        else {
          const read = await readThroughBerth(client, options);
          berth.push(read.ms);
          events = read.events;
        }
      }
      log(`logs read ${run + 1}/${options.runs}: berth ${Math.round(berth.at(-1) ?? 0)} ms, docker logs ${Math.round(cli.at(-1) ?? 0)} ms`);
    }
    const berthSummary = summarize(berth);
    const cliSummary = summarize(cli);
    return {
      lines: options.lines,
      runs: options.runs,
      berth: berthSummary,
      dockerCli: cliSummary,
      linesPerEvent: round(options.lines / events, 1),
      berthLinesPerSecond: Math.round(options.lines / (berthSummary.medianMs / 1000)),
      dockerCliLinesPerSecond: Math.round(options.lines / (cliSummary.medianMs / 1000)),
      ratios: { throughputBerthOverCliMedian: round(cliSummary.medianMs / berthSummary.medianMs, 3) },
    };
  } finally {
    connection.dispose();
  }
}

async function readThroughBerth(client: BerthClient, options: LogsReadOptions): Promise<{ ms: number; events: number }> {
  const start = nowMs();
  let lines = 0;
  let events = 0;
  let last = '';
  await new Promise<void>((resolve, reject) => {
    client.subscribe(
      'logs.follow',
      { id: options.name, follow: false, tail: 'all' },
      {
        onEvent: (event: LogEvent) => {
          if (event.type === 'unreadable') reject(new Error(event.message));
          if (event.type !== 'lines') return;
          events++;
          lines += event.lines.length;
          last = event.lines.at(-1)?.text ?? last;
        },
        onEnd: () => resolve(),
        onError: (error) => reject(error),
      },
    );
  });
  const ms = nowMs() - start;
  if (lines !== options.lines || last !== lineText(options.lines)) {
    throw new Error(`logs.follow gave ${lines} lines ending ${JSON.stringify(last.slice(0, 40))}; expected ${options.lines} ending ${JSON.stringify(lineText(options.lines).slice(0, 40))}`);
  }
  return { ms, events };
}

function dockerLogsToNull(options: LogsReadOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const sink = openSync('/dev/null', 'w');
    const start = nowMs();
    const child = spawn('docker', ['logs', options.name], { env: options.cliEnv, stdio: ['ignore', sink, 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error) => {
      closeSync(sink);
      reject(error);
    });
    child.once('close', (code) => {
      const ms = nowMs() - start;
      closeSync(sink);
      if (code === 0) resolve(ms);
      else reject(new Error(`docker logs ${options.name} exited ${String(code)}: ${stderr.trim()}`));
    });
  });
}
