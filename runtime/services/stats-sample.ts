import type { StatsSample } from '../api/index.js';
import type { EngineStats } from '../engine/json/streams.js';

/**
 * Engine stats -> a sample, computed the way `docker stats` does: CPU % of one CPU from the
 * deltas against the previous reading, memory without the page cache (inactive files).
 */
export function toStatsSample(stats: EngineStats, now: number): StatsSample {
  const cpu = stats.cpu_stats ?? {};
  const previous = stats.precpu_stats ?? {};
  const onlineCpus = cpu.online_cpus || cpu.cpu_usage?.percpu_usage?.length || 1;
  const cpuDelta = (cpu.cpu_usage?.total_usage ?? 0) - (previous.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cpu.system_cpu_usage ?? 0) - (previous.system_cpu_usage ?? 0);
  const cpuPercent = cpuDelta > 0 && systemDelta > 0 ? (cpuDelta / systemDelta) * onlineCpus * 100 : 0;

  const memory = stats.memory_stats ?? {};
  const detail = memory.stats ?? {};
  // cgroup v1 reports total_inactive_file, v2 inactive_file; the CLI subtracts whichever exists.
  const cache = counter(detail.total_inactive_file) ?? counter(detail.inactive_file) ?? 0;
  const usage = Math.max(0, (memory.usage ?? 0) - (cache < (memory.usage ?? 0) ? cache : 0));

  const read = stats.read ? Date.parse(stats.read) : NaN;
  return {
    time: Number.isNaN(read) || read <= 0 ? now : read,
    cpuPercent: Math.round(cpuPercent * 100) / 100,
    onlineCpus,
    memoryUsageBytes: usage,
    memoryLimitBytes: memory.limit ?? 0,
    pids: stats.pids_stats?.current ?? 0,
  };
}

function counter(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
