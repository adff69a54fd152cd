import type Docker from 'dockerode';
import { BerthError, type BerthClient } from '../runtime/api/index.js';
import { benchLabel, removeNamed } from './bench-containers.js';
import { connectBerth } from './berth-client.js';
import { runDocker } from './docker-cli.js';
import { untilEngineConnected } from './measure-list.js';
import { rawCreateAndStart } from './raw-engine.js';
import { round, summarize, type Summary } from './stats.js';
import { errorMessage, log } from './support.js';

/**
 * (d) Create and start one container: `containers.create` with `start: true` through a running
 * web host, over its WebSocket, against `docker run -d` (spawned, so its process start counts)
 * and, for context, the engine's own create + start over node:http on its socket. The three
 * take turns, in rotating order, so all see the same engine load.
 */

export interface CreateStartOptions {
  hostUrl: string;
  socketPath: string;
  cliEnv: NodeJS.ProcessEnv;
  docker: Docker;
  image: string;
  runs: number;
  warmup: number;
}

export interface CreateStart {
  runs: number;
  /** containers.create {spec, start: true, pull: false} until it answers (created and started). */
  berth: Summary;
  /** `docker run -d --label ... --name ... IMAGE sleep 3600`, spawn to exit. */
  dockerCli: Summary;
  /** POST /containers/create + POST /containers/{id}/start on the engine socket. */
  rawEngine: Summary;
  ratios: { berthOverCliMedian: number; berthOverCliP95: number; berthOverRawMedian: number; cliOverRawMedian: number };
}

type Way = 'berth' | 'dockerCli' | 'rawEngine';
const ways: readonly Way[] = ['berth', 'dockerCli', 'rawEngine'];
const command = ['sleep', '3600'];

export async function measureCreateStart(options: CreateStartOptions): Promise<CreateStart> {
  const names: string[] = [];
  const connection = await connectBerth(options.hostUrl);
  try {
    const { client } = connection;
    await untilEngineConnected(async () => (await client.call('containers.list', { all: true })).length);
    const createOne = (way: Way, name: string): Promise<unknown> => {
      names.push(name);
      if (way === 'berth') return berthCreate(client, options.image, name);
      if (way === 'dockerCli') return runDocker(['run', '-d', '--label', `${benchLabel}=1`, '--name', name, options.image, ...command], options.cliEnv);
      return rawCreateAndStart(options.socketPath, { name, image: options.image, command, labels: { [benchLabel]: '1' } });
    };

    log(`create+start: ${options.warmup} warm-up + ${options.runs} runs each (berth, docker run -d, raw engine)`);
    // Berth first: when containers.create is not available, fail before creating anything else.
    for (let index = 0; index < options.warmup; index++) {
      for (const way of ways) await createOne(way, `bench-create-warm-${way}-${index + 1}`);
    }
    const samples: Record<Way, number[]> = { berth: [], dockerCli: [], rawEngine: [] };
    for (let index = 0; index < options.runs; index++) {
      const order = ways.map((_, offset) => ways[(index + offset) % ways.length] as Way);
      for (const way of order) {
        const start = performance.now();
        await createOne(way, `bench-create-${way}-${String(index + 1).padStart(3, '0')}`);
        samples[way].push(performance.now() - start);
      }
    }

    const berth = summarize(samples.berth);
    const dockerCli = summarize(samples.dockerCli);
    const rawEngine = summarize(samples.rawEngine);
    log(`create+start: berth p50 ${berth.medianMs} ms, docker run -d p50 ${dockerCli.medianMs} ms, raw p50 ${rawEngine.medianMs} ms`);
    return {
      runs: options.runs,
      berth,
      dockerCli,
      rawEngine,
      ratios: {
        berthOverCliMedian: round(berth.medianMs / dockerCli.medianMs, 3),
        berthOverCliP95: round(berth.p95Ms / dockerCli.p95Ms, 3),
        berthOverRawMedian: round(berth.medianMs / rawEngine.medianMs, 3),
        cliOverRawMedian: round(dockerCli.medianMs / rawEngine.medianMs, 3),
      },
    };
  } finally {
    connection.dispose();
    // Leaves the engine as it was, so later measures see the fleet they expect.
    await removeNamed(options.docker, names).catch((error: unknown) => log(`create+start: removing its containers failed: ${errorMessage(error)}`));
  }
}

async function berthCreate(client: BerthClient, image: string, name: string): Promise<void> {
  try {
    const result = await client.call('containers.create', {
      spec: { image, name, command, labels: { [benchLabel]: '1' } },
      start: true,
      pull: false,
    });
    if (!result.started) throw new Error(`created ${name} but did not start it: ${result.startError?.message ?? 'no reason given'}`);
  } catch (error) {
    if (error instanceof BerthError) throw new Error(`containers.create: ${error.code}: ${error.message}`);
    throw error;
  }
}
