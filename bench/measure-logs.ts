import { spawn } from 'node:child_process';
import { downloadUrl, type BerthClient } from '../runtime/api/index.js';
import { connectBerth } from './berth-client.js';
import { round, summarize, type Summary } from './stats.js';
import { log } from './support.js';

/**
 * (g) Logs (issue 10), through a running web host over its WebSocket, of one container that
 * has written LINES lines of about 100 bytes and exited:
 * - ingest: `logs.follow {follow: false}` until its stream ends, every line counted, against
 *   `docker logs NAME` spawned with stdout and stderr to /dev/null; taking turns.
 * - download: `GET /download/logs?id=NAME` read to its end, against the same `docker logs`.
 * Target: ingest at >= 0.8x the docker CLI's throughput, i.e. Berth's time <= 1.25x.
 */

export interface LogsOptions {
  hostUrl: string;
  cliEnv: NodeJS.ProcessEnv;
  /** A stopped container that wrote `lines` lines (logs-source.ts). */
  name: string;
  lines: number;
  runs: number;
}

export interface LogsMeasure {
  lines: number;
  logBytes: number;
  /** logs.follow {follow: false} until `end`, every line received. */
  berthFollow: Summary;
  /** GET /download/logs read to its end. */
  berthDownload: Summary;
  /** `docker logs NAME >/dev/null 2>&1`, spawn to exit. */
  dockerCli: Summary;
  berthLinesPerSecond: number;
  /** `lines` events the lines came in (one run). */
  batches: number;
  ratios: { followOverCliMedian: number; downloadOverCliMedian: number };
}

export async function measureLogs(options: LogsOptions): Promise<LogsMeasure> {
  const { name } = options;
  const connection = await connectBerth(options.hostUrl);
  try {
    const { client } = connection;
    await engineConnected(client);
    const cookie = await sessionCookie(options.hostUrl);
    log(`logs: ${options.runs} runs each of logs.follow, the download and docker logs, 1 warm-up each`);
    const samples = { follow: [] as number[], download: [] as number[], cli: [] as number[] };
    let batches = 0;
    let logBytes = 0;
    for (let index = -1; index < options.runs; index++) {
      const order = (['follow', 'download', 'cli'] as const).map((_, offset, all) => all[(offset + Math.max(0, index)) % all.length]!);
      for (const way of order) {
        const start = performance.now();
        if (way === 'follow') {
          const read = await followAll(client, name);
          if (read.lines !== options.lines) throw new Error(`logs.follow delivered ${read.lines} of ${options.lines} lines`);
          batches = read.batches;
        } else if (way === 'download') {
          logBytes = await download(options.hostUrl, cookie, name);
        } else {
          await dockerLogs(options.cliEnv, name);
        }
        if (index >= 0) samples[way].push(performance.now() - start);
      }
    }
    const follow = summarize(samples.follow);
    const downloaded = summarize(samples.download);
    const cli = summarize(samples.cli);
    log(`logs: follow p50 ${follow.medianMs} ms, download ${downloaded.medianMs} ms, docker logs ${cli.medianMs} ms`);
    return {
      lines: options.lines,
      logBytes,
      berthFollow: follow,
      berthDownload: downloaded,
      dockerCli: cli,
      berthLinesPerSecond: Math.round(options.lines / (follow.medianMs / 1000)),
      batches,
      ratios: { followOverCliMedian: round(follow.medianMs / cli.medianMs, 3), downloadOverCliMedian: round(downloaded.medianMs / cli.medianMs, 3) },
    };
  } finally {
    connection.dispose();
  }
}

function followAll(client: BerthClient, name: string): Promise<{ lines: number; batches: number }> {
  return new Promise((resolve, reject) => {
    let lines = 0;
    let batches = 0;
    const subscription = client.subscribe(
      'logs.follow',
      { id: name, follow: false },
      {
        onEvent: (event) => {
          if (event.type !== 'lines') return;
          lines += event.text.length;
          batches++;
        },
        onEnd: () => {
          subscription.dispose();
          resolve({ lines, batches });
        },
        onError: reject,
      },
    );
  });
}

/** A host just started may still be connecting to its engine: wait for it rather than measure an error. */
async function engineConnected(client: BerthClient, timeoutMs = 30_000): Promise<void> {
  const started = performance.now();
  while ((await client.call('engine.info', {})).state !== 'connected') {
    if (performance.now() - started > timeoutMs) throw new Error(`the host did not connect to its engine within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function sessionCookie(hostUrl: string): Promise<string> {
  const response = await fetch(hostUrl, { redirect: 'manual' });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('the host gave no session cookie');
  return cookie;
}

async function download(hostUrl: string, cookie: string, name: string): Promise<number> {
  const url = new URL(downloadUrl('logs', { id: name }), hostUrl);
  const response = await fetch(url, { headers: { cookie } });
  if (response.status !== 200 || !response.body) throw new Error(`the download answered ${response.status}`);
  let bytes = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return bytes;
}

function dockerLogs(env: NodeJS.ProcessEnv, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', ['logs', name], { env, stdio: 'ignore' });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`docker logs exited ${String(code)}`))));
  });
}
