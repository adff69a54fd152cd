import type { BerthClient } from '../runtime/api/index.js';
import { connectBerth } from './berth-client.js';
import type { EngineAddParams, EngineLabel } from './engine-targets.js';
import { untilEngineConnected } from './measure-list.js';
import type { RawList } from './raw-engine.js';
import { round, summarize, type Summary } from './stats.js';
import { log } from './support.js';

/**
 * (g) One list across three engines: a client asks one `berth serve` for every engine's
 * `containers.list` at once (as the UI fetches lists across engines) and waits for the last
 * answer, against each engine's own `GET /containers/json?all=1` on its own transport, all three
 * sent at once (to the last answer: the slowest engine's raw answer when they are asked in
 * parallel, as Berth asks them) and each alone, interleaved in the same process. The target
 * compares the combined time with the raw calls at once; each alone is reported beside it (on
 * one machine the engines share its cores, so alone each answers faster than in parallel).
 */

export interface EnginesListEngine {
  label: EngineLabel;
  /** The engine as requests name it (its engineId); undefined for the default engine. */
  engine: string | undefined;
  rawList(): Promise<RawList>;
}

export interface EnginesListOptions {
  hostUrl: string;
  engines: readonly EnginesListEngine[];
  iterations: number;
  warmup: number;
}

export interface EnginesList {
  /** Containers each engine listed (Berth and raw agreed). */
  containers: Partial<Record<EngineLabel, number>>;
  iterations: number;
  /** All three `containers.list` sent at once over one WebSocket, to the last answer. */
  combined: Summary;
  /** Each engine's raw list, alone. */
  raw: Partial<Record<EngineLabel, Summary>>;
  /** The three raw lists at once, to the last answer: the target's baseline. */
  rawAllAtOnce: Summary;
  /** Each engine's `containers.list` through Berth alone (context: where the combined time goes). */
  berthAlone: Partial<Record<EngineLabel, Summary>>;
  /** The engine whose raw list had the highest median. */
  slowestRaw: EngineLabel;
  ratios: { combinedOverSlowestRawMedian: number; combinedOverSlowestRawP95: number; combinedOverRawAllAtOnceMedian: number };
  /** The host's first answered combined list (it makes each engine's live list: each engine's list, then the answers). */
  firstCombinedMs: number | null;
}

export async function measureEnginesList(options: EnginesListOptions): Promise<EnginesList> {
  const connection = await connectBerth(options.hostUrl);
  try {
    const { client } = connection;
    const listOne = async (engine: EnginesListEngine) => (await client.call('containers.list', { all: true }, { engine: engine.engine })).length;
    const combined = () => Promise.all(options.engines.map(listOne));
    let firstCombinedMs: number | null = null;
    await untilEngineConnected(async () => {
      const start = performance.now();
      const counts = await combined();
      firstCombinedMs = round(performance.now() - start);
      return counts.length;
    });

    log(`engines list: ${options.warmup} warm-up + ${options.iterations} iterations each (berth combined, raw per engine, raw all at once, berth per engine)`);
    const steps: Step[] = [
      { name: 'combined' },
      ...options.engines.map((engine) => ({ name: 'raw' as const, engine })),
      { name: 'rawAll' },
      ...options.engines.map((engine) => ({ name: 'berth' as const, engine })),
    ];
    const samples = new Map<string, number[]>(steps.map((step) => [keyOf(step), []]));
    const rawCounts = new Map<EngineLabel, number>();
    let berthCounts: number[] = [];
    for (let index = 0; index < options.warmup + options.iterations; index++) {
      // Rotate the order, so no step always runs right after the same other one.
      const order = steps.map((_, position) => steps[(position + index) % steps.length] as Step);
      for (const step of order) {
        const start = performance.now();
        if (step.name === 'combined') berthCounts = await combined();
        else if (step.name === 'raw') rawCounts.set(step.engine.label, (await step.engine.rawList()).count);
        else if (step.name === 'berth') await listOne(step.engine);
        else await Promise.all(options.engines.map((engine) => engine.rawList()));
        if (index >= options.warmup) samples.get(keyOf(step))?.push(performance.now() - start);
      }
    }
    const containers: Partial<Record<EngineLabel, number>> = {};
    options.engines.forEach((engine, position) => {
      const raw = rawCounts.get(engine.label);
      if (berthCounts[position] !== raw) throw new Error(`containers.list on ${engine.label} returned ${String(berthCounts[position])} containers, the engine ${String(raw)}`);
      containers[engine.label] = raw;
    });

    const summaryOf = (key: string) => summarize(samples.get(key) ?? []);
    const raw: Partial<Record<EngineLabel, Summary>> = {};
    const berthAlone: Partial<Record<EngineLabel, Summary>> = {};
    for (const engine of options.engines) {
      raw[engine.label] = summaryOf(`raw:${engine.label}`);
      berthAlone[engine.label] = summaryOf(`berth:${engine.label}`);
    }
    const slowest = options.engines.reduce((worst, engine) => ((raw[engine.label]?.medianMs ?? 0) > (raw[worst.label]?.medianMs ?? 0) ? engine : worst));
    const slowestSummary = raw[slowest.label] as Summary;
    const combinedSummary = summaryOf('combined');
    const rawAllAtOnce = summaryOf('rawAll');
    return {
      containers,
      iterations: options.iterations,
      combined: combinedSummary,
      raw,
      rawAllAtOnce,
      berthAlone,
      slowestRaw: slowest.label,
      ratios: {
        combinedOverSlowestRawMedian: round(combinedSummary.medianMs / slowestSummary.medianMs, 3),
        combinedOverSlowestRawP95: round(combinedSummary.p95Ms / slowestSummary.p95Ms, 3),
        combinedOverRawAllAtOnceMedian: round(combinedSummary.medianMs / rawAllAtOnce.medianMs, 3),
      },
      firstCombinedMs,
    };
  } finally {
    connection.dispose();
  }
}

type Step = { name: 'combined' } | { name: 'raw' | 'berth'; engine: EnginesListEngine } | { name: 'rawAll' };

function keyOf(step: Step): string {
  return step.name === 'raw' || step.name === 'berth' ? `${step.name}:${step.engine.label}` : step.name;
}

/** Adds an engine through `engines.add`; fails unless it connects. Returns its engineId. */
export async function addEngine(client: BerthClient, params: EngineAddParams): Promise<string> {
  const entry = await client.call('engines.add', params);
  if (entry.state !== 'connected') throw new Error(`engines.add ${params.url}: ${entry.state}${entry.reason ? ` (${entry.reason.code}: ${entry.reason.message})` : ''}`);
  return entry.engineId;
}
