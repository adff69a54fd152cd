import type Docker from 'dockerode';
import { benchLabel, forEachLimited, removeNamed } from './bench-containers.js';
import { connectBerth } from './berth-client.js';
import { runDocker } from './docker-cli.js';
import { untilEngineConnected } from './measure-list.js';
import { median, round, summarize, type Summary } from './stats.js';
import { delay, errorMessage, log } from './support.js';

/**
 * (e) Stopping many running containers at once: N `containers.stop` calls issued together over
 * one WebSocket (what the UI's multi-selection does) against one `docker stop -t 10 n1 ... nN`
 * (the CLI stops its arguments in parallel). Each side stops its own N containers, made the
 * same way; busybox `sh` as PID 1 only reacts to signals it traps, so each container traps
 * TERM and exits at once. Several rounds, alternating which side goes first.
 */

export interface BulkStopOptions {
  hostUrl: string;
  cliEnv: NodeJS.ProcessEnv;
  docker: Docker;
  image: string;
  containers: number;
  rounds: number;
}

export interface BulkStopRound {
  round: number;
  first: 'berth' | 'dockerCli';
  berthWallMs: number;
  /** When the first of the N calls answered. */
  berthFirstAnswerMs: number;
  dockerCliWallMs: number;
}

export interface BulkStop {
  containers: number;
  rounds: number;
  timeoutSeconds: number;
  /** From issuing all N calls to the last answer, one sample per round. */
  berthWallMs: Summary;
  /** `docker stop` spawn to exit, one sample per round. */
  dockerCliWallMs: Summary;
  /** Ratio of the medians (the target), and the median of each round's own ratio (both sides saw the same engine state). */
  ratios: { berthOverCliMedian: number; perRoundMedian: number };
  /** Exit codes of the stopped containers: all 0 means each stopped on SIGTERM, not by SIGKILL after the timeout. */
  exitCodes: Record<string, number>;
  samples: BulkStopRound[];
}

const timeoutSeconds = 10;
const command = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done'];

export async function measureBulkStop(options: BulkStopOptions): Promise<BulkStop> {
  const connection = await connectBerth(options.hostUrl);
  const made: string[] = [];
  try {
    const { client } = connection;
    await untilEngineConnected(async () => (await client.call('containers.list', { all: true })).length);
    const samples: BulkStopRound[] = [];
    const exitCodes: Record<string, number> = {};

    for (let index = 1; index <= options.rounds; index++) {
      const names = (side: string) => Array.from({ length: options.containers }, (_, n) => `bench-stop-${index}-${side}-${String(n + 1).padStart(3, '0')}`);
      const berthNames = names('b');
      const cliNames = names('c');
      made.push(...berthNames, ...cliNames);
      await startStoppable(options.docker, options.image, [...berthNames, ...cliNames]);

      const berthStop = async () => {
        const start = performance.now();
        let firstMs = Number.POSITIVE_INFINITY;
        const settled = await Promise.allSettled(
          berthNames.map(async (id) => {
            await client.call('containers.stop', { id, timeoutSeconds });
            firstMs = Math.min(firstMs, performance.now() - start);
          }),
        );
        const wallMs = performance.now() - start;
        const failed = settled.filter((outcome) => outcome.status === 'rejected');
        if (failed[0]) throw new Error(`containers.stop failed for ${failed.length} of ${berthNames.length}: ${errorMessage(failed[0].reason)}`);
        return { wallMs, firstMs };
      };
      const cliStop = async () => {
        const run = await runDocker(['stop', '-t', String(timeoutSeconds), ...cliNames], options.cliEnv, 120_000);
        return run.endMs - run.startMs;
      };

      const first = index % 2 === 1 ? 'berth' : 'dockerCli';
      let berth = { wallMs: 0, firstMs: 0 };
      let cliMs = 0;
      if (first === 'berth') berth = await berthStop();
      else cliMs = await cliStop();
      await delay(1000);
      if (first === 'berth') cliMs = await cliStop();
      else berth = await berthStop();

      await countExitCodes(options.docker, [...berthNames, ...cliNames], exitCodes);
      samples.push({ round: index, first, berthWallMs: round(berth.wallMs), berthFirstAnswerMs: round(berth.firstMs), dockerCliWallMs: round(cliMs) });
      log(`bulk stop round ${index}: berth ${round(berth.wallMs)} ms, docker stop ${round(cliMs)} ms (${first} first)`);
      await removeNamed(options.docker, [...berthNames, ...cliNames]);
    }

    const berthWallMs = summarize(samples.map((sample) => sample.berthWallMs));
    const dockerCliWallMs = summarize(samples.map((sample) => sample.dockerCliWallMs));
    return {
      containers: options.containers,
      rounds: options.rounds,
      timeoutSeconds,
      berthWallMs,
      dockerCliWallMs,
      ratios: {
        berthOverCliMedian: round(berthWallMs.medianMs / dockerCliWallMs.medianMs, 3),
        perRoundMedian: round(median(samples.map((sample) => sample.berthWallMs / sample.dockerCliWallMs)), 3),
      },
      exitCodes,
      samples,
    };
  } finally {
    connection.dispose();
    await removeNamed(options.docker, made).catch((error: unknown) => log(`bulk stop: removing its containers failed: ${errorMessage(error)}`));
  }
}

/** Creates and starts the containers, then gives each shell a moment to install its TERM trap. */
async function startStoppable(docker: Docker, image: string, names: readonly string[]): Promise<void> {
  log(`bulk stop: starting ${names.length} containers`);
  await forEachLimited(names, 8, async (name) => {
    const container = await docker.createContainer({ name, Image: image, Cmd: command, Labels: { [benchLabel]: '1' } });
    await container.start();
  });
  await delay(1000);
}

/** Adds the exit code of each named container to `counts`; one still running counts as "running". */
async function countExitCodes(docker: Docker, names: readonly string[], counts: Record<string, number>): Promise<void> {
  const wanted = new Set(names);
  const listed = await docker.listContainers({ all: true, filters: { label: [`${benchLabel}=1`], name: ['bench-stop-'] } });
  for (const item of listed) {
    if (!item.Names.some((name) => wanted.has(name.replace(/^\//, '')))) continue;
    const code = item.State === 'running' ? 'running' : (/^Exited \((-?\d+)\)/.exec(item.Status)?.[1] ?? item.State);
    counts[code] = (counts[code] ?? 0) + 1;
  }
}
