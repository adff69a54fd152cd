import { z } from 'zod';
import { defineDomain, method, params, stream } from './define.js';
import { containerRef } from './refs.js';

/**
 * Resource use of running containers, as the engine measures it. The backend keeps one engine
 * stats stream per running container (whatever is on screen) and a bounded history of each;
 * the streams below read from that, never open an engine stream of their own.
 */

/** One sample: a container's use over the last second, computed as `docker stats` computes it. */
export interface StatsSample {
  /** When the engine read it: milliseconds since the epoch. */
  time: number;
  /** CPU use in percent of ONE cpu (200 = two full cpus), like `docker stats`: the cgroup's CPU time over the host's, times the online CPUs. */
  cpuPercent: number;
  /** The CPUs the engine's host has online (the most `cpuPercent` can reach is 100 times this). */
  onlineCpus: number;
  /** The CPUs the container may use: its `--cpus` (NanoCpus, or CpuQuota/CpuPeriod), capped by its `--cpuset-cpus`; 0 = no limit (the host's `onlineCpus`). */
  cpuLimitCpus: number;
  /** Memory in use without the inactive file cache (cgroup v1 `total_inactive_file`, v2 `inactive_file`), as `docker stats` shows it. */
  memoryUsageBytes: number;
  /** The memory limit in effect (the host's memory when unlimited). */
  memoryLimitBytes: number;
  /** The page cache charged to the container (cgroup v1 `total_cache`, v2 `file`); part of it may be in `memoryUsageBytes`. */
  memoryCacheBytes: number;
  /** Bytes received over all its network interfaces since it started. */
  networkRxBytes: number;
  /** Bytes sent over all its network interfaces since it started. */
  networkTxBytes: number;
  /** Receive rate since the previous sample, bytes per second (0 on the first). */
  networkRxBytesPerSecond: number;
  /** Transmit rate since the previous sample, bytes per second (0 on the first). */
  networkTxBytesPerSecond: number;
  /** Bytes read from block devices since it started (v1 `Read`, v2 `read` entries). */
  blockReadBytes: number;
  /** Bytes written to block devices since it started. */
  blockWriteBytes: number;
  /** Block read rate since the previous sample, bytes per second. */
  blockReadBytesPerSecond: number;
  /** Block write rate since the previous sample, bytes per second. */
  blockWriteBytesPerSecond: number;
  /** Processes and threads in the container. */
  pids: number;
  /** Its PIDs limit; 0 = no limit. */
  pidsLimit: number;
}

/** The numeric fields a history keeps per point, in this order. */
export const statsSeriesFields = [
  'cpuPercent',
  'cpuLimitCpus',
  'memoryUsageBytes',
  'memoryLimitBytes',
  'memoryCacheBytes',
  'networkRxBytesPerSecond',
  'networkTxBytesPerSecond',
  'blockReadBytesPerSecond',
  'blockWriteBytesPerSecond',
  'pids',
  'pidsLimit',
] as const satisfies readonly (keyof StatsSample)[];

export type StatsSeriesField = (typeof statsSeriesFields)[number];

/**
 * A run of samples as columns (one array per field, all as long as `time`), oldest first: what a
 * chart takes as it is. A minute point holds the mean of that minute's samples (the limits: the last).
 */
export type StatsSeries = { [F in StatsSeriesField]: number[] } & {
  /** The spacing the series is kept at: 1000 (seconds) or 60000 (minutes). */
  intervalMs: number;
  /** Each point's time, milliseconds since the epoch (a minute point: the minute's start). */
  time: number[];
};

/** What `stats.history` answers: both resolutions of one container's history. */
export interface StatsHistory {
  /** The container's full id. */
  containerId: string;
  /** The last 15 minutes at one point a second. */
  seconds: StatsSeries;
  /** The last 24 hours at one point a minute (the minute under way included, as far as it went). */
  minutes: StatsSeries;
  /** The newest sample, or null while none came (a container that never ran while Berth did). */
  latest: StatsSample | null;
  /** Whether its engine stats stream is open now (it runs). */
  isLive: boolean;
}

/** One message of `stats.watch`. */
export interface StatsBatch {
  /** Each watched container with a sample newer than the last message's (all known, in the first message). `id` is as the params named it. */
  samples: { id: string; sample: StatsSample }[];
}

export const statsContract = defineDomain({
  methods: {
    'stats.history': method<StatsHistory>()(
      params({ id: containerRef }),
      "A container's resource use kept while Berth runs: the last 15 minutes at 1 s and the last 24 hours at 1 min (kept for every running container, watched or not; dropped when it is removed).",
    ),
  },
  streams: {
    'containers.stats': stream<StatsSample>()(
      params({ id: containerRef }),
      'Live resource use of one container, one sample a second while it runs (the newest one at once).',
    ),
    'stats.watch': stream<StatsBatch>()(
      params({
        ids: z
          .array(containerRef)
          .max(2000, 'may name at most 2000 containers')
          .describe('The containers to watch (ids or names); one that is not running sends nothing until it starts.'),
      }),
      'Live resource use of many containers at once: at most two messages a second, each with the new samples of all of them.',
    ),
  },
});
