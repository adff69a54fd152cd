import { BerthError, type BuildCachePrunePreview, type BuildCachePruneResult, type diskUsageContract, type ParsedMethodParams, type SystemDiskUsage } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { HandlerSlice } from '../../rpc/handlers.js';
import { buildCachePicks } from './build-cache-prune.js';
import { toBuildCacheRecord, toSystemDiskUsage } from './summary.js';

type Engine = Pick<EngineConnection, 'client' | 'status'>;

/** Podman's Docker API has no BuildKit: no build cache in its disk usage, no `/build/prune`. */
const hasBuildCache = (engine: Engine) => engine.client.dialect !== 'podman';

export async function systemDiskUsage(engine: Engine, verbose: boolean, signal?: AbortSignal): Promise<SystemDiskUsage> {
  const usage = await engine.client.system.diskUsage(signal);
  return toSystemDiskUsage(engine.status.engineId, usage, { verbose, hasBuildCache: hasBuildCache(engine) });
}

export async function buildCachePrunePreview(engine: Engine, params: ParsedMethodParams<'builder.prunePreview'>, signal?: AbortSignal): Promise<BuildCachePrunePreview> {
  if (!hasBuildCache(engine)) return { records: [], spaceBytes: 0 };
  const usage = await engine.client.system.diskUsage(signal);
  const records = buildCachePicks(usage.BuildCache ?? [], { all: params.all, filters: params.filters, now: Date.now() }).map(toBuildCacheRecord);
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { records, spaceBytes: records.reduce((sum, record) => sum + record.sizeBytes, 0) };
}

export async function pruneBuildCache(engine: Engine, params: ParsedMethodParams<'builder.prune'>, signal?: AbortSignal): Promise<BuildCachePruneResult> {
  if (!hasBuildCache(engine)) {
    throw new BerthError('invalid_argument', 'This engine (Podman) keeps no build cache to prune: what its builds leave are images (prune images instead).');
  }
  const until = params.filters.find((word) => word.startsWith('until='));
  const filters: Record<string, string[]> = until === undefined ? {} : { until: [until.slice('until='.length)] };
  const answer = await engine.client.system.pruneBuildCache({ all: params.all, filters }, signal);
  return { removed: answer.CachesDeleted ?? [], spaceReclaimedBytes: answer.SpaceReclaimed ?? 0 };
}

/** The disk usage domain's handlers (`runtime/api/disk-usage.ts`). */
export function diskUsageHandlers(engine: EngineConnection): HandlerSlice<typeof diskUsageContract> {
  return {
    methods: {
      'system.df': (params, signal) => systemDiskUsage(engine, params.verbose, signal),
      'builder.prunePreview': (params, signal) => buildCachePrunePreview(engine, params, signal),
      'builder.prune': (params, signal) => pruneBuildCache(engine, params, signal),
    },
    streams: {},
  };
}
