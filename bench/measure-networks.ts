import { connectBerth } from './berth-client.js';
import { untilEngineConnected } from './measure-list.js';
import { rawEngineRequest } from './raw-engine.js';
import { round, summarize, type Summary } from './stats.js';
import { delay, log } from './support.js';

/**
 * (j) `networks.list` through a running web host, over its WebSocket, against the engine's own
 * `GET /networks` on its unix socket (read whole and JSON-parsed, as any client would), in the
 * same process and interleaved so both see the same engine load, with the host's live network
 * list warm (steady state: kept from the engine's events); the host's first list (cold: it makes
 * the live list with one `GET /networks`) is reported apart. For context, the containers on
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
  /** The host's first networks.list (it makes the live list: one GET /networks), and a raw GET /networks right after, for scale. */
  cold: { firstCallMs: number; rawAfterColdMs: number };
  /** networks.list in steady state: answered from the live list. */
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
    // Cold: the host's first list once it is connected (that list makes its live list).
    const deadline = Date.now() + 30_000;
    while ((await client.call('engine.info', {})).state !== 'connected') {
      if (Date.now() > deadline) throw new Error('the host did not connect to its engine within 30 s');
      await delay(100);
    }
    const coldStart = performance.now();
    await untilEngineConnected(berthList);
    const firstCallMs = performance.now() - coldStart;
    const rawStart = performance.now();
    await rawGet(options.socketPath, '/networks');
    const rawAfterColdMs = performance.now() - rawStart;

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
      cold: { firstCallMs: round(firstCallMs), rawAfterColdMs: round(rawAfterColdMs) },
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
