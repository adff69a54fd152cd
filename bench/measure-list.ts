import { BerthError } from '../runtime/api/index.js';
import { connectBerth } from './berth-client.js';
import { runDocker } from './docker-cli.js';
import { rawListContainers } from './raw-engine.js';
import { round, summarize, type Summary } from './stats.js';
import { delay, log } from './support.js';

/**
 * (a) `containers.list` through a running web host, over its WebSocket, against the engine's
 * own `GET /containers/json?all=1` on its unix socket, in the same process and interleaved so
 * both see the same engine load; `docker ps -a --no-trunc` is timed for context.
 */

export interface ListLatencyOptions {
  hostUrl: string;
  /** The socket the host's engine calls reach the engine through (the raw calls use the same one). */
  socketPath: string;
  cliEnv: NodeJS.ProcessEnv;
  iterations: number;
  warmup: number;
}

export interface ListLatency {
  containers: number;
  responseBytes: number;
  iterations: number;
  berth: Summary;
  raw: Summary;
  dockerCli: Summary;
  /** Medians divided: berth over raw (the target), docker CLI over raw (context). */
  ratios: { berthOverRawMedian: number; berthOverRawP95: number; dockerCliOverRawMedian: number };
  /** The host's first answered `containers.list` (it makes the live list: the engine's list, then the answer). */
  firstCallMs: number | null;
}

export async function measureListLatency(options: ListLatencyOptions): Promise<ListLatency> {
  const connection = await connectBerth(options.hostUrl);
  try {
    const { client } = connection;
    const berthList = async () => (await client.call('containers.list', { all: true })).length;
    let firstCallMs: number | null = null;
    await untilEngineConnected(async () => {
      const start = performance.now();
      const count = await berthList();
      firstCallMs = round(performance.now() - start);
      return count;
    });

    log(`list latency: ${options.warmup} warm-up + ${options.iterations} iterations each (berth, raw, docker CLI)`);
    for (let index = 0; index < options.warmup; index++) {
      await berthList();
      await rawListContainers(options.socketPath);
    }
    const berthSamples: number[] = [];
    const rawSamples: number[] = [];
    let raw = { count: 0, bytes: 0 };
    let berthCount = 0;
    for (let index = 0; index < options.iterations; index++) {
      // Alternate which goes first, so neither always runs right after the other.
      const order = index % 2 === 0 ? ['berth', 'raw'] : ['raw', 'berth'];
      for (const which of order) {
        const start = performance.now();
        if (which === 'berth') {
          berthCount = await berthList();
          berthSamples.push(performance.now() - start);
        } else {
          raw = await rawListContainers(options.socketPath);
          rawSamples.push(performance.now() - start);
        }
      }
    }
    if (berthCount !== raw.count) throw new Error(`containers.list returned ${berthCount} containers, the engine ${raw.count}`);

    const cliSamples: number[] = [];
    for (let index = 0; index < options.warmup + options.iterations; index++) {
      const run = await runDocker(['ps', '-a', '--no-trunc'], options.cliEnv);
      if (index >= options.warmup) cliSamples.push(run.endMs - run.startMs);
    }

    const berth = summarize(berthSamples);
    const rawSummary = summarize(rawSamples);
    const dockerCli = summarize(cliSamples);
    return {
      containers: raw.count,
      responseBytes: raw.bytes,
      iterations: options.iterations,
      berth,
      raw: rawSummary,
      dockerCli,
      ratios: {
        berthOverRawMedian: round(berth.medianMs / rawSummary.medianMs, 3),
        berthOverRawP95: round(berth.p95Ms / rawSummary.p95Ms, 3),
        dockerCliOverRawMedian: round(dockerCli.medianMs / rawSummary.medianMs, 3),
      },
      firstCallMs,
    };
  } finally {
    connection.dispose();
  }
}

/** `berth serve` prints its URL before it has reached the engine; wait for its first good answer. */
export async function untilEngineConnected(list: () => Promise<number>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await list();
      return;
    } catch (error) {
      const retryable = error instanceof BerthError && error.code === 'engine_unreachable';
      if (!retryable || Date.now() > deadline) throw error;
      await delay(200);
    }
  }
}
