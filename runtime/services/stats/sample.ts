import type { ContainerLimits, StatsSample } from '../../api/index.js';
import type { EngineStats } from '../../engine/json/streams.js';

/**
 * Engine stats -> a sample, computed the way the docker CLI's `docker stats` does
 * (cli/command/container/stats_helpers.go), on cgroup v1 and v2 alike:
 * - CPU %: the container's CPU time over the host's since the previous reading (the engine
 *   sends it as `precpu_stats`), times the online CPUs (or the per-CPU counters' number), x100;
 *   0 when either delta is not positive (the first reading).
 * - Memory: usage minus the inactive file cache: v1 `total_inactive_file` when present and
 *   smaller than the usage, else v2 `inactive_file` when smaller, else the usage as it is.
 * - Network: rx and tx bytes summed over the interfaces; block I/O: the entries whose operation
 *   starts with r/R (read) or w/W (write) summed (v1 `Read`/`Write`, v2 `read`/`write`).
 * Rates (bytes per second) come from the previous sample of the same stream.
 */

/** What the engine's stats do not say about the container: read from its inspect. */
export interface SampleContext {
  /** The container's CPU limit in CPUs (0 = none): `cpuLimitOfLimits`. */
  cpuLimitCpus: number;
  /** Its `PidsLimit` (0 = none), used when the engine's stats say none. */
  pidsLimit: number;
  /** The previous sample of the same stream, for the rates; null for the first. */
  previous: StatsSample | null;
}

/** Above this a counter is "unlimited" spelled as 2^64-1 (and no real limit). */
const unlimited = 2 ** 53;

export function toStatsSample(stats: EngineStats, now: number, context: SampleContext): StatsSample {
  const cpu = stats.cpu_stats ?? {};
  const previousCpu = stats.precpu_stats ?? {};
  const onlineCpus = cpu.online_cpus || cpu.cpu_usage?.percpu_usage?.length || 0;
  const cpuDelta = (cpu.cpu_usage?.total_usage ?? 0) - (previousCpu.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cpu.system_cpu_usage ?? 0) - (previousCpu.system_cpu_usage ?? 0);
  const cpuPercent = cpuDelta > 0 && systemDelta > 0 ? (cpuDelta / systemDelta) * onlineCpus * 100 : 0;

  const memory = stats.memory_stats ?? {};
  const counters = memory.stats ?? {};
  const usage = memory.usage ?? 0;
  const v1Inactive = counters.total_inactive_file ?? undefined;
  const v2Inactive = counters.inactive_file ?? 0;
  const memoryUsageBytes = v1Inactive !== undefined && v1Inactive < usage ? usage - v1Inactive : v2Inactive < usage ? usage - v2Inactive : usage;
  const memoryCacheBytes = counters.total_cache ?? counters.cache ?? counters.file ?? 0;

  let networkRxBytes = 0;
  let networkTxBytes = 0;
  for (const network of Object.values(stats.networks ?? {})) {
    networkRxBytes += network.rx_bytes ?? 0;
    networkTxBytes += network.tx_bytes ?? 0;
  }
  let blockReadBytes = 0;
  let blockWriteBytes = 0;
  for (const entry of stats.blkio_stats?.io_service_bytes_recursive ?? []) {
    const first = entry.op?.[0];
    if (first === 'r' || first === 'R') blockReadBytes += entry.value ?? 0;
    else if (first === 'w' || first === 'W') blockWriteBytes += entry.value ?? 0;
  }

  const read = stats.read ? Date.parse(stats.read) : Number.NaN;
  const time = Number.isNaN(read) || read <= 0 ? now : read;
  const previous = context.previous;
  const seconds = previous === null ? 0 : (time - previous.time) / 1000;
  const rate = (current: number, before: number | undefined) =>
    seconds > 0 && before !== undefined && current >= before ? Math.round((current - before) / seconds) : 0;

  const enginePidsLimit = stats.pids_stats?.limit ?? 0;
  return {
    time,
    cpuPercent: Math.round(cpuPercent * 100) / 100,
    onlineCpus,
    cpuLimitCpus: context.cpuLimitCpus,
    memoryUsageBytes,
    memoryLimitBytes: memory.limit ?? 0,
    memoryCacheBytes,
    networkRxBytes,
    networkTxBytes,
    networkRxBytesPerSecond: rate(networkRxBytes, previous?.networkRxBytes),
    networkTxBytesPerSecond: rate(networkTxBytes, previous?.networkTxBytes),
    blockReadBytes,
    blockWriteBytes,
    blockReadBytesPerSecond: rate(blockReadBytes, previous?.blockReadBytes),
    blockWriteBytesPerSecond: rate(blockWriteBytes, previous?.blockWriteBytes),
    pids: stats.pids_stats?.current ?? 0,
    pidsLimit: enginePidsLimit > 0 && enginePidsLimit < unlimited ? enginePidsLimit : Math.max(0, context.pidsLimit),
  };
}

/**
 * The CPUs a container may use: its CPU quota (`--cpus`, or CpuQuota/CpuPeriod), capped by the
 * number of CPUs its `--cpuset-cpus` names; 0 when neither limits it.
 */
export function cpuLimitOfLimits(limits: Pick<ContainerLimits, 'cpus' | 'cpusetCpus'>): number {
  const inSet = cpusetSize(limits.cpusetCpus);
  if (limits.cpus > 0 && inSet > 0) return Math.min(limits.cpus, inSet);
  return limits.cpus > 0 ? limits.cpus : inSet;
}

/** How many CPUs a cpuset list names (`0-2,4` = 4); 0 for an empty or unreadable one. */
export function cpusetSize(cpuset: string): number {
  let size = 0;
  for (const part of cpuset.split(',')) {
    const range = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!range) {
      if (part.trim() !== '') return 0;
      continue;
    }
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from) return 0;
    size += to - from + 1;
  }
  return size;
}
