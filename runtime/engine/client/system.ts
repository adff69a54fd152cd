import type { Readable } from 'node:stream';
import { readAnswer } from '../json/read.js';
import { engineBuildCachePrunedSchema, engineDiskUsageSchema, type EngineBuildCachePruned, type EngineDiskUsage } from '../json/disk-usage.js';
import { engineInfoSchema, engineVersionSchema, type EngineInfo, type EngineVersion } from '../json/system.js';
import type { EngineTransport } from './transport.js';

/** Disk usage and pruning walk every container, volume and cache record: minutes on a big host. */
const diskUsageTimeoutMs = 10 * 60_000;

/** The engine's own endpoints: what it is, and what happens on it. */
export class SystemCalls {
  constructor(private readonly http: EngineTransport) {}

  async info(signal?: AbortSignal): Promise<EngineInfo> {
    return readAnswer(engineInfoSchema, await this.http.request({ method: 'GET', path: '/info', signal }), 'GET /info');
  }

  async version(signal?: AbortSignal): Promise<EngineVersion> {
    return readAnswer(engineVersionSchema, await this.http.request({ method: 'GET', path: '/version', signal }), 'GET /version');
  }

  /**
   * `docker system df`: every image, container (with its writable layer's size), volume (with its
   * size) and build cache record. The engine measures every container and volume for it, which
   * takes long on a big host.
   */
  async diskUsage(signal?: AbortSignal): Promise<EngineDiskUsage> {
    const answer = await this.http.request({ method: 'GET', path: '/system/df', signal, timeoutMs: diskUsageTimeoutMs });
    return readAnswer(engineDiskUsageSchema, answer, 'GET /system/df');
  }

  /** `docker builder prune`: `all` takes shared and internal records too; `filters` as the engine takes them (`until`). */
  async pruneBuildCache(options: { all: boolean; filters: Record<string, string[]> }, signal?: AbortSignal): Promise<EngineBuildCachePruned> {
    const answer = await this.http.request({ method: 'POST', path: '/build/prune', query: { all: options.all, filters: options.filters }, signal, timeoutMs: diskUsageTimeoutMs });
    return readAnswer(engineBuildCachePrunedSchema, answer ?? {}, 'POST /build/prune');
  }

  /** The NDJSON `/events` stream of every type (json/streams.ts reads its lines); from `since` (engine seconds) when given. */
  events(signal?: AbortSignal, since?: string): Promise<Readable> {
    return this.http.stream({ method: 'GET', path: '/events', query: { since }, signal });
  }
}
