import type { BerthClient, StreamName, TransferProgress } from '../runtime/api/index.js';
import { ThrowawayRegistry } from '../runtime/testing/throwaway-registry.js';
import { connectBerth } from './berth-client.js';
import { runDocker } from './docker-cli.js';
import { round, summarize, type Summary } from './stats.js';
import { log } from './support.js';

/**
 * (h) Pull and push (issue 11), through a running web host over its WebSocket, of one image of
 * `layers` layers of random bytes in a registry the bench started:
 * - pull: `images.pull` to its end vs `docker pull`, the image removed before each, taking turns;
 * - push: `images.push` to its end vs `docker push`, each push to a fresh registry of its own
 *   (a fresh repository in the same registry is not enough: the engine mounts the blobs from the
 *   repository it pushed them to before instead of uploading them);
 * - the progress events a pull delivers to the client: per second over the pull, and the most
 *   in any one second.
 */

export interface ImagesOptions {
  hostUrl: string;
  cliEnv: NodeJS.ProcessEnv;
  /** The image, `REGISTRY/NAME:TAG`, pushed to `registry` and present on the engine. */
  reference: string;
  runs: number;
}

export interface ImagesMeasure {
  imageBytes: number;
  layers: number;
  berthPull: Summary;
  dockerPull: Summary;
  berthPush: Summary;
  dockerPush: Summary;
  /** Events per second of each Berth pull (events / its duration), median, and the most seen in any 1 s window of any pull. */
  progress: { eventsPerPullMedian: number; eventsPerSecondMedian: number; maxInAnySecond: number };
  ratios: { pullOverCliMedian: number; pushOverCliMedian: number };
}

type Transfer = Extract<StreamName, 'images.pull' | 'images.push'>;

function follow(client: BerthClient, stream: Transfer, reference: string): Promise<{ times: number[]; final: TransferProgress | null }> {
  const times: number[] = [];
  let final: TransferProgress | null = null;
  return new Promise((resolve, reject) => {
    client.subscribe(stream, { reference }, {
      onEvent: (event) => {
        times.push(performance.now());
        final = event;
      },
      onEnd: () => resolve({ times, final }),
      onError: reject,
    });
  });
}

/** The most events in any window of 1000 ms. */
function maxInAnySecond(times: readonly number[]): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

export async function measureImages(options: ImagesOptions): Promise<ImagesMeasure> {
  const { reference, cliEnv } = options;
  const connection = await connectBerth(options.hostUrl);
  const removeLocal = () => runDocker(['rmi', '-f', reference], cliEnv).catch(() => undefined);
  try {
    const { client } = connection;
    const pulls = { berth: [] as number[], cli: [] as number[] };
    const perSecond: number[] = [];
    const perPull: number[] = [];
    let most = 0;
    let imageBytes = 0;
    let layers = 0;
    log(`images: ${options.runs} pulls each through Berth and docker pull, 1 warm-up each`);
    for (let index = -1; index < options.runs; index++) {
      const order = index % 2 === 0 ? (['berth', 'cli'] as const) : (['cli', 'berth'] as const);
      for (const way of order) {
        await removeLocal();
        const start = performance.now();
        if (way === 'berth') {
          const { times, final } = await follow(client, 'images.pull', reference);
          const ms = performance.now() - start;
          if (final?.done !== true) throw new Error('images.pull ended without its final state');
          imageBytes = final.bytesTotal;
          layers = final.layerCount;
          if (index >= 0) {
            perPull.push(times.length);
            perSecond.push(times.length / (ms / 1000));
            most = Math.max(most, maxInAnySecond(times));
          }
        } else {
          await runDocker(['pull', '-q', reference], cliEnv, 300_000);
        }
        if (index >= 0) pulls[way].push(performance.now() - start);
      }
    }

    const pushes = { berth: [] as number[], cli: [] as number[] };
    log(`images: ${options.runs} pushes each through Berth and docker push, each to a fresh registry, 1 warm-up each`);
    for (let index = -1; index < options.runs; index++) {
      const order = index % 2 === 0 ? (['berth', 'cli'] as const) : (['cli', 'berth'] as const);
      for (const way of order) {
        const registry = await ThrowawayRegistry.start();
        const target = `${registry.address}/bench/pushed:1`;
        try {
          await runDocker(['tag', reference, target], cliEnv);
          const start = performance.now();
          if (way === 'berth') {
            const { final } = await follow(client, 'images.push', target);
            if (final?.done !== true) throw new Error('images.push ended without its final state');
          } else {
            await runDocker(['push', '-q', target], cliEnv, 300_000);
          }
          if (index >= 0) pushes[way].push(performance.now() - start);
        } finally {
          await runDocker(['rmi', target], cliEnv).catch(() => undefined);
          await registry.stop();
        }
      }
    }
    const berthPull = summarize(pulls.berth);
    const dockerPull = summarize(pulls.cli);
    const berthPush = summarize(pushes.berth);
    const dockerPush = summarize(pushes.cli);
    log(`images: pull p50 ${berthPull.medianMs} ms vs docker ${dockerPull.medianMs} ms; push p50 ${berthPush.medianMs} ms vs docker ${dockerPush.medianMs} ms`);
    return {
      imageBytes,
      layers,
      berthPull,
      dockerPull,
      berthPush,
      dockerPush,
      progress: { eventsPerPullMedian: summarize(perPull).medianMs, eventsPerSecondMedian: round(summarize(perSecond).medianMs, 1), maxInAnySecond: most },
      ratios: { pullOverCliMedian: round(berthPull.medianMs / dockerPull.medianMs, 3), pushOverCliMedian: round(berthPush.medianMs / dockerPush.medianMs, 3) },
    };
  } finally {
    connection.dispose();
  }
}
