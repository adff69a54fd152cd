import { connectBerth } from './berth-client.js';
import { untilEngineConnected } from './measure-list.js';
import { rawEngineRequest } from './raw-engine.js';
import { round, summarize, type Summary } from './stats.js';
import { log } from './support.js';

/**
 * (j) `networks.list` through a running web host, over its WebSocket, against the engine's own
 * `GET /networks` on its unix socket (read whole and JSON-parsed, as any client would), in the
 * same process and interleaved so both see the same engine load. For context, the containers on
 * them: `networks.attachments` against the raw `GET /containers/json?all=1` it is made from.
 */

export interface NetworksOptions {
  hostUrl: string;
  socketPath: string;
  iterations: number;
  warmup: number;
}

export interface NetworksMeasure {
  networks: number;
  responseBytes: number;
  iterations: number;
  berthList: Summary;
  rawList: Summary;
  berthAttachments: Summary;
  rawContainers: Summary;
  /** Medians divided: networks.list over GET /networks (the target); attachments over the containers list (context). */
  ratios: { listOverRawMedian: number; listOverRawP95: number; attachmentsOverRawMedian: number };
}

async function rawGet(socketPath: string, path: string): Promise<{ count: number; bytes: number }> {
  const answer = await rawEngineRequest(socketPath, 'GET', path);
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.text.slice(0, 200)}`);
  const parsed = JSON.parse(answer.text) as unknown;
  if (!Array.isArray(parsed)) throw new Error(`GET ${path} did not answer a JSON array`);
  return { count: parsed.length, bytes: Buffer.byteLength(answer.text) };
}

export async function measureNetworks(options: NetworksOptions): Promise<NetworksMeasure> {
  const connection = await connectBerth(options.hostUrl);
  try {
    const { client } = connection;
    const berthList = async () => (await client.call('networks.list', {})).length;
    const berthAttachments = async () => (await client.call('networks.attachments', {})).length;
    await untilEngineConnected(berthList);

    /** Alternates which goes first, so neither always runs right after the other. */
    const interleaved = async (ours: () => Promise<unknown>, raw: () => Promise<unknown>) => {
      for (let index = 0; index < options.warmup; index++) {
        await ours();
        await raw();
      }
      const samples = { ours: [] as number[], raw: [] as number[] };
      for (let index = 0; index < options.iterations; index++) {
        for (const which of index % 2 === 0 ? (['ours', 'raw'] as const) : (['raw', 'ours'] as const)) {
          const start = performance.now();
          await (which === 'ours' ? ours() : raw());
          samples[which].push(performance.now() - start);
        }
      }
      return samples;
    };

    log(`networks: ${options.warmup} warm-up + ${options.iterations} iterations each (networks.list, GET /networks; networks.attachments, GET /containers/json)`);
    const list = await interleaved(berthList, () => rawGet(options.socketPath, '/networks'));
    const attachments = await interleaved(berthAttachments, () => rawGet(options.socketPath, '/containers/json?all=1'));
    const raw = await rawGet(options.socketPath, '/networks');
    const count = await berthList();
    if (count !== raw.count) throw new Error(`networks.list returned ${count} networks, the engine ${raw.count}`);

    const summaries = { berthList: summarize(list.ours), rawList: summarize(list.raw), berthAttachments: summarize(attachments.ours), rawContainers: summarize(attachments.raw) };
    log(`networks: list p50 ${summaries.berthList.medianMs} ms vs GET /networks ${summaries.rawList.medianMs} ms`);
    return {
      networks: raw.count,
      responseBytes: raw.bytes,
      iterations: options.iterations,
      ...summaries,
      ratios: {
        listOverRawMedian: round(summaries.berthList.medianMs / summaries.rawList.medianMs, 3),
        listOverRawP95: round(summaries.berthList.p95Ms / summaries.rawList.p95Ms, 3),
        attachmentsOverRawMedian: round(summaries.berthAttachments.medianMs / summaries.rawContainers.medianMs, 3),
      },
    };
  } finally {
    connection.dispose();
  }
}
